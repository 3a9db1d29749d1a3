//! Visits as the caregiver's day shows them.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    Planned,
    Done,
    Cancelled,
}

impl VisitStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitStatus::Planned => "planned",
            VisitStatus::Done => "done",
            VisitStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(name: &str) -> Option<VisitStatus> {
        [
            VisitStatus::Planned,
            VisitStatus::Done,
            VisitStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            VisitStatus::Planned => "Naplánováno",
            VisitStatus::Done => "Hotovo",
            VisitStatus::Cancelled => "Zrušeno",
        }
    }
}

/// Who is on a visit: its caregiver and, on a two-person visit, the second one. The same rule
/// in SQL is the view `visit_assignments` (migrations/0008_visit_assignments.sql).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub caregiver_id: Option<String>,
    pub second_caregiver_id: Option<String>,
}

impl Assignment {
    /// The caregivers on the visit, first the visit's own, then the second one.
    pub fn caregiver_ids(&self) -> impl Iterator<Item = &str> {
        [&self.caregiver_id, &self.second_caregiver_id]
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// Whether this caregiver is on the visit, in either position.
    pub fn includes(&self, user_id: &str) -> bool {
        self.caregiver_ids().any(|id| id == user_id)
    }
}

/// One visit on a caregiver's route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitView {
    pub id: String,
    pub client_name: String,
    pub address: String,
    pub municipality: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: VisitStatus,
    /// Czech names of the planned tasks from the legal catalogue.
    pub tasks: Vec<String>,
    /// What the caregiver needs on the doorstep (key box, dog, …).
    pub doorstep_note: Option<String>,
    /// The client's key risks from their record (falls, allergies, a dog at the door…).
    #[serde(default)]
    pub key_risks: Option<String>,
    /// The client's own phone, as checked at intake: called first.
    #[serde(default)]
    pub client_phone: Option<String>,
    /// Whom to call about the client (the contact persons noted at intake), first first.
    #[serde(default)]
    pub contacts: Vec<crate::clients::ContactPerson>,
    /// Where the door is, for navigation.
    pub location: crate::planning::travel::GeoPoint,
    /// What the visit's accepted record says, when it has one (on any device).
    #[serde(default)]
    pub recorded: Option<crate::family::live::Outcome>,
}

/// `GET /api/schedule/visits/today`: the caller's visits for the Prague date, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TodayVisits {
    pub date: NaiveDate,
    pub visits: Vec<VisitView>,
    /// The provider's office phone, as the provider wrote it, when it gave one.
    #[serde(default)]
    pub office_phone: Option<String>,
}

/// How many Prague days, today first, `GET /api/schedule/visits/upcoming` covers: what a
/// caregiver's phone keeps for working offline.
pub const UPCOMING_DAYS: i64 = 7;

/// `GET /api/schedule/visits/upcoming`: the caller's visits from today through `to`
/// ([`UPCOMING_DAYS`] Prague days), earliest first; shaped like today's visits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpcomingVisits {
    pub from: NaiveDate,
    /// The last day covered, inclusive.
    pub to: NaiveDate,
    pub visits: Vec<VisitView>,
    /// The provider's office phone, when it gave one: called from the phone offline too.
    #[serde(default)]
    pub office_phone: Option<String>,
}

/// One visit as a client's family sees it: who comes when. No staff-internal notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyVisitView {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `None` while nobody is assigned yet.
    pub caregiver_name: Option<String>,
    pub status: VisitStatus,
}

/// `GET /api/schedule/clients/{id}/visits`: a client's visits for two weeks from today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientVisits {
    pub client_id: String,
    pub client_name: String,
    pub from: NaiveDate,
    pub visits: Vec<FamilyVisitView>,
}

/// A client as a linked family member knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedClient {
    pub client_id: String,
    pub client_name: String,
    pub provider_name: String,
}

/// A visit on the planner's week board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardVisit {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    pub caregiver_ids: Vec<String>,
    pub caregivers_needed: u8,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub status: VisitStatus,
    pub template_id: Option<String>,
    /// Where the client lives: the board filters by district.
    pub municipality: String,
    pub district: String,
}

/// A row of the planner's week board: a caregiver of the provider, with the week's load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardCaregiver {
    pub id: String,
    pub name: String,
    /// Hours a week of the caregiver's contract, in minutes; `None` while not recorded.
    pub contract_minutes: Option<i64>,
    /// Minutes of visits planned for the caregiver in the week (cancelled ones not counted).
    pub planned_minutes: i64,
    /// The caregiver's working shifts, the week overview sets each day's plan against them.
    #[serde(default)]
    pub shifts: Vec<crate::planning::conflicts::Shift>,
    /// The caregiver's absences that touch the week (sickness, leave), the overview says.
    #[serde(default)]
    pub absences: Vec<crate::planning::conflicts::Absence>,
}

/// `GET /api/schedule/caregivers/{id}/profile`: the caregiver by name, and what the
/// planner records of her (sent back alone with `PUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaregiverProfileView {
    pub name: String,
    #[serde(flatten)]
    pub profile: crate::planning::input::CaregiverProfileInput,
}

/// `GET /api/schedule/caregivers`: a caregiver's contract and skills, as the staff table
/// shows them beside the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaregiverSummary {
    pub id: String,
    /// Hours a week of the contract, in minutes; `None` while not recorded.
    pub contract_minutes: Option<i64>,
    /// In alphabetical order.
    pub skills: Vec<String>,
}

/// `GET /api/schedule/week/{monday}`: the provider's week and everything wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekBoard {
    pub monday: NaiveDate,
    /// Every active caregiver of the provider, by name, whether they have visits or not.
    pub caregivers: Vec<BoardCaregiver>,
    pub visits: Vec<BoardVisit>,
    pub conflicts: Vec<crate::planning::conflicts::Conflict>,
    /// Every caregiver's drives between consecutive visits, for the board to draw.
    #[serde(default)]
    pub travel: Vec<crate::planning::conflicts::TravelLeg>,
    /// Every caregiver's drive from her home base to her first visit of a day and from
    /// her last one home.
    #[serde(default)]
    pub home_drives: Vec<crate::planning::conflicts::HomeDrive>,
}

/// `POST /api/schedule/visits`: a visit the planner adds by hand, outside the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewVisit {
    pub client_id: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub tasks: Vec<String>,
    #[serde(default)]
    pub caregiver_ids: Vec<String>,
    #[serde(default = "one")]
    pub caregivers_needed: u8,
    pub reason: String,
}

fn one() -> u8 {
    1
}

/// `POST /api/schedule/week/{monday}/generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedWeek {
    pub created: u32,
}

/// `PATCH /api/schedule/visits/{id}`: move, reassign or cancel, always with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitChange {
    #[serde(default)]
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub caregiver_ids: Option<Vec<String>>,
    #[serde(default)]
    pub cancel: bool,
    pub reason: String,
}

/// One entry of a visit's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitEvent {
    pub at: DateTime<Utc>,
    pub user_id: String,
    pub display_name: String,
    pub kind: String,
    pub detail: String,
    pub reason: Option<String>,
}

/// What `PATCH /api/schedule/visits/{id}` answers: the visit as it now stands and every
/// conflict of its week that involves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitChangeResult {
    pub visit: BoardVisit,
    pub conflicts: Vec<crate::planning::conflicts::Conflict>,
}

/// A caregiver's absence as the planner lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceView {
    pub id: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When a sick call starts it during its first day; absent for whole days.
    #[serde(default)]
    pub from_time: Option<NaiveTime>,
    pub reason: String,
}

/// A recurring visit of a care plan, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    pub id: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekdays: Vec<u8>,
    /// Prague wall time, `HH:MM`.
    pub window_start: String,
    pub window_end: String,
    pub duration_minutes: i64,
    pub tasks: Vec<String>,
    pub required_skills: Vec<String>,
    pub caregivers_needed: u8,
    pub preferred_caregiver_id: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// One saved version of a client's care plan (individuální plán).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarePlanVersion {
    pub version: i64,
    pub goals: String,
    pub agreed_tasks: Vec<String>,
    pub valid_from: NaiveDate,
    pub note: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// `GET /api/schedule/clients/{id}/care-plan`: the plan in force, every earlier version
/// (newest first) and the plan's recurring visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarePlan {
    pub client_id: String,
    pub current: Option<CarePlanVersion>,
    pub history: Vec<CarePlanVersion>,
    pub templates: Vec<TemplateView>,
}

/// `POST /api/schedule/optimise`: plan a day, or the whole week when `day` is absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptimiseRequest {
    pub monday: NaiveDate,
    #[serde(default)]
    pub day: Option<NaiveDate>,
    /// How long the optimiser may search; 1–30 s, by default 2 s for a day, 8 s for a week.
    #[serde(default)]
    pub time_limit_seconds: Option<u32>,
}

/// A plan's quality, as the planner compares the current plan with a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanScore {
    pub unassigned: u32,
    pub travel_minutes: i64,
    pub waiting_minutes: i64,
    pub overtime_minutes: i64,
    /// Distinct caregivers per client, summed over the clients of the period.
    pub caregivers_per_client: i64,
    /// Conflicts the week board would show.
    pub conflicts: u32,
}

/// One visit the proposal changes: who and when, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedChange {
    pub visit_id: String,
    pub client_name: String,
    pub from_caregiver_ids: Vec<String>,
    pub to_caregiver_ids: Vec<String>,
    pub from_starts_at: DateTime<Utc>,
    pub to_starts_at: DateTime<Utc>,
    /// Why the visit changes, in a few Czech words (who is free and near, who has the skill,
    /// who knows the client).
    pub why: String,
}

/// A visit the optimiser could not plan, and why (Czech).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnplannedVisit {
    pub visit_id: String,
    pub client_name: String,
    /// When the visit is planned now.
    pub starts_at: DateTime<Utc>,
    pub reason: String,
}

/// What `POST /api/schedule/optimise` answers: a suggestion, nothing is changed yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub monday: NaiveDate,
    pub day: Option<NaiveDate>,
    pub current: PlanScore,
    pub proposed: PlanScore,
    pub changes: Vec<ProposedChange>,
    pub unplanned: Vec<UnplannedVisit>,
    pub seconds: f64,
    /// Set when the proposal repairs the plan after a caregiver's sick call.
    #[serde(default)]
    pub repair: Option<Repair>,
    /// An agreed time moves only when that saves more than this many minutes of travel.
    #[serde(default)]
    pub retime_threshold_minutes: i64,
}

/// What a repair proposal is about: whose visits go to others, and what it costs the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    pub caregiver_id: String,
    /// The visits of other caregivers the repair changes (the fewer, the better).
    pub others_changed: u32,
}

/// `POST /api/schedule/caregivers/{id}/sick`: the caregiver is away from `from` (from
/// `from_time`, `HH:MM` Prague time, on that day when given) through `to`; the answer is the
/// repair proposal of the affected days of `from`'s week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SickCall {
    pub from: NaiveDate,
    #[serde(default)]
    pub from_time: Option<String>,
    pub to: NaiveDate,
}

/// One change of a proposal the planner accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedChange {
    pub visit_id: String,
    pub caregiver_ids: Vec<String>,
    pub starts_at: DateTime<Utc>,
}

/// `POST /api/schedule/optimise/accept`: the chosen changes, applied together, each kept in
/// its visit's history with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptProposal {
    pub changes: Vec<AcceptedChange>,
    pub reason: String,
}

/// What accepting answers: how many visits changed, and the week's conflicts after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcceptedProposal {
    pub applied: u32,
    pub conflicts: Vec<crate::planning::conflicts::Conflict>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_caregiver_of_a_two_person_visit_is_on_it() {
        let assignment = Assignment {
            caregiver_id: Some("jana".to_owned()),
            second_caregiver_id: Some("karel".to_owned()),
        };
        assert!(assignment.includes("jana"));
        assert!(assignment.includes("karel"));
        assert!(!assignment.includes("eva"));
        assert_eq!(
            assignment.caregiver_ids().collect::<Vec<_>>(),
            ["jana", "karel"]
        );
    }

    #[test]
    fn nobody_is_on_an_unassigned_visit() {
        assert!(!Assignment::default().includes(""));
        assert_eq!(Assignment::default().caregiver_ids().count(), 0);
    }
}
