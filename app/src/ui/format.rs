//! What the pages show, as plain data and pure functions: tested natively, no browser needed.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use shared::ErrorDetail;
use shared::error::FieldError;
use shared::identity::{
    Me, NewStaffMember, Password, PasswordChange, RedeemInvitation, RedeemPasswordReset, Role,
    StaffMember, Username, parse_display_name,
};
use shared::schedule::{FamilyVisitView, LinkedClient, TodayVisits, VisitView};
use shared::time::{czech_weekday, prague_date, to_prague};

use crate::api::ApiError;
use crate::paths;

/// Where the signed-in user stands, as far as the app knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// Asking the server who we are.
    Checking,
    SignedIn(Me),
    SignedOut,
    /// The server could not say (offline, or a server error); the user may still be
    /// signed in. Carries the Czech message to show.
    Unavailable(ErrorDetail),
}

impl SessionState {
    /// The state after asking `GET /api/auth/me`.
    pub fn from_me(result: Result<Me, ApiError>) -> Self {
        match result {
            Ok(me) => SessionState::SignedIn(me),
            // No or expired session: sign in again.
            Err(error) if error.is_unauthenticated() => SessionState::SignedOut,
            // Offline or a server error: not a reason to throw the user out.
            Err(error) => SessionState::Unavailable(error.detail()),
        }
    }

    pub fn me(&self) -> Option<&Me> {
        match self {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// Where `/` sends the user, once known: their role's home, or the sign-in form.
    pub fn home(&self) -> Option<&'static str> {
        match self {
            SessionState::SignedIn(me) => Some(home_for(me.role)),
            SessionState::SignedOut => Some(paths::LOGIN),
            SessionState::Checking | SessionState::Unavailable(_) => None,
        }
    }

    /// The signed-in user's role.
    pub fn role(&self) -> Option<Role> {
        self.me().map(|me| me.role)
    }

    /// The coarse state routes are guarded by: changes only when it matters.
    pub fn gate(&self) -> Gate {
        match self {
            SessionState::Checking => Gate::Checking,
            SessionState::SignedIn(_) => Gate::SignedIn,
            SessionState::SignedOut => Gate::SignedOut,
            SessionState::Unavailable(_) => Gate::Unavailable,
        }
    }
}

/// [`SessionState`] without the user: what route guards decide on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Checking,
    SignedIn,
    SignedOut,
    Unavailable,
}

/// The caregiver's day page.
#[derive(Debug, Clone, PartialEq)]
pub enum TodayState {
    Loading,
    Empty { date: NaiveDate },
    Loaded(TodayVisits),
    Failed(ErrorDetail),
}

impl TodayState {
    /// The page after the request settles; visits sorted by start, then client, then id.
    pub fn from_result(result: Result<TodayVisits, ApiError>) -> Self {
        match result {
            Ok(day) if day.visits.is_empty() => TodayState::Empty { date: day.date },
            Ok(mut day) => {
                sort_visits(&mut day.visits);
                TodayState::Loaded(day)
            }
            Err(error) => TodayState::Failed(error.detail()),
        }
    }

    /// The page for a load in any stage.
    pub fn from_remote(remote: Remote<TodayVisits>) -> Self {
        match remote {
            Remote::Loading => TodayState::Loading,
            Remote::Loaded(day) => TodayState::from_result(Ok(day)),
            Remote::Failed(error) => TodayState::Failed(error),
        }
    }

    /// The date the page is about, when the server told us.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            TodayState::Empty { date } => Some(*date),
            TodayState::Loaded(day) => Some(day.date),
            TodayState::Loading | TodayState::Failed(_) => None,
        }
    }
}

/// Earliest first; ties broken by client name and id so the order never flickers.
pub fn sort_visits(visits: &mut [VisitView]) {
    visits.sort_by(|a, b| {
        a.starts_at
            .cmp(&b.starts_at)
            .then_with(|| a.client_name.cmp(&b.client_name))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// `8:00–9:30` in Prague wall time.
pub fn time_range(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
    format!("{}–{}", clock(starts_at), clock(ends_at))
}

/// `8:05` in Prague wall time. (Formatted by hand: chrono's `format` machinery costs the
/// download more than it is worth here.)
pub fn clock(instant: DateTime<Utc>) -> String {
    let wall = to_prague(instant);
    format!("{}:{:02}", wall.hour(), wall.minute())
}

/// `2026-11-23T07:00:00Z`: an instant for a `<time datetime>` attribute.
pub fn machine_instant(instant: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        instant.date_naive(),
        instant.hour(),
        instant.minute(),
        instant.second()
    )
}

const MONTHS_GENITIVE: [&str; 12] = [
    "ledna",
    "února",
    "března",
    "dubna",
    "května",
    "června",
    "července",
    "srpna",
    "září",
    "října",
    "listopadu",
    "prosince",
];

/// `pondělí 23. listopadu 2026`.
pub fn czech_date(date: NaiveDate) -> String {
    let month = MONTHS_GENITIVE[date.month0() as usize];
    format!(
        "{} {}. {} {}",
        czech_weekday(date.weekday()),
        date.day(),
        month,
        date.year()
    )
}

/// The text with its first letter in upper case: `Pondělí 23. listopadu 2026`.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `1 návštěva`, `3 návštěvy`, `5 návštěv`.
pub fn visit_count(count: usize) -> String {
    let noun = match count {
        1 => "návštěva",
        2..=4 => "návštěvy",
        _ => "návštěv",
    };
    format!("{count} {noun}")
}

/// Where a signed-in user of this role starts: the screen they open the app for.
pub fn home_for(role: Role) -> &'static str {
    match role {
        Role::Caregiver | Role::Coordinator => paths::TODAY,
        Role::ProviderManager => paths::STAFF,
        Role::FamilyMember => paths::FAMILY,
        Role::RegionOfficer | Role::DataAnalyst | Role::Lecturer => paths::ACCOUNT,
    }
}

/// One link of the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub path: &'static str,
    pub label: &'static str,
}

const NAV_TODAY: NavItem = NavItem {
    path: paths::TODAY,
    label: "Dnešní návštěvy",
};
const NAV_FAMILY: NavItem = NavItem {
    path: paths::FAMILY,
    label: "Kdo přijde kdy",
};
const NAV_STAFF: NavItem = NavItem {
    path: paths::STAFF,
    label: "Pracovníci",
};
const NAV_WEEK: NavItem = NavItem {
    path: paths::WEEK,
    label: "Týdenní plán",
};
const NAV_CLIENTS: NavItem = NavItem {
    path: paths::CLIENTS,
    label: "Klienti",
};
const NAV_ATTENTION: NavItem = NavItem {
    path: paths::ATTENTION,
    label: "Události z návštěv",
};
const NAV_AUDIT: NavItem = NavItem {
    path: paths::AUDIT,
    label: "Záznam přístupů",
};
const NAV_ACCOUNT: NavItem = NavItem {
    path: paths::ACCOUNT,
    label: "Můj účet",
};

/// The navigation a role sees: only what the server lets that role do. Home first.
pub fn nav_items(role: Role) -> Vec<NavItem> {
    let mut items = match role {
        Role::Caregiver => vec![NAV_TODAY],
        Role::Coordinator => vec![NAV_TODAY, NAV_WEEK, NAV_CLIENTS, NAV_ATTENTION],
        Role::ProviderManager => vec![
            NAV_STAFF,
            NAV_TODAY,
            NAV_WEEK,
            NAV_CLIENTS,
            NAV_ATTENTION,
            NAV_AUDIT,
        ],
        Role::FamilyMember => vec![NAV_FAMILY],
        Role::RegionOfficer | Role::DataAnalyst | Role::Lecturer => vec![],
    };
    items.push(NAV_ACCOUNT);
    items
}

/// Whether `path` is the nav item's page (for `aria-current`).
pub fn is_current(item: &NavItem, path: &str) -> bool {
    path == item.path
        || path
            .strip_prefix(item.path)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Who may open which of the app's pages (the server decides too; this keeps the menu honest).
pub mod access {
    use shared::identity::Role;

    pub const TODAY: &[Role] = &[Role::Caregiver, Role::Coordinator, Role::ProviderManager];
    pub const STAFF: &[Role] = &[Role::ProviderManager];
    pub const AUDIT: &[Role] = &[Role::ProviderManager];
    pub const WEEK: &[Role] = &[Role::Coordinator, Role::ProviderManager];
    pub const CLIENTS: &[Role] = &[Role::Coordinator, Role::ProviderManager];
    pub const ATTENTION: &[Role] = &[Role::Coordinator, Role::ProviderManager];
    pub const CLIENT_FAMILY: &[Role] = &[Role::ProviderManager, Role::Coordinator];
    pub const FAMILY: &[Role] = &[Role::FamilyMember];
    pub const ACCOUNT: &[Role] = &Role::ALL;
}

/// Data a page loads: loading, there, or failed with the server's Czech message.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote<T> {
    Loading,
    Loaded(T),
    Failed(ErrorDetail),
}

impl<T> Remote<T> {
    pub fn from_result(result: Result<T, ApiError>) -> Self {
        match result {
            Ok(value) => Remote::Loaded(value),
            Err(error) => Remote::Failed(error.detail()),
        }
    }
}

/// An input the app rejects before sending, named like the server names it.
pub fn field_error(field: &str, message: impl Into<String>) -> ErrorDetail {
    ErrorDetail {
        code: "invalid_input".to_owned(),
        message: message.into(),
        field: Some(field.to_owned()),
    }
}

/// A shared parser's rejection as the error the forms show.
fn rejected(error: FieldError) -> ErrorDetail {
    field_error(error.field, error.message)
}

/// What the password-change form hands over: checked as the server would check it, so the
/// user hears about a short password before the round trip.
pub fn parse_password_change(
    current: &str,
    new: &str,
    repeated: &str,
    username: &str,
) -> Result<PasswordChange, ErrorDetail> {
    if current.is_empty() {
        return Err(field_error(
            "current_password",
            "Zadejte své současné heslo.",
        ));
    }
    let new = Password::parse_new(new, "new_password", username).map_err(rejected)?;
    if new.expose() != repeated {
        return Err(field_error("new_password_again", "Hesla se neshodují."));
    }
    if new.expose() == current {
        return Err(field_error(
            "new_password",
            "Nové heslo musí být jiné než současné.",
        ));
    }
    Ok(PasswordChange {
        current_password: current.to_owned(),
        new_password: new.expose().to_owned(),
    })
}

/// A new password where the username is not known to the page (the reset code names the
/// account): the server checks the username part.
fn parse_new_password_without_username(
    new: &str,
    repeated: &str,
    field: &'static str,
) -> Result<String, ErrorDetail> {
    let new = Password::parse(new).map_err(|e| field_error(field, e.message))?;
    let new = new.expose();
    if new.chars().count() < 10 {
        return Err(field_error(field, "Heslo musí mít alespoň 10 znaků."));
    }
    if new.chars().all(|c| c.is_ascii_digit()) {
        return Err(field_error(field, "Heslo nesmí obsahovat jen číslice."));
    }
    if new != repeated {
        return Err(field_error("new_password_again", "Hesla se neshodují."));
    }
    Ok(new.to_owned())
}

/// The one-time code as typed: spaces and dashes people add when copying are dropped.
pub fn normalize_code(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// `/obnova-hesla`: the code and the new password, twice.
pub fn parse_password_reset(
    code: &str,
    new: &str,
    repeated: &str,
) -> Result<RedeemPasswordReset, ErrorDetail> {
    let code = normalize_code(code);
    if code.is_empty() {
        return Err(field_error("code", "Zadejte jednorázový kód."));
    }
    let new_password = parse_new_password_without_username(new, repeated, "new_password")?;
    Ok(RedeemPasswordReset { code, new_password })
}

/// `/pozvanka`: the code, the new account's name and password.
pub fn parse_invitation(
    code: &str,
    username: &str,
    display_name: &str,
    password: &str,
    repeated: &str,
) -> Result<RedeemInvitation, ErrorDetail> {
    let code = normalize_code(code);
    if code.is_empty() {
        return Err(field_error("code", "Zadejte kód z pozvánky."));
    }
    let username = Username::parse(username).map_err(rejected)?;
    let display_name = parse_display_name(display_name).map_err(rejected)?;
    let password =
        Password::parse_new(password, "password", username.as_str()).map_err(rejected)?;
    if password.expose() != repeated {
        return Err(field_error("new_password_again", "Hesla se neshodují."));
    }
    Ok(RedeemInvitation {
        code,
        username: username.as_str().to_owned(),
        display_name,
        password: password.expose().to_owned(),
    })
}

/// The roles a manager may give a staff member.
pub const STAFF_ROLES: [Role; 3] = [Role::Caregiver, Role::Coordinator, Role::ProviderManager];

/// The add-staff form.
pub fn parse_new_staff(
    username: &str,
    display_name: &str,
    role: &str,
) -> Result<NewStaffMember, ErrorDetail> {
    let username = Username::parse(username).map_err(rejected)?;
    let display_name = parse_display_name(display_name).map_err(rejected)?;
    let role = Role::parse(role)
        .filter(|role| STAFF_ROLES.contains(role))
        .ok_or_else(|| field_error("role", "Vyberte roli."))?;
    Ok(NewStaffMember {
        username: username.as_str().to_owned(),
        display_name,
        role,
    })
}

/// Staff sorted for the list: active first, then by name.
pub fn sort_staff(staff: &mut [StaffMember]) {
    staff.sort_by(|a, b| {
        b.active
            .cmp(&a.active)
            .then_with(|| a.display_name.cmp(&b.display_name))
            .then_with(|| a.user_id.cmp(&b.user_id))
    });
}

/// `23. listopadu 2026 v 15:30` in Prague wall time.
pub fn czech_date_time(instant: DateTime<Utc>) -> String {
    let wall = to_prague(instant);
    let date = wall.date();
    format!(
        "{}. {} {} v {}",
        date.day(),
        MONTHS_GENITIVE[date.month0() as usize],
        date.year(),
        clock(instant)
    )
}

/// `23. 11. 2026 15:30` in Prague wall time: compact, for tables.
pub fn short_date_time(instant: DateTime<Utc>) -> String {
    let date = to_prague(instant).date();
    format!(
        "{}. {}. {} {}",
        date.day(),
        date.month(),
        date.year(),
        clock(instant)
    )
}

/// One Prague day of a client's schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleDay {
    pub date: NaiveDate,
    pub visits: Vec<FamilyVisitView>,
}

/// The visits grouped by the Prague day they start on, days and visits in order.
pub fn group_by_prague_day(mut visits: Vec<FamilyVisitView>) -> Vec<ScheduleDay> {
    visits.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then_with(|| a.id.cmp(&b.id)));
    let mut days: Vec<ScheduleDay> = Vec::new();
    for visit in visits {
        let date = prague_date(visit.starts_at);
        match days.last_mut() {
            Some(day) if day.date == date => day.visits.push(visit),
            _ => days.push(ScheduleDay {
                date,
                visits: vec![visit],
            }),
        }
    }
    days
}

/// Who comes: the caregiver's name, or that nobody is assigned yet. Takes the name as the
/// server sends it, whether always present or optional.
pub fn caregiver_label(name: impl Into<Option<String>>) -> String {
    name.into()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "Pečovatel/ka zatím není určen/a".to_owned())
}

/// A client with their schedule (or why it could not be loaded), as the family page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientSchedule {
    pub client: LinkedClient,
    pub schedule: Remote<Vec<ScheduleDay>>,
}

/// The audit action in Czech.
pub fn audit_action_label(action: &str) -> &'static str {
    match action {
        "read" => "Zobrazení",
        "create" => "Vytvoření",
        "update" => "Změna",
        "delete" => "Smazání",
        _ => "Jiná činnost",
    }
}

/// What the audit line is about, in Czech.
pub fn audit_entity_label(entity: &str) -> &'static str {
    match entity {
        "visit" => "Návštěva",
        "client_schedule" => "Rozpis návštěv klienta",
        "client" => "Klient",
        "family_link" => "Přístup rodiny",
        "invitation" => "Pozvánka rodiny",
        "staff" | "user" => "Účet pracovníka",
        "care_record" => "Záznam o péči",
        _ => "Jiný záznam",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::planning::travel::GeoPoint;
    use shared::schedule::VisitStatus;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn visit(id: &str, client: &str, starts: &str, ends: &str) -> VisitView {
        VisitView {
            id: id.to_owned(),
            client_name: client.to_owned(),
            address: "Husova 12".to_owned(),
            municipality: "Děčín".to_owned(),
            starts_at: utc(starts),
            ends_at: utc(ends),
            status: VisitStatus::Planned,
            tasks: vec!["Pomoc při osobní hygieně".to_owned()],
            doorstep_note: None,
            location: GeoPoint {
                latitude: 50.772656,
                longitude: 14.212861,
            },
        }
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    #[test]
    fn a_visit_time_range_is_shown_in_prague_winter_time() {
        let range = time_range(utc("2026-11-23T07:00:00Z"), utc("2026-11-23T08:30:00Z"));
        assert_eq!(range, "8:00–9:30");
    }

    #[test]
    fn a_visit_time_range_is_shown_in_prague_summer_time() {
        let range = time_range(utc("2026-07-01T05:05:00Z"), utc("2026-07-01T06:00:00Z"));
        assert_eq!(range, "7:05–8:00");
    }

    #[test]
    fn a_machine_readable_instant_is_rfc3339_in_utc() {
        let instant = utc("2026-11-23T07:05:09+01:00");
        assert_eq!(machine_instant(instant), "2026-11-23T06:05:09Z");
        assert_eq!(
            DateTime::parse_from_rfc3339(&machine_instant(instant)).expect("valid"),
            instant
        );
    }

    #[test]
    fn a_visit_just_before_utc_midnight_is_the_next_morning_in_prague() {
        assert_eq!(clock(utc("2026-11-23T23:15:00Z")), "0:15");
    }

    #[test]
    fn the_heading_date_is_czech_with_weekday_and_month_in_genitive() {
        assert_eq!(czech_date(date("2026-11-23")), "pondělí 23. listopadu 2026");
        assert_eq!(czech_date(date("2027-01-03")), "neděle 3. ledna 2027");
        assert_eq!(capitalized("úterý 1. září 2026"), "Úterý 1. září 2026");
        assert_eq!(capitalized(""), "");
    }

    #[test]
    fn visit_counts_use_czech_plural_forms() {
        assert_eq!(visit_count(1), "1 návštěva");
        assert_eq!(visit_count(3), "3 návštěvy");
        assert_eq!(visit_count(5), "5 návštěv");
        assert_eq!(visit_count(0), "0 návštěv");
    }

    #[test]
    fn visits_are_sorted_by_start_then_client_then_id() {
        let mut visits = vec![
            visit(
                "c",
                "Zelená",
                "2026-11-23T09:00:00Z",
                "2026-11-23T10:00:00Z",
            ),
            visit(
                "b",
                "Adámek",
                "2026-11-23T09:00:00Z",
                "2026-11-23T09:30:00Z",
            ),
            visit("a", "Novák", "2026-11-23T07:00:00Z", "2026-11-23T08:00:00Z"),
        ];
        sort_visits(&mut visits);
        let ids: Vec<&str> = visits.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn a_day_without_visits_is_the_empty_state_with_its_date() {
        let state = TodayState::from_result(Ok(TodayVisits {
            date: date("2026-11-23"),
            visits: vec![],
        }));
        assert_eq!(
            state,
            TodayState::Empty {
                date: date("2026-11-23")
            }
        );
        assert_eq!(state.date(), Some(date("2026-11-23")));
    }

    #[test]
    fn a_day_with_visits_is_loaded_and_sorted() {
        let state = TodayState::from_result(Ok(TodayVisits {
            date: date("2026-11-23"),
            visits: vec![
                visit("late", "B", "2026-11-23T12:00:00Z", "2026-11-23T13:00:00Z"),
                visit("early", "A", "2026-11-23T06:00:00Z", "2026-11-23T07:00:00Z"),
            ],
        }));
        let TodayState::Loaded(day) = state else {
            panic!("expected loaded, got {state:?}");
        };
        assert_eq!(day.visits[0].id, "early");
    }

    #[test]
    fn a_load_in_any_stage_becomes_the_days_page() {
        assert_eq!(
            TodayState::from_remote(Remote::Loading),
            TodayState::Loading
        );
        let empty = Remote::Loaded(TodayVisits {
            date: date("2026-11-23"),
            visits: vec![],
        });
        assert_eq!(
            TodayState::from_remote(empty),
            TodayState::Empty {
                date: date("2026-11-23")
            }
        );
        let failed = crate::api::decode_error(503, "").detail();
        assert_eq!(
            TodayState::from_remote(Remote::Failed(failed.clone())),
            TodayState::Failed(failed)
        );
    }

    #[test]
    fn a_failed_request_keeps_the_servers_czech_message() {
        let body = r#"{"error":{"code":"internal","message":"Databáze neodpovídá."}}"#;
        let state = TodayState::from_result(Err(crate::api::decode_error(500, body)));
        let TodayState::Failed(detail) = state else {
            panic!("expected failed");
        };
        assert_eq!(detail.message, "Databáze neodpovídá.");
    }

    #[test]
    fn the_session_follows_the_answer_to_who_am_i() {
        let me = Me {
            user_id: "u1".to_owned(),
            username: "pecovatelka.decin".to_owned(),
            display_name: "Jana Nováková".to_owned(),
            role: Role::Caregiver,
            provider_id: Some("p1".to_owned()),
            provider_name: Some("Charita Děčín".to_owned()),
        };
        let signed_in = SessionState::from_me(Ok(me.clone()));
        assert_eq!(signed_in.me(), Some(&me));
        assert_eq!(signed_in.home(), Some("/dnes"));

        let expired = SessionState::from_me(Err(crate::api::decode_error(401, "")));
        assert_eq!(expired, SessionState::SignedOut);
        assert_eq!(expired.home(), Some("/prihlaseni"));

        let offline = SessionState::from_me(Err(ApiError::Unreachable));
        assert_eq!(
            offline,
            SessionState::Unavailable(ApiError::Unreachable.detail())
        );
        assert_eq!(offline.home(), None);

        let broken = SessionState::from_me(Err(crate::api::decode_error(500, "")));
        assert_eq!(
            broken.gate(),
            Gate::Unavailable,
            "a server error is no logout"
        );
        assert_eq!(SessionState::Checking.home(), None);
    }
}

#[cfg(test)]
mod identity_tests {
    use super::*;
    use shared::schedule::VisitStatus;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn paths_of(role: Role) -> Vec<&'static str> {
        nav_items(role).iter().map(|item| item.path).collect()
    }

    #[test]
    fn each_role_sees_only_the_pages_it_may_open() {
        assert_eq!(paths_of(Role::Caregiver), ["/dnes", "/ucet"]);
        assert_eq!(
            paths_of(Role::Coordinator),
            ["/dnes", "/tyden", "/klienti", "/udalosti", "/ucet"]
        );
        assert_eq!(
            paths_of(Role::ProviderManager),
            [
                "/pracovnici",
                "/dnes",
                "/tyden",
                "/klienti",
                "/udalosti",
                "/audit",
                "/ucet"
            ]
        );
        assert_eq!(paths_of(Role::FamilyMember), ["/rodina", "/ucet"]);
        for role in [Role::RegionOfficer, Role::DataAnalyst, Role::Lecturer] {
            assert_eq!(paths_of(role), ["/ucet"], "{role:?}");
        }
    }

    #[test]
    fn the_nav_agrees_with_the_page_guards() {
        let guard = |path: &str| match path {
            "/dnes" => access::TODAY,
            "/pracovnici" => access::STAFF,
            "/audit" => access::AUDIT,
            "/tyden" => access::WEEK,
            "/klienti" => access::CLIENTS,
            "/udalosti" => access::ATTENTION,
            "/rodina" => access::FAMILY,
            "/ucet" => access::ACCOUNT,
            other => panic!("no guard for {other}"),
        };
        for role in Role::ALL {
            for item in nav_items(role) {
                assert!(guard(item.path).contains(&role), "{role:?} {}", item.path);
                assert!(!item.label.is_empty());
            }
            assert!(
                guard(home_for(role)).contains(&role),
                "{role:?}'s home is open to them"
            );
        }
    }

    #[test]
    fn each_role_starts_on_its_home() {
        assert_eq!(home_for(Role::Caregiver), "/dnes");
        assert_eq!(home_for(Role::Coordinator), "/dnes");
        assert_eq!(home_for(Role::ProviderManager), "/pracovnici");
        assert_eq!(home_for(Role::FamilyMember), "/rodina");
        assert_eq!(home_for(Role::RegionOfficer), "/ucet");
        assert_eq!(home_for(Role::DataAnalyst), "/ucet");
        assert_eq!(home_for(Role::Lecturer), "/ucet");
        for role in Role::ALL {
            assert_eq!(
                nav_items(role)[0].path,
                home_for(role),
                "home first in the nav"
            );
        }
    }

    #[test]
    fn the_current_nav_item_matches_its_page_and_subpages_only() {
        let staff = NavItem {
            path: "/pracovnici",
            label: "Pracovníci",
        };
        assert!(is_current(&staff, "/pracovnici"));
        assert!(is_current(&staff, "/pracovnici/u1"));
        assert!(!is_current(&staff, "/pracovnicix"));
        assert!(!is_current(&staff, "/"));
    }

    /// A text as a `String` or `Option<String>`, whichever the wire type wants.
    fn owned<T: From<String>>(text: &str) -> T {
        T::from(text.to_owned())
    }

    #[test]
    fn a_visit_without_a_caregiver_says_so() {
        assert_eq!(caregiver_label("Jana Nováková".to_owned()), "Jana Nováková");
        assert_eq!(
            caregiver_label(None::<String>),
            "Pečovatel/ka zatím není určen/a"
        );
        assert_eq!(
            caregiver_label(Some(" ".to_owned())),
            "Pečovatel/ka zatím není určen/a"
        );
    }

    fn family_visit(id: &str, starts: &str, ends: &str) -> FamilyVisitView {
        FamilyVisitView {
            id: id.to_owned(),
            starts_at: utc(starts),
            ends_at: utc(ends),
            caregiver_name: owned("Jana Nováková"),
            status: VisitStatus::Planned,
        }
    }

    #[test]
    fn family_visits_are_grouped_by_the_prague_day_they_start_on() {
        let days = group_by_prague_day(vec![
            family_visit("late", "2026-11-24T15:00:00Z", "2026-11-24T16:00:00Z"),
            // 23:30 UTC on the 23rd is 0:30 on the 24th in Prague.
            family_visit("night", "2026-11-23T23:30:00Z", "2026-11-24T00:00:00Z"),
            family_visit("first", "2026-11-23T07:00:00Z", "2026-11-23T08:00:00Z"),
            // Summer time: 22:30 UTC on 30 March is 0:30 on the 31st.
            family_visit("summer", "2027-03-30T22:30:00Z", "2027-03-30T23:00:00Z"),
        ]);
        let shape: Vec<(String, Vec<&str>)> = days
            .iter()
            .map(|day| {
                (
                    day.date.to_string(),
                    day.visits.iter().map(|v| v.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("2026-11-23".to_owned(), vec!["first"]),
                ("2026-11-24".to_owned(), vec!["night", "late"]),
                ("2027-03-31".to_owned(), vec!["summer"]),
            ]
        );
        assert!(group_by_prague_day(vec![]).is_empty());
    }

    #[test]
    fn a_password_change_is_checked_before_it_is_sent() {
        let ok =
            parse_password_change("demo1234", "dlouhé heslo 2026", "dlouhé heslo 2026", "jana")
                .expect("valid");
        assert_eq!(ok.current_password, "demo1234");
        assert_eq!(ok.new_password, "dlouhé heslo 2026");

        let field = |current: &str, new: &str, again: &str| {
            parse_password_change(current, new, again, "jana.mala")
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(
            field("", "dlouhé heslo 2026", "dlouhé heslo 2026"),
            "current_password"
        );
        assert_eq!(field("demo1234", "kratke", "kratke"), "new_password");
        assert_eq!(
            field("demo1234", "12345678901", "12345678901"),
            "new_password"
        );
        assert_eq!(
            field("demo1234", "xJana.Mala2026", "xJana.Mala2026"),
            "new_password"
        );
        assert_eq!(
            field("demo1234", "dlouhé heslo 2026", "dlouhe heslo 2026"),
            "new_password_again"
        );
        assert_eq!(
            field("stare heslo 99", "stare heslo 99", "stare heslo 99"),
            "new_password"
        );
        let message = parse_password_change("demo1234", "kratke", "kratke", "jana")
            .expect_err("short")
            .message;
        assert_eq!(message, "Heslo musí mít alespoň 10 znaků.");
    }

    #[test]
    fn a_reset_code_is_normalised_and_the_new_password_checked() {
        let ok = parse_password_reset(" ABCD-EFGH 1234 ", "nové heslo 2026", "nové heslo 2026")
            .expect("valid");
        assert_eq!(ok.code, "ABCDEFGH1234");
        assert_eq!(ok.new_password, "nové heslo 2026");
        let field = |code: &str, new: &str, again: &str| {
            parse_password_reset(code, new, again)
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(field("  ", "nové heslo 2026", "nové heslo 2026"), "code");
        assert_eq!(field("ABC", "kratke", "kratke"), "new_password");
        assert_eq!(
            field("ABC", "1234567890123", "1234567890123"),
            "new_password"
        );
        assert_eq!(
            field("ABC", "nové heslo 2026", "jiné heslo 2026"),
            "new_password_again"
        );
    }

    #[test]
    fn an_invitation_is_checked_field_by_field() {
        let ok = parse_invitation(
            "kod-123",
            " Petr.Novak ",
            " Petr Novák ",
            "bezpečné heslo",
            "bezpečné heslo",
        )
        .expect("valid");
        assert_eq!(ok.code, "kod123");
        assert_eq!(ok.username, "petr.novak");
        assert_eq!(ok.display_name, "Petr Novák");
        let field = |code, username, name, password: &str, again: &str| {
            parse_invitation(code, username, name, password, again)
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(
            field("", "petr", "Petr", "bezpečné heslo", "bezpečné heslo"),
            "code"
        );
        assert_eq!(
            field(
                "k",
                "petr novák",
                "Petr",
                "bezpečné heslo",
                "bezpečné heslo"
            ),
            "username"
        );
        assert_eq!(
            field("k", "petr", "  ", "bezpečné heslo", "bezpečné heslo"),
            "display_name"
        );
        assert_eq!(field("k", "petr", "Petr", "kratke", "kratke"), "password");
        assert_eq!(
            field("k", "petr", "Petr", "petr-heslo-2026", "petr-heslo-2026"),
            "password"
        );
        assert_eq!(
            field("k", "petr", "Petr", "bezpečné heslo", "jiné"),
            "new_password_again"
        );
    }

    #[test]
    fn a_new_staff_member_needs_a_login_a_name_and_a_staff_role() {
        let ok = parse_new_staff("Jana.Mala", "Jana Malá", "caregiver").expect("valid");
        assert_eq!(ok.username, "jana.mala");
        assert_eq!(ok.role, Role::Caregiver);
        let field = |u, n, r| {
            parse_new_staff(u, n, r)
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(field("", "Jana", "caregiver"), "username");
        assert_eq!(field("jana", "", "caregiver"), "display_name");
        assert_eq!(field("jana", "Jana", "family_member"), "role");
        assert_eq!(field("jana", "Jana", "region_officer"), "role");
    }

    #[test]
    fn staff_are_listed_active_first_then_by_name() {
        let member = |id: &str, name: &str, active| StaffMember {
            user_id: id.to_owned(),
            username: id.to_owned(),
            display_name: name.to_owned(),
            role: Role::Caregiver,
            active,
        };
        let mut staff = vec![
            member("a", "Adam", false),
            member("z", "Zora", true),
            member("b", "Bára", true),
        ];
        sort_staff(&mut staff);
        let ids: Vec<&str> = staff.iter().map(|m| m.user_id.as_str()).collect();
        assert_eq!(ids, ["b", "z", "a"]);
    }

    #[test]
    fn a_code_expiry_is_shown_in_prague_time() {
        assert_eq!(
            czech_date_time(utc("2026-11-23T14:30:00Z")),
            "23. listopadu 2026 v 15:30"
        );
        assert_eq!(
            czech_date_time(utc("2026-07-31T22:15:00Z")),
            "1. srpna 2026 v 0:15"
        );
        assert_eq!(
            short_date_time(utc("2026-11-23T14:30:00Z")),
            "23. 11. 2026 15:30"
        );
    }

    #[test]
    fn audit_lines_are_named_in_czech_even_when_unknown() {
        assert_eq!(audit_action_label("read"), "Zobrazení");
        assert_eq!(audit_action_label("delete"), "Smazání");
        assert_eq!(audit_action_label("frobnicate"), "Jiná činnost");
        assert_eq!(
            audit_entity_label("client_schedule"),
            "Rozpis návštěv klienta"
        );
        assert_eq!(audit_entity_label("visit"), "Návštěva");
        assert_eq!(audit_entity_label("widget"), "Jiný záznam");
    }

    #[test]
    fn the_home_follows_the_signed_in_role() {
        let me = |role| Me {
            user_id: "u".to_owned(),
            username: "x".to_owned(),
            display_name: "X".to_owned(),
            role,
            provider_id: None,
            provider_name: None,
        };
        assert_eq!(
            SessionState::SignedIn(me(Role::FamilyMember)).home(),
            Some("/rodina")
        );
        assert_eq!(
            SessionState::SignedIn(me(Role::ProviderManager)).home(),
            Some("/pracovnici")
        );
        assert_eq!(
            SessionState::SignedIn(me(Role::Lecturer)).home(),
            Some("/ucet")
        );
    }

    #[test]
    fn a_load_settles_into_loaded_or_the_servers_message() {
        assert_eq!(Remote::from_result(Ok(3)), Remote::Loaded(3));
        let failed: Remote<i32> = Remote::from_result(Err(crate::api::decode_error(
            403,
            r#"{"error":{"code":"forbidden","message":"K tomu nemáte oprávnění."}}"#,
        )));
        assert_eq!(
            failed,
            Remote::Failed(ErrorDetail {
                code: "forbidden".to_owned(),
                message: "K tomu nemáte oprávnění.".to_owned(),
                field: None
            })
        );
    }
}
