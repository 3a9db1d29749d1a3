//! The caregiver's day as plain data: tested natively.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use shared::ErrorDetail;
use shared::schedule::{TodayVisits, UpcomingVisits, VisitView};
use shared::time::prague_date;

use crate::remote::ApiError;
use crate::ui::Remote;

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

/// `1 návštěva`, `3 návštěvy`, `5 návštěv`.
pub fn visit_count(count: usize) -> String {
    let noun = match count {
        1 => "návštěva",
        2..=4 => "návštěvy",
        _ => "návštěv",
    };
    format!("{count} {noun}")
}

/// The caregiver's next days as last loaded, kept for when the network is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptRoute {
    pub user_id: String,
    pub saved_at: DateTime<Utc>,
    pub route: UpcomingVisits,
}

impl KeptRoute {
    /// One day of the kept route, when it is this caregiver's and the route covers the
    /// day: another user's route, or a day past its end, is never shown.
    pub fn day(&self, user_id: &str, date: NaiveDate) -> Option<TodayVisits> {
        let covered = self.route.from <= date && date <= self.route.to;
        (self.user_id == user_id && covered).then(|| TodayVisits {
            date,
            visits: self
                .route
                .visits
                .iter()
                .filter(|visit| prague_date(visit.starts_at) == date)
                .cloned()
                .collect(),
        })
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
        let failed = crate::remote::decode_error(503, "").detail();
        assert_eq!(
            TodayState::from_remote(Remote::Failed(failed.clone())),
            TodayState::Failed(failed)
        );
    }

    #[test]
    fn a_failed_request_keeps_the_servers_czech_message() {
        let body = r#"{"error":{"code":"internal","message":"Databáze neodpovídá."}}"#;
        let state = TodayState::from_result(Err(crate::remote::decode_error(500, body)));
        let TodayState::Failed(detail) = state else {
            panic!("expected failed");
        };
        assert_eq!(detail.message, "Databáze neodpovídá.");
    }

    #[test]
    fn a_kept_route_gives_each_of_its_days_to_its_caregiver_only() {
        let date = |text: &str| text.parse::<NaiveDate>().expect("a date");
        let today = visit(
            "visit-1",
            "Marie Dvořáková",
            "2026-11-23T06:00:00Z",
            "2026-11-23T07:00:00Z",
        );
        let mut tomorrow = today.clone();
        tomorrow.id = "visit-2".to_owned();
        // 23:30 UTC on the 23rd is already the 24th in Prague.
        tomorrow.starts_at = utc("2026-11-23T23:30:00Z");
        let kept = KeptRoute {
            user_id: "jana".to_owned(),
            saved_at: utc("2026-11-23T05:00:00Z"),
            route: UpcomingVisits {
                from: date("2026-11-23"),
                to: date("2026-11-29"),
                visits: vec![today, tomorrow],
            },
        };
        let ids = |day: Option<TodayVisits>| {
            day.expect("covered")
                .visits
                .into_iter()
                .map(|v| v.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(kept.day("jana", date("2026-11-23"))), ["visit-1"]);
        assert_eq!(ids(kept.day("jana", date("2026-11-24"))), ["visit-2"]);
        assert!(ids(kept.day("jana", date("2026-11-29"))).is_empty());
        assert_eq!(kept.day("jana", date("2026-11-30")), None, "past the route");
        assert_eq!(kept.day("jana", date("2026-11-22")), None, "before it");
        assert_eq!(
            kept.day("petra", date("2026-11-23")),
            None,
            "another user's"
        );
    }
}
