//! What the pages show, as plain data and pure functions: tested natively, no browser needed.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use shared::ErrorDetail;
use shared::identity::Me;
use shared::schedule::{TodayVisits, VisitView};
use shared::time::{czech_weekday, to_prague};

use crate::api::ApiError;

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

impl Gate {
    /// Where `/` sends the user, once known.
    pub fn home(self) -> Option<&'static str> {
        match self {
            Gate::SignedIn => Some(crate::paths::TODAY),
            Gate::SignedOut => Some(crate::paths::LOGIN),
            Gate::Checking | Gate::Unavailable => None,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use shared::identity::Role;
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
        assert_eq!(signed_in.gate().home(), Some("/dnes"));

        let expired = SessionState::from_me(Err(crate::api::decode_error(401, "")));
        assert_eq!(expired, SessionState::SignedOut);
        assert_eq!(expired.gate().home(), Some("/prihlaseni"));

        let offline = SessionState::from_me(Err(ApiError::Unreachable));
        assert_eq!(
            offline,
            SessionState::Unavailable(ApiError::Unreachable.detail())
        );
        assert_eq!(offline.gate().home(), None);

        let broken = SessionState::from_me(Err(crate::api::decode_error(500, "")));
        assert_eq!(
            broken.gate(),
            Gate::Unavailable,
            "a server error is no logout"
        );
        assert_eq!(SessionState::Checking.gate().home(), None);
    }
}
