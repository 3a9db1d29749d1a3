//! Training: the region's training centres (IVC), their courses and runs, enrolment with a
//! waiting list, attendance, certificates and every worker's 24 hours a year. Wire types
//! here, the rules in the submodules.

pub mod attendance;
pub mod certificate;
pub mod duty;
pub mod employment;
pub mod enrolment;
pub mod offer;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use attendance::Mark;
use duty::DutyStanding;
use enrolment::EnrolmentStatus;

/// A training centre with where to find it and whom to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Centre {
    pub id: String,
    pub name: String,
    pub street: String,
    pub municipality: String,
    pub district: String,
    pub email: String,
    pub phone: String,
    /// The lecturers who teach there, by name.
    pub lecturers: Vec<Lecturer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lecturer {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Management,
    SocialWork,
    DirectCare,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 3] = [Self::Management, Self::SocialWork, Self::DirectCare];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Management => "management",
            Self::SocialWork => "social_work",
            Self::DirectCare => "direct_care",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|group| group.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Management => "vedoucí pracovníci",
            Self::SocialWork => "sociální práce",
            Self::DirectCare => "přímá péče",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub minutes: i64,
    pub target_group: TargetGroup,
    /// The MPSV accreditation number and the last day it is valid, where there is one.
    pub accreditation_number: Option<String>,
    pub accreditation_valid_until: Option<NaiveDate>,
    pub description: String,
    pub what_to_bring: String,
    /// The centre that keeps the course; its lecturers may change it.
    pub centre_id: Option<String>,
    /// An in-house training event rather than a course (the duty's 8-hour cap).
    pub in_house: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTime {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl SessionTime {
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes()
    }
}

/// One run of a course: its sessions, the place, the free places and the caller's own
/// enrolment, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub id: String,
    pub course: Course,
    pub centre_id: String,
    pub centre_name: String,
    pub centre_street: String,
    pub centre_municipality: String,
    pub room: String,
    pub lecturer_id: String,
    pub lecturer_name: String,
    pub capacity: i64,
    pub enrolled: i64,
    pub waiting: i64,
    pub enrol_by: DateTime<Utc>,
    pub cancel_by: DateTime<Utc>,
    pub closed: bool,
    pub sessions: Vec<SessionTime>,
    pub my_status: Option<EnrolmentStatus>,
}

/// `POST /api/training/enrolments` and `…/enrolments/cancel`: a manager for her staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffEnrolmentRequest {
    pub run_id: String,
    pub worker_id: String,
}

/// `POST /api/training/my-enrolments` and `…/my-enrolments/cancel`: a worker for herself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnEnrolmentRequest {
    pub run_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentOutcome {
    pub status: EnrolmentStatus,
    /// A cancellation after the run's cancellation deadline.
    pub late: bool,
}

/// A worker's enrolment as she sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTraining {
    pub run: Run,
    pub status: EnrolmentStatus,
    pub cancelled_late: bool,
    /// Moved up from the waiting list since she last looked: shown once.
    pub newly_promoted: bool,
    pub credited_minutes: Option<i64>,
    pub certificate_code: Option<String>,
}

/// One person on a run's roll, with her mark at each session (in the run's order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollEntry {
    pub worker_id: String,
    pub name: String,
    pub provider_name: String,
    pub status: EnrolmentStatus,
    pub marks: Vec<Option<attendance::Attendance>>,
    pub credited_minutes: Option<i64>,
    pub certificate: Option<CertificateSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSummary {
    pub code: String,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roll {
    pub run: Run,
    /// Enrolled first, then the waiting list in its order.
    pub people: Vec<RollEntry>,
}

/// `POST /api/training/sessions/{id}/attendance`: one roll as the tablet took it. The id is
/// made on the tablet, so a resend after a lost answer is recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceSubmission {
    pub submission_id: String,
    pub marks: Vec<AttendanceEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceEntry {
    pub worker_id: String,
    pub mark: Mark,
    #[serde(default)]
    pub minutes: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceReceipt {
    /// `false`: this submission had arrived before and was not applied again.
    pub applied: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloseOutcome {
    /// People whose hours were credited.
    pub credited: i64,
}

/// What a certificate shows, on paper and on the public verification page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub code: String,
    pub holder_name: String,
    pub course_title: String,
    pub minutes: i64,
    pub accreditation_number: Option<String>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub centre_name: String,
    pub lecturer_name: String,
    pub issued_on: NaiveDate,
}

/// The public answer for a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Verification {
    Valid {
        certificate: Certificate,
    },
    Revoked {
        certificate: Certificate,
        revoked_on: NaiveDate,
    },
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeRequest {
    pub reason: String,
}

/// A certificate as its lecturer or holder lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    pub certificate: Certificate,
    pub revoked: bool,
}

/// One of a manager's staff and her standing for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffStanding {
    pub worker_id: String,
    pub name: String,
    pub role: crate::identity::Role,
    pub standing: DutyStanding,
}

/// Counts for one provider or district: never names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceCount {
    pub name: String,
    pub workers: i64,
    pub met: i64,
    pub short: i64,
    pub completed_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compliance {
    pub year: i32,
    pub providers: Vec<ComplianceCount>,
    pub districts: Vec<ComplianceCount>,
}
