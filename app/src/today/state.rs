//! The caregiver's day as plain data: tested natively.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use shared::ErrorDetail;
use shared::family::live::{OnPhone, RouteState, VisitFacts, route_state};
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

/// Where a visit stands on this phone at `now`: the server's status and record, with what
/// the phone knows (a check-in, a record not on the server yet). The rule is shared with
/// the family's view (`shared::family::live`).
pub fn visit_state(visit: &VisitView, phone: OnPhone, now: DateTime<Utc>) -> RouteState {
    let server = VisitFacts {
        status: visit.status,
        starts_at: visit.starts_at,
        window_closes_at: None,
        tasks_planned: u32::try_from(visit.tasks.len()).unwrap_or(u32::MAX),
        outcome: visit.recorded,
        cancel_reason: None,
    };
    route_state(&server, visit.ends_at, phone, now)
}

/// The day as the caregiver works through it, by visit id: the next visit, the others still
/// to do (missed ones after them), and the visits behind her (done or cancelled), folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayPlan {
    pub next: Option<String>,
    pub ahead: Vec<String>,
    pub behind: Vec<String>,
}

impl DayPlan {
    /// `visits` sorted by start, each with its state. The next visit is the one under way
    /// (the earliest arrival), else the first still to do.
    pub fn of(visits: &[(VisitView, RouteState)]) -> Self {
        let under_way = visits
            .iter()
            .filter_map(|(visit, state)| match state {
                RouteState::InProgress { since } => Some((since, &visit.id)),
                _ => None,
            })
            .min()
            .map(|(_, id)| id);
        let next = under_way
            .or_else(|| {
                visits
                    .iter()
                    .find(|(_, state)| state.is_open())
                    .map(|(visit, _)| &visit.id)
            })
            .cloned();
        let ids = |keep: fn(&RouteState) -> bool| {
            visits
                .iter()
                .filter(|(visit, state)| keep(state) && Some(&visit.id) != next.as_ref())
                .map(|(visit, _)| visit.id.clone())
                .collect::<Vec<_>>()
        };
        let mut ahead = ids(|state| state.is_open());
        ahead.extend(ids(|state| *state == RouteState::Missed));
        let behind = ids(|state| matches!(state, RouteState::Done { .. } | RouteState::Cancelled));
        DayPlan {
            next,
            ahead,
            behind,
        }
    }
}

/// The badge of a visit's state: its class and its Czech words.
pub fn state_badge(state: RouteState) -> (&'static str, String) {
    match state {
        RouteState::Planned => ("planned", "Naplánováno".to_owned()),
        RouteState::Late { minutes } => ("late", format!("Zpoždění {minutes} min")),
        RouteState::InProgress { .. } => ("in-progress", "Probíhá".to_owned()),
        RouteState::Done { .. } => ("done", "Hotovo".to_owned()),
        RouteState::Missed => ("missed", "Zmeškáno".to_owned()),
        RouteState::Cancelled => ("cancelled", "Zrušeno".to_owned()),
    }
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
            office_phone: self.route.office_phone.clone(),
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
mod tests;
