//! The family's page as data: a linked client's visits grouped by Prague day.

use chrono::NaiveDate;
use shared::schedule::{FamilyVisitView, LinkedClient};
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

/// A client with their schedule (or why it could not be loaded), as the family page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientSchedule {
    pub client: LinkedClient,
    pub schedule: Remote<Vec<ScheduleDay>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use shared::schedule::VisitStatus;

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
