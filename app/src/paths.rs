//! The app's URL paths, in one place: pages link and redirect through these.

use crate::remote::path_segment;

pub const LOGIN: &str = "/prihlaseni";
pub const TODAY: &str = "/dnes";
pub const ACCOUNT: &str = "/ucet";
pub const STAFF: &str = "/pracovnici";
pub const FAMILY: &str = "/rodina";
pub const AUDIT: &str = "/audit";
pub const WEEK: &str = "/tyden";
pub const CLIENTS: &str = "/klienti";
pub const INTAKE: &str = "/klienti/novy";
pub const ATTENTION: &str = "/udalosti";
/// What needs the office's decision now.
pub const OFFICE_TODAY: &str = "/prehled";
pub const PROVIDER_REPORT: &str = "/vykazy";
pub const REGION_REPORT: &str = "/kraj";
pub const NETWORK_PARAMETERS: &str = "/kraj/parametry";
pub const REPORT_DICTIONARY: &str = "/vykazy/slovnik";

/// `/pecovatele/{id}`: a caregiver's profile and absences.
pub fn caregiver(user_id: &str) -> String {
    format!("/pecovatele/{}", path_segment(user_id))
}

/// `/navstevy/{id}`: one visit for the office — who, when, what was recorded, its history.
pub fn visit(visit_id: &str) -> String {
    format!("/navstevy/{}", path_segment(visit_id))
}

/// `/klienti/{id}/plan`: a client's care plan, recurring visits and statements.
pub fn client_plan(client_id: &str) -> String {
    format!("/klienti/{}/plan", path_segment(client_id))
}

/// The monthly statement of a client as the server renders it (`statement.html`, `.csv`).
pub fn statement(client_id: &str, month: &str, file: &str) -> String {
    format!(
        "/api/records/billing/{}/{month}/{file}",
        path_segment(client_id)
    )
}

/// `/tyden/{monday}`: the planner's board of one week.
pub fn week(monday: chrono::NaiveDate) -> String {
    format!("{WEEK}/{monday}")
}
pub const REDEEM_INVITATION: &str = "/pozvanka";
pub const REDEEM_PASSWORD_RESET: &str = "/obnova-hesla";

/// `/klienti/{id}/rodina`: a client's family links and invitations.
pub fn client_family(client_id: &str) -> String {
    format!("/klienti/{}/rodina", path_segment(client_id))
}

/// `/rodina/{client_id}/{screen}`: one screen of the family view of a client (`zmeny`,
/// `zadost`, `kalendar`).
pub fn family_screen(client_id: &str, screen: &str) -> String {
    format!("{FAMILY}/{}/{screen}", path_segment(client_id))
}

pub const TRAINING: &str = "/skoleni";
pub const LECTURER: &str = "/lektor";
pub const TRAINING_REGION: &str = "/skoleni/kraj";

/// `/osvedceni/{code}`: a certificate, printable.
pub fn certificate(code: &str) -> String {
    format!("/osvedceni/{}", path_segment(code))
}

/// `/overeni/{code}`: the public verification of a certificate.
pub fn verification(code: &str) -> String {
    format!("/overeni/{}", path_segment(code))
}
