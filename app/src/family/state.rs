//! The family's pages as data: a linked client's overview (today, what changed, continuity,
//! the next two weeks grouped by Prague day) and what the device keeps of it for offline.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use shared::family::{Continuity, FamilyChanges, FamilyToday};
use shared::schedule::{FamilyVisitView, LinkedClient, VisitStatus};
use shared::time::prague_date;

use crate::ui::Remote;

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

/// Everything the family's home shows of one client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientOverview {
    pub today: FamilyToday,
    pub changes: FamilyChanges,
    pub continuity: Continuity,
    /// The next two weeks.
    pub visits: Vec<FamilyVisitView>,
}

/// A client with their overview (or why it could not be loaded), as the family page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientSchedule {
    pub client: LinkedClient,
    pub overview: Remote<ClientOverview>,
}

/// What the device keeps of the family's home, for reading without a connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptFamily {
    /// Whose it is: another user signed in on the device never sees it.
    pub user_id: String,
    pub saved_at: DateTime<Utc>,
    pub clients: Vec<(LinkedClient, ClientOverview)>,
}

impl KeptFamily {
    /// The kept overview of a client, if it is this user's.
    pub fn client(&self, user_id: &str, client_id: &str) -> Option<&ClientOverview> {
        (self.user_id == user_id)
            .then(|| {
                self.clients
                    .iter()
                    .find(|(client, _)| client.client_id == client_id)
                    .map(|(_, overview)| overview)
            })
            .flatten()
    }
}

/// The visits a family may still ask about: planned and not begun at `now`.
pub fn askable_visits(visits: &[FamilyVisitView], now: DateTime<Utc>) -> Vec<FamilyVisitView> {
    visits
        .iter()
        .filter(|visit| visit.status == VisitStatus::Planned && visit.starts_at > now)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    /// A text as a `String` or `Option<String>`, whichever the wire type wants.
    fn owned<T: From<String>>(text: &str) -> T {
        T::from(text.to_owned())
    }

    #[test]
    fn only_planned_visits_not_yet_begun_can_be_asked_about() {
        let mut cancelled =
            family_visit("cancelled", "2026-11-24T07:00:00Z", "2026-11-24T08:00:00Z");
        cancelled.status = VisitStatus::Cancelled;
        let visits = [
            family_visit("begun", "2026-11-23T06:30:00Z", "2026-11-23T07:30:00Z"),
            family_visit("coming", "2026-11-23T10:45:00Z", "2026-11-23T11:05:00Z"),
            cancelled,
        ];
        let ids: Vec<String> = askable_visits(&visits, utc("2026-11-23T07:00:00Z"))
            .into_iter()
            .map(|v| v.id)
            .collect();
        assert_eq!(ids, ["coming"]);
    }

    #[test]
    fn a_kept_overview_belongs_to_the_user_who_kept_it() {
        use shared::family::{Continuity, FamilyChanges, FamilyToday, MonthCaregivers};
        let month = MonthCaregivers {
            month: "2026-11-01".parse().expect("a date"),
            caregivers: 1,
        };
        let overview = ClientOverview {
            today: FamilyToday {
                client_id: "cl-d1".into(),
                client_name: "Marie Ukázková".into(),
                date: "2026-11-23".parse().expect("a date"),
                visits: vec![],
            },
            changes: FamilyChanges {
                unseen: 1,
                changes: vec![],
            },
            continuity: Continuity {
                this_month: month,
                last_month: month,
            },
            visits: vec![],
        };
        let kept = KeptFamily {
            user_id: "rodina".into(),
            saved_at: utc("2026-11-23T07:00:00Z"),
            clients: vec![(
                LinkedClient {
                    client_id: "cl-d1".into(),
                    client_name: "Marie Ukázková".into(),
                    provider_name: "Charita Děčín".into(),
                },
                overview.clone(),
            )],
        };
        assert_eq!(kept.client("rodina", "cl-d1"), Some(&overview));
        assert_eq!(kept.client("rodina", "cl-d2"), None);
        assert_eq!(kept.client("jiny", "cl-d1"), None, "another user's");
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
}
