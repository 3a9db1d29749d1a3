//! The authorisation matrix, generated: every API route × every role × own or foreign
//! provider (and, for family members, linked or unlinked client) → allowed or denied,
//! checked with real requests. The expectations below are written independently of the
//! components' route tables; a route without a line here fails the suite.

use epece_tests::server::declared_routes;
use platform::{Access, Method};
use reqwest::Method as HttpMethod;
use serde_json::{Value, json};
use shared::identity::Role;
use shared::schedule::LinkedClient;

use crate::helpers::{Browser, Engine, TestApp, json, on_both_engines};

use Role::{
    Caregiver, Coordinator, DataAnalyst, FamilyMember, Lecturer, ProviderManager, RegionOfficer,
};

/// What a route's path or body names, and so what "own" and "foreign" mean for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Nothing: the route works on the caller's own scope.
    Nothing,
    /// `{id}` is a staff member.
    StaffMember,
    /// `{client_id}` in the path, or `client_id` in the body, is a client.
    Client,
    /// `{id}` is a family link.
    FamilyLink,
    /// `{id}` is a visit.
    Visit,
    /// `{id}` is a caregiver (and `{absence_id}` the demo's absence).
    Caregiver,
    /// `{id}` is a care plan's recurring visit.
    Template,
    /// `{id}` is a visit record.
    Record,
    /// `{visit_id}` is a visit on the caregiver's route, recorded yesterday.
    RecordedVisit,
    /// `{id}` is an incident.
    Incident,
    /// `{record_id}` and `{kind}` name a sync conflict of the demo's record (`Record`),
    /// which the matrix adds (`add_matrix_conflicts`).
    Conflict,
    /// `{id}` is a family's request to the coordinator.
    FamilyRequest,
    /// `{id}` is a training run: at the demo lecturer's centre, with the Děčín staff
    /// enrolled (own), or at another centre (foreign).
    TrainingRun,
    /// `{id}` is a session of such a run.
    TrainingSession,
    /// `{code}` is a certificate of such a run.
    TrainingCertificate,
    /// `centre_id` in the body is a training centre: the demo lecturer's (own) or another.
    TrainingCentre,
    /// `{id}` is a course kept by the demo lecturer's centre (own) or by another.
    TrainingCourse,
}

/// The matrix runs at a fixed instant, so the demo's visit ids and week are known.
const MATRIX_NOW: &str = "2026-11-23T07:00:00Z";
const MATRIX_MONDAY: &str = "2026-11-23";
const MATRIX_MONTH: &str = "2026-11";

struct Expectation {
    method: Method,
    pattern: &'static str,
    /// `None`: public. Otherwise the roles that may call it.
    roles: Option<&'static [Role]>,
    target: Target,
    body: Option<fn() -> Value>,
    /// The call changes what the next role's call would find: each role gets a fresh app.
    destructive: bool,
}

const ALL: &[Role] = &Role::ALL;
const STAFF: &[Role] = &[ProviderManager, Coordinator, Caregiver];

const fn rule(
    method: Method,
    pattern: &'static str,
    roles: Option<&'static [Role]>,
    target: Target,
) -> Expectation {
    Expectation {
        method,
        pattern,
        roles,
        target,
        body: None,
        destructive: false,
    }
}

fn client_body() -> Value {
    json!({
        "name": "Klient Matice", "street": "Dlouhá 1", "municipality_code": "562335",
        "service_from": "2026-11-01"
    })
}

fn training_course_body(centre: &str) -> Value {
    json!({
        "centre_id": centre, "title": "Kurz matice", "minutes": 240,
        "target_group": "direct_care", "description": "", "what_to_bring": ""
    })
}

/// Today's demo run moved to December, at `centre`.
fn training_run_body(centre: &str) -> Value {
    json!({
        "course_id": "kurz-presun", "centre_id": centre, "lecturer_id": "user-lektor",
        "capacity": 12, "room": "sál", "enrol_by": "2026-11-30T12:00",
        "cancel_by": "2026-11-30T12:00",
        "sessions": [{"starts_at": "2026-12-01T08:00", "ends_at": "2026-12-01T12:00"}]
    })
}

fn expectations() -> Vec<Expectation> {
    use Method::{Delete, Get, Patch, Post, Put};
    vec![
        Expectation {
            body: Some(|| json!({"username": "nikdo.takovy", "password": "x"})),
            ..rule(Post, "/api/auth/login", None, Target::Nothing)
        },
        Expectation {
            body: Some(|| json!({})),
            ..rule(Post, "/api/auth/logout", Some(ALL), Target::Nothing)
        },
        Expectation {
            body: Some(|| json!({})),
            ..rule(
                Post,
                "/api/auth/logout-everywhere",
                Some(ALL),
                Target::Nothing,
            )
        },
        rule(Get, "/api/auth/me", Some(ALL), Target::Nothing),
        rule(Get, "/api/auth/demo", None, Target::Nothing),
        Expectation {
            body: Some(
                || json!({"current_password": "demo1234", "new_password": "nové heslo 2026"}),
            ),
            ..rule(Put, "/api/auth/password", Some(ALL), Target::Nothing)
        },
        Expectation {
            body: Some(|| json!({"code": "AAAA-BBBB-CCCC", "new_password": "nové heslo 2026"})),
            ..rule(
                Post,
                "/api/auth/password-reset/redeem",
                None,
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/auth/staff",
            Some(&[ProviderManager]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/auth/provider",
            Some(&[ProviderManager]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({"office_phone": "601 000 009"})),
            ..rule(
                Put,
                "/api/auth/provider/office-phone",
                Some(&[ProviderManager]),
                Target::Nothing,
            )
        },
        Expectation {
            body: Some(
                || json!({"username": "nova.pecovatelka", "display_name": "Nová", "role": "caregiver"}),
            ),
            ..rule(
                Post,
                "/api/auth/staff",
                Some(&[ProviderManager]),
                Target::Nothing,
            )
        },
        Expectation {
            body: Some(|| json!({"active": true})),
            ..rule(
                Patch,
                "/api/auth/staff/{id}",
                Some(&[ProviderManager]),
                Target::StaffMember,
            )
        },
        Expectation {
            body: Some(|| json!({})),
            ..rule(
                Post,
                "/api/auth/staff/{id}/password-reset",
                Some(&[ProviderManager]),
                Target::StaffMember,
            )
        },
        Expectation {
            body: Some(|| json!({"client_id": "{client_id}"})),
            ..rule(
                Post,
                "/api/auth/invitations",
                Some(&[ProviderManager, Coordinator]),
                Target::Client,
            )
        },
        Expectation {
            body: Some(
                || json!({"code": "AAAA-BBBB-CCCC", "username": "rodina.nova", "display_name": "Rodina", "password": "nové heslo 2026"}),
            ),
            ..rule(Post, "/api/auth/invitations/redeem", None, Target::Nothing)
        },
        rule(
            Get,
            "/api/auth/clients/{client_id}/family",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        Expectation {
            destructive: true,
            ..rule(
                Delete,
                "/api/auth/family-links/{id}",
                Some(&[ProviderManager, Coordinator]),
                Target::FamilyLink,
            )
        },
        rule(
            Get,
            "/api/auth/audit",
            Some(&[ProviderManager]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/auth/audit/choices",
            Some(&[ProviderManager]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/auth/audit/export.csv",
            Some(&[ProviderManager]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/schedule/visits/today",
            Some(STAFF),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/schedule/visits/upcoming",
            Some(STAFF),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/schedule/clients/{client_id}/visits",
            Some(&[ProviderManager, Coordinator, FamilyMember]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/schedule/my-clients",
            Some(&[FamilyMember]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/schedule/week/{monday}",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({})),
            ..rule(
                Post,
                "/api/schedule/week/{monday}/generate",
                Some(&[ProviderManager, Coordinator]),
                Target::Nothing,
            )
        },
        Expectation {
            body: Some(
                || json!({"starts_at": "2026-11-23T08:05:00Z", "reason": "matice oprávnění"}),
            ),
            ..rule(
                Patch,
                "/api/schedule/visits/{id}",
                Some(&[ProviderManager, Coordinator]),
                Target::Visit,
            )
        },
        rule(
            Get,
            "/api/schedule/visits/{id}/history",
            Some(&[ProviderManager, Coordinator]),
            Target::Visit,
        ),
        rule(
            Get,
            "/api/schedule/clients",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(client_body),
            ..rule(
                Post,
                "/api/schedule/clients",
                Some(&[ProviderManager, Coordinator]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/schedule/clients/{client_id}",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        Expectation {
            body: Some(client_body),
            ..rule(
                Put,
                "/api/schedule/clients/{client_id}",
                Some(&[ProviderManager, Coordinator]),
                Target::Client,
            )
        },
        Expectation {
            body: Some(|| json!({"last_day": "2026-12-31", "reason": "matice oprávnění"})),
            destructive: true,
            ..rule(
                Post,
                "/api/schedule/clients/{client_id}/end-service",
                Some(&[ProviderManager, Coordinator]),
                Target::Client,
            )
        },
        rule(
            Get,
            "/api/schedule/caregivers",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/schedule/caregivers/{id}/profile",
            Some(&[ProviderManager, Coordinator]),
            Target::Caregiver,
        ),
        Expectation {
            body: Some(
                || json!({"skills": ["přesun"], "shifts": [{"weekday": 1, "start": "07:00", "end": "15:30"}]}),
            ),
            ..rule(
                Put,
                "/api/schedule/caregivers/{id}/profile",
                Some(&[ProviderManager, Coordinator]),
                Target::Caregiver,
            )
        },
        Expectation {
            body: Some(|| json!({"from": "2026-12-01", "to": "2026-12-02", "reason": "dovolená"})),
            ..rule(
                Post,
                "/api/schedule/caregivers/{id}/absences",
                Some(&[ProviderManager, Coordinator]),
                Target::Caregiver,
            )
        },
        Expectation {
            body: Some(|| json!({"caregiver_id": "user-pecovatelka.decin"})),
            ..rule(
                Post,
                "/api/schedule/clients/{client_id}/refused-caregivers",
                Some(&[ProviderManager, Coordinator]),
                Target::Client,
            )
        },
        Expectation {
            body: Some(|| {
                json!({
                    "client_id": "cl-d1", "weekdays": [1], "window_start": "10:00", "window_end": "10:30",
                    "duration_minutes": 30, "tasks": ["b1"], "caregivers_needed": 1, "valid_from": "2026-11-01"
                })
            }),
            ..rule(
                Post,
                "/api/schedule/templates",
                Some(&[ProviderManager, Coordinator]),
                Target::Nothing,
            )
        },
        Expectation {
            body: Some(|| {
                json!({
                    "client_id": "cl-d1", "starts_at": "2026-11-24T15:00:00Z", "duration_minutes": 30,
                    "tasks": ["c2"], "reason": "matice oprávnění"
                })
            }),
            ..rule(
                Post,
                "/api/schedule/visits",
                Some(&[ProviderManager, Coordinator]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/schedule/caregivers/{id}/absences",
            Some(&[ProviderManager, Coordinator]),
            Target::Caregiver,
        ),
        Expectation {
            destructive: true,
            ..rule(
                Delete,
                "/api/schedule/caregivers/{id}/absences/{absence_id}",
                Some(&[ProviderManager, Coordinator]),
                Target::Caregiver,
            )
        },
        Expectation {
            destructive: true,
            ..rule(
                Delete,
                "/api/schedule/templates/{id}",
                Some(&[ProviderManager, Coordinator]),
                Target::Template,
            )
        },
        rule(
            Get,
            "/api/schedule/clients/{client_id}/care-plan",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        Expectation {
            body: Some(
                || json!({"goals": "Zůstat doma.", "agreed_tasks": ["b1"], "valid_from": "2026-12-01"}),
            ),
            ..rule(
                Put,
                "/api/schedule/clients/{client_id}/care-plan",
                Some(&[ProviderManager, Coordinator]),
                Target::Client,
            )
        },
        Expectation {
            body: Some(
                || json!({"monday": "2026-11-23", "day": "2026-11-24", "time_limit_seconds": 1}),
            ),
            ..rule(
                Post,
                "/api/schedule/optimise",
                Some(&[ProviderManager, Coordinator]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/schedule/optimise/problem",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({"from": "2026-12-01", "to": "2026-12-01"})),
            ..rule(
                Post,
                "/api/schedule/caregivers/{id}/sick",
                Some(&[ProviderManager, Coordinator]),
                Target::Caregiver,
            )
        },
        Expectation {
            body: Some(|| {
                json!({"changes": [{"visit_id": "visit-2026-11-24-07", "caregiver_ids": ["user-pecovatel.decin"],
                                    "starts_at": "2026-11-24T11:15:00Z"}], "reason": "matice oprávnění"})
            }),
            ..rule(
                Post,
                "/api/schedule/optimise/accept",
                Some(&[ProviderManager, Coordinator]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/schedule/family/{client_id}/today",
            Some(&[FamilyMember]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/schedule/family/{client_id}/changes",
            Some(&[FamilyMember]),
            Target::Client,
        ),
        Expectation {
            body: Some(|| json!({"event_ids": []})),
            ..rule(
                Post,
                "/api/schedule/family/{client_id}/changes/seen",
                Some(&[FamilyMember]),
                Target::Client,
            )
        },
        rule(
            Get,
            "/api/schedule/family/{client_id}/continuity",
            Some(&[FamilyMember]),
            Target::Client,
        ),
        Expectation {
            body: Some(|| json!({"day": "2026-11-27", "kind": "later"})),
            ..rule(
                Post,
                "/api/schedule/family/{client_id}/requests",
                Some(&[FamilyMember]),
                Target::Client,
            )
        },
        rule(
            Get,
            "/api/schedule/family/{client_id}/requests",
            Some(&[FamilyMember]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/schedule/family-requests",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({"reply": "matice oprávnění"})),
            destructive: true,
            ..rule(
                Post,
                "/api/schedule/family-requests/{id}/accept",
                Some(&[ProviderManager, Coordinator]),
                Target::FamilyRequest,
            )
        },
        Expectation {
            body: Some(|| json!({"reply": "matice oprávnění"})),
            destructive: true,
            ..rule(
                Post,
                "/api/schedule/family-requests/{id}/decline",
                Some(&[ProviderManager, Coordinator]),
                Target::FamilyRequest,
            )
        },
        rule(
            Get,
            "/api/schedule/family/{client_id}/calendar-feed",
            Some(&[FamilyMember]),
            Target::Client,
        ),
        Expectation {
            body: Some(|| json!({})),
            ..rule(
                Post,
                "/api/schedule/family/{client_id}/calendar-feed",
                Some(&[FamilyMember]),
                Target::Client,
            )
        },
        rule(
            Delete,
            "/api/schedule/family/{client_id}/calendar-feed",
            Some(&[FamilyMember]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/schedule/calendar/{secret}",
            None,
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/schedule/clients/{client_id}/calendar-feeds",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        rule(
            Delete,
            "/api/schedule/family-links/{id}/calendar-feed",
            Some(&[ProviderManager, Coordinator]),
            Target::FamilyLink,
        ),
        rule(
            Get,
            "/api/records/tasks",
            Some(&[
                ProviderManager,
                Coordinator,
                Caregiver,
                RegionOfficer,
                DataAnalyst,
            ]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({"items": []})),
            ..rule(
                Post,
                "/api/records/sync",
                Some(&[Caregiver]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/records/visits/{visit_id}",
            Some(STAFF),
            Target::RecordedVisit,
        ),
        Expectation {
            body: Some(|| {
                json!({
                    "arrived_at": "2026-11-22T06:30:00Z", "left_at": "2026-11-22T07:20:00Z",
                    "tasks": [{"task_code": "b1"}], "reason": "matice oprávnění"
                })
            }),
            ..rule(
                Post,
                "/api/records/{id}/corrections",
                Some(STAFF),
                Target::Record,
            )
        },
        Expectation {
            body: Some(|| json!({"reason": "matice oprávnění"})),
            ..rule(
                Post,
                "/api/records/{id}/release",
                Some(&[ProviderManager, Coordinator]),
                Target::Record,
            )
        },
        rule(
            Get,
            "/api/records/incidents",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({})),
            ..rule(
                Post,
                "/api/records/incidents/{id}/acknowledge",
                Some(&[ProviderManager, Coordinator]),
                Target::Incident,
            )
        },
        rule(Get, "/api/records/conflicts", Some(STAFF), Target::Nothing),
        Expectation {
            body: Some(|| json!({})),
            ..rule(
                Post,
                "/api/records/conflicts/{record_id}/{kind}/acknowledge",
                Some(&[ProviderManager, Coordinator]),
                Target::Conflict,
            )
        },
        rule(
            Get,
            "/api/records/caps",
            Some(&[ProviderManager, Coordinator, RegionOfficer, DataAnalyst]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| {
                json!({
                    "valid_from": "2030-01-01", "item": "hour", "cap": 20000,
                    "threshold_minutes": 4800, "cap_above_threshold": 18000, "source": "matice oprávnění"
                })
            }),
            ..rule(
                Put,
                "/api/records/caps",
                Some(&[RegionOfficer]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/records/price-list",
            Some(&[ProviderManager, Coordinator]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({"valid_from": "2026-12-01", "hourly_rate": 16000})),
            ..rule(
                Put,
                "/api/records/price-list",
                Some(&[ProviderManager]),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/records/billing/{client_id}/{month}",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/records/billing/{client_id}/{month}/statement.csv",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/records/billing/{client_id}/{month}/statement.html",
            Some(&[ProviderManager, Coordinator]),
            Target::Client,
        ),
        rule(
            Get,
            "/api/training/centres",
            Some(&[
                ProviderManager,
                Coordinator,
                Caregiver,
                RegionOfficer,
                DataAnalyst,
                Lecturer,
            ]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/training/courses",
            Some(&[
                ProviderManager,
                Coordinator,
                Caregiver,
                RegionOfficer,
                DataAnalyst,
                Lecturer,
            ]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/training/runs",
            Some(&[
                ProviderManager,
                Coordinator,
                Caregiver,
                RegionOfficer,
                DataAnalyst,
                Lecturer,
            ]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/training/runs/{id}/calendar.ics",
            Some(STAFF),
            Target::TrainingRun,
        ),
        Expectation {
            body: Some(|| json!({"run_id": "run-demo-demence", "worker_id": "{client_id}"})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/enrolments",
                Some(&[ProviderManager]),
                Target::StaffMember,
            )
        },
        Expectation {
            body: Some(|| json!({"run_id": "run-demo-demence", "worker_id": "{client_id}"})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/enrolments/cancel",
                Some(&[ProviderManager]),
                Target::StaffMember,
            )
        },
        rule(
            Get,
            "/api/training/my-enrolments",
            Some(STAFF),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| json!({"run_id": "run-demo-demence"})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/my-enrolments",
                Some(STAFF),
                Target::Nothing,
            )
        },
        Expectation {
            body: Some(|| json!({"run_id": "run-demo-dnes"})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/my-enrolments/cancel",
                Some(STAFF),
                Target::Nothing,
            )
        },
        rule(
            Get,
            "/api/training/runs/{id}/roll",
            Some(&[Lecturer]),
            Target::TrainingRun,
        ),
        Expectation {
            body: Some(|| json!({"submission_id": "matice-1", "marks": []})),
            ..rule(
                Post,
                "/api/training/sessions/{id}/attendance",
                Some(&[Lecturer]),
                Target::TrainingSession,
            )
        },
        Expectation {
            body: Some(|| json!({})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/runs/{id}/close",
                Some(&[Lecturer]),
                Target::TrainingRun,
            )
        },
        Expectation {
            body: Some(|| json!({})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/runs/{id}/certificates",
                Some(&[Lecturer]),
                Target::TrainingRun,
            )
        },
        Expectation {
            body: Some(|| json!({"reason": "matice oprávnění"})),
            destructive: true,
            ..rule(
                Post,
                "/api/training/certificates/{code}/revoke",
                Some(&[Lecturer]),
                Target::TrainingCertificate,
            )
        },
        rule(
            Get,
            "/api/training/certificates/verify/{code}",
            None,
            Target::TrainingCertificate,
        ),
        rule(
            Get,
            "/api/training/my-certificates",
            Some(STAFF),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/training/my-standing",
            Some(STAFF),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/training/staff-standing",
            Some(&[ProviderManager]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/training/compliance",
            Some(&[RegionOfficer, DataAnalyst]),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| training_course_body("{client_id}")),
            ..rule(
                Post,
                "/api/training/courses",
                Some(&[Lecturer]),
                Target::TrainingCentre,
            )
        },
        Expectation {
            body: Some(|| training_course_body("ivc-usti")),
            destructive: true,
            ..rule(
                Put,
                "/api/training/courses/{id}",
                Some(&[Lecturer]),
                Target::TrainingCourse,
            )
        },
        Expectation {
            body: Some(|| training_run_body("{client_id}")),
            ..rule(
                Post,
                "/api/training/runs",
                Some(&[Lecturer]),
                Target::TrainingCentre,
            )
        },
        Expectation {
            body: Some(|| training_run_body("ivc-usti")),
            destructive: true,
            ..rule(
                Put,
                "/api/training/runs/{id}",
                Some(&[Lecturer]),
                Target::TrainingRun,
            )
        },
        rule(
            Get,
            "/api/training/staff/{id}/employments",
            Some(&[ProviderManager]),
            Target::StaffMember,
        ),
        Expectation {
            body: Some(|| json!({"periods": [{"starts_on": "2020-01-01"}]})),
            destructive: true,
            ..rule(
                Put,
                "/api/training/staff/{id}/employments",
                Some(&[ProviderManager]),
                Target::StaffMember,
            )
        },
        rule(
            Get,
            "/api/reports/municipalities",
            Some(&[ProviderManager, Coordinator, RegionOfficer, DataAnalyst]),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/providers",
            Some(REGIONAL_ROLES),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/provider",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/provider/csv",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/provider/xlsx",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/statement",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/statement/csv",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/statement/xlsx",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/region",
            Some(REGIONAL_ROLES),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/region/csv",
            Some(REGIONAL_ROLES),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/region/xlsx",
            Some(REGIONAL_ROLES),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/dictionary",
            Some(REPORT_READERS),
            Target::Nothing,
        ),
        rule(
            Get,
            "/api/reports/network-parameters",
            Some(REGIONAL_ROLES),
            Target::Nothing,
        ),
        Expectation {
            body: Some(|| {
                json!({"provider_id": "prov-decin", "valid_from": "2026-01-01",
                    "capacity_clients": 40, "operating_hours": null,
                    "min_direct_care_hours_per_month": 100,
                    "min_direct_care_share_percent": 70, "mandated_municipalities": ["562335"]})
            }),
            ..rule(
                Post,
                "/api/reports/network-parameters",
                Some(&[RegionOfficer]),
                Target::Nothing,
            )
        },
    ]
}

/// The region's office.
const REGIONAL_ROLES: &[Role] = &[RegionOfficer, DataAnalyst];
/// A provider's reports: its manager and the region's office.
const REPORT_READERS: &[Role] = &[ProviderManager, RegionOfficer, DataAnalyst];

fn matrix_now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(MATRIX_NOW)
        .expect("valid instant")
        .with_timezone(&chrono::Utc)
}

/// The demo account that plays each role; staff and family belong to the Děčín provider.
fn demo_user(role: Role) -> &'static str {
    match role {
        ProviderManager => "vedouci.decin",
        Coordinator => "koordinator.decin",
        Caregiver => "pecovatelka.decin",
        FamilyMember => "rodina.decin",
        RegionOfficer => "kraj",
        DataAnalyst => "analytik",
        Lecturer => "lektor",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose {
    Own,
    /// For family members: a client of their provider they are not linked to.
    Unlinked,
    Foreign,
}

/// The demo record a target names, by whose it is.
fn target_id(target: Target, whose: Whose) -> &'static str {
    match (target, whose) {
        (Target::Nothing, _) => "",
        (Target::StaffMember, Whose::Own | Whose::Unlinked) => "user-pecovatel.decin",
        (Target::StaffMember, Whose::Foreign) => "user-pecovatelka.louny",
        (Target::Client, Whose::Own) => "cl-d1",
        (Target::Client, Whose::Unlinked) => "cl-d2",
        (Target::Client, Whose::Foreign) => "cl-l2",
        (Target::FamilyLink, Whose::Own | Whose::Unlinked) => "link-rodina.decin-cl-d1",
        (Target::FamilyLink, Whose::Foreign) => "link-rodina.louny-cl-l2",
        (Target::Visit, Whose::Own | Whose::Unlinked) => "visit-2026-11-23-06",
        (Target::Visit, Whose::Foreign) => "visit-2026-11-23-08",
        (Target::Caregiver, Whose::Own | Whose::Unlinked) => "user-pecovatel.decin",
        (Target::Caregiver, Whose::Foreign) => "user-pecovatelka.louny",
        (Target::Template, Whose::Own | Whose::Unlinked) => "tpl-cl-d6-uklid",
        (Target::Template, Whose::Foreign) => "tpl-cl-l3-nakup",
        (Target::Record | Target::Conflict, Whose::Own | Whose::Unlinked) => {
            "rec-visit-2026-11-22-00"
        }
        (Target::Record | Target::Conflict, Whose::Foreign) => "rec-visit-2026-11-22-08",
        (Target::RecordedVisit, Whose::Own | Whose::Unlinked) => "visit-2026-11-22-00",
        (Target::RecordedVisit, Whose::Foreign) => "visit-2026-11-22-08",
        (Target::Incident, Whose::Own | Whose::Unlinked) => "inc-demo-decin",
        (Target::Incident, Whose::Foreign) => "inc-demo-louny",
        (Target::FamilyRequest, Whose::Own | Whose::Unlinked) => "req-demo-decin",
        (Target::FamilyRequest, Whose::Foreign) => "req-demo-louny",
        (Target::TrainingRun, Whose::Own | Whose::Unlinked) => "run-demo-dnes",
        (Target::TrainingRun, Whose::Foreign) => "run-demo-most-uzavreny",
        (Target::TrainingSession, Whose::Own | Whose::Unlinked) => "run-demo-dnes-1",
        (Target::TrainingSession, Whose::Foreign) => "run-demo-most-uzavreny-1",
        (Target::TrainingCertificate, Whose::Own | Whose::Unlinked) => "3456-789A-N",
        (Target::TrainingCertificate, Whose::Foreign) => "KLMN-PQRS-N",
        (Target::TrainingCentre, Whose::Own | Whose::Unlinked) => "ivc-usti",
        (Target::TrainingCentre, Whose::Foreign) => "ivc-most",
        (Target::TrainingCourse, Whose::Own | Whose::Unlinked) => "kurz-presun",
        (Target::TrainingCourse, Whose::Foreign) => "kurz-komunikace",
    }
}

async fn call(browser: &Browser, expectation: &Expectation, whose: Whose) -> (u16, String) {
    let id = target_id(expectation.target, whose);
    let path = expectation
        .pattern
        .replace("{id}", id)
        .replace("{client_id}", id)
        .replace("{absence_id}", "absence-demo-decin")
        .replace("{visit_id}", id)
        .replace("{record_id}", id)
        .replace("{kind}", "visit_moved")
        .replace("{code}", id)
        .replace("{monday}", MATRIX_MONDAY)
        .replace("{month}", MATRIX_MONTH);
    let body = expectation
        .body
        .map(|make| make().to_string().replace("{client_id}", id).into_bytes());
    let method = HttpMethod::from_bytes(expectation.method.as_str().as_bytes()).expect("a method");
    let response = browser.send(method, &path, body).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    let code = serde_json::from_str::<Value>(&text)
        .ok()
        .and_then(|body| body["error"]["code"].as_str().map(str::to_owned))
        .unwrap_or_default();
    (status, code)
}

fn was_allowed(status: u16, code: &str) -> bool {
    status != 403 && status != 404 && code != "unauthenticated"
}

async fn check_role(
    app: &TestApp,
    expectation: &Expectation,
    role: Role,
    failures: &mut Vec<String>,
) {
    let label = format!(
        "{} {} as {role:?}",
        expectation.method.as_str(),
        expectation.pattern
    );
    let browser = app.browser();
    browser.login_as(demo_user(role)).await;
    let may_call = expectation.roles.is_some_and(|roles| roles.contains(&role));
    if !may_call {
        let (status, code) = call(&browser, expectation, Whose::Own).await;
        if (status, code.as_str()) != (403, "forbidden") {
            failures.push(format!(
                "{label}: expected 403 forbidden, got {status} {code}"
            ));
        }
        return;
    }
    let cases: &[(Whose, bool)] = match (expectation.target, role) {
        (Target::Nothing, _) => &[(Whose::Own, true)],
        (Target::Client, FamilyMember) => &[
            (Whose::Own, true),
            (Whose::Unlinked, false),
            (Whose::Foreign, false),
        ],
        _ => &[(Whose::Foreign, false), (Whose::Own, true)],
    };
    for (whose, allowed) in cases {
        let (status, code) = call(&browser, expectation, *whose).await;
        if was_allowed(status, &code) != *allowed {
            let wanted = if *allowed { "allowed" } else { "404 not found" };
            failures.push(format!(
                "{label} on {whose:?} data: expected {wanted}, got {status} {code}"
            ));
        }
    }
}

async fn every_route_has_a_declared_policy_that_matches_the_matrix(_engine: Engine) {
    let expected = expectations();
    for route in declared_routes() {
        let line = expected
            .iter()
            .find(|e| e.method == route.method && e.pattern == route.pattern)
            .unwrap_or_else(|| {
                panic!(
                    "{} {} of {} has no line in the authorisation matrix",
                    route.method.as_str(),
                    route.pattern,
                    route.component
                )
            });
        let declared = match route.access {
            Access::Public => None,
            Access::Roles(roles) => Some(roles),
        };
        let sorted = |roles: Option<&[Role]>| {
            roles.map(|roles| {
                let mut roles = roles.to_vec();
                roles.sort();
                roles
            })
        };
        assert_eq!(sorted(declared), sorted(line.roles), "{}", route.pattern);
    }
    assert_eq!(
        declared_routes().len(),
        expected.len(),
        "a matrix line names no route"
    );
}

/// The demo has no sync conflicts: the matrix gives the own and the foreign record one each,
/// once the first request has migrated the database.
async fn add_matrix_conflicts(app: &TestApp) {
    for record in [
        target_id(Target::Conflict, Whose::Own),
        target_id(Target::Conflict, Whose::Foreign),
    ] {
        app.execute(&format!(
            "INSERT INTO record_conflicts (record_id, kind, visit_id, provider_id, detected_at) \
             SELECT id, 'visit_moved', visit_id, provider_id, '{MATRIX_NOW}' \
             FROM visit_records WHERE id = '{record}'"
        ))
        .await;
    }
}

async fn the_authorisation_matrix_holds_for_every_route_role_and_owner(engine: Engine) {
    let mut failures = Vec::new();
    for expectation in expectations() {
        let anonymous_app = TestApp::spawn_at(engine, matrix_now()).await;
        let (status, code) = call(&anonymous_app.browser(), &expectation, Whose::Own).await;
        let public = expectation.roles.is_none();
        if public != (code != "unauthenticated") || (!public && status != 401) {
            failures.push(format!(
                "{} {} signed out: got {status} {code}",
                expectation.method.as_str(),
                expectation.pattern
            ));
        }
        if public {
            continue;
        }
        if expectation.target == Target::Conflict {
            add_matrix_conflicts(&anonymous_app).await;
        }
        let mut app = anonymous_app;
        for role in Role::ALL {
            if expectation.destructive {
                app = TestApp::spawn_at(engine, matrix_now()).await;
            }
            check_role(&app, &expectation, role, &mut failures).await;
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation matrix violations:\n{}",
        failures.join("\n")
    );
}

async fn family_members_never_see_staff_internal_notes(engine: Engine) {
    let app = TestApp::spawn_at(engine, matrix_now()).await;
    app.login_as("rodina.decin").await;
    let response = app.get("/api/schedule/clients/cl-d1/visits").await;
    assert_eq!(response.status(), 200);
    let body: Value = json(response).await;
    let text = body.to_string();
    assert!(!text.contains("interní"), "{text}");
    assert!(
        !text.contains("klíčence"),
        "doorstep notes are for staff: {text}"
    );
    assert!(
        body["visits"]
            .as_array()
            .is_some_and(|visits| !visits.is_empty())
    );
    let linked: Vec<LinkedClient> = json(app.get("/api/schedule/my-clients").await).await;
    let names: Vec<&str> = linked.iter().map(|c| c.client_name.as_str()).collect();
    assert_eq!(names, ["Marie Ukázková"], "only the linked client");
}

on_both_engines!(
    every_route_has_a_declared_policy_that_matches_the_matrix,
    the_authorisation_matrix_holds_for_every_route_role_and_owner,
    family_members_never_see_staff_internal_notes,
);
