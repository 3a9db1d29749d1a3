//! Turning a care plan's recurring visit templates into the visits of one week.
//!
//! Idempotent: each generated visit carries the key (template, date); keys already
//! generated are skipped, so running it twice creates nothing new and visits edited by hand
//! are never overwritten.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::time::{WallTimeAdjustment, from_prague_for_planning};

/// A recurring visit of a care plan: which days, when (a window for the start), how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitTemplate {
    pub id: String,
    pub client_id: String,
    pub weekdays: Vec<Weekday>,
    /// The visit starts no earlier than this, Prague wall time…
    pub window_start: NaiveTime,
    /// …and no later than this.
    pub window_end: NaiveTime,
    pub duration_minutes: i64,
    pub tasks: Vec<String>,
    /// One, or two for transfers that need two pairs of hands.
    pub caregivers_needed: u8,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// A visit generated from a template, planned at the start of its window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedVisit {
    pub template_id: String,
    pub client_id: String,
    /// The Prague date; with the template, the visit's idempotency key.
    pub date: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub window_opens_at: DateTime<Utc>,
    pub window_closes_at: DateTime<Utc>,
    pub tasks: Vec<String>,
    pub caregivers_needed: u8,
    /// Set when the planned time fell on a daylight-saving change.
    pub adjustment: Option<WallTimeAdjustment>,
}

/// The Monday of the week a date falls in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The visits of the week starting `monday` that have not been generated yet, in time order.
pub fn generate_week(
    templates: &[VisitTemplate],
    monday: NaiveDate,
    already_generated: &BTreeSet<(String, NaiveDate)>,
) -> Vec<GeneratedVisit> {
    let mut visits: Vec<GeneratedVisit> = (0..7)
        .map(|offset| monday + Duration::days(offset))
        .flat_map(|date| {
            templates
                .iter()
                .filter(move |template| {
                    template.weekdays.contains(&date.weekday())
                        && template.valid_from <= date
                        && template.valid_to.is_none_or(|to| date <= to)
                        && !already_generated.contains(&(template.id.clone(), date))
                })
                .map(move |template| generate(template, date))
        })
        .collect();
    visits.sort_by(|a, b| (a.starts_at, &a.template_id).cmp(&(b.starts_at, &b.template_id)));
    visits
}

fn generate(template: &VisitTemplate, date: NaiveDate) -> GeneratedVisit {
    let (opens, adjustment) = from_prague_for_planning(date.and_time(template.window_start));
    let (closes, _) = from_prague_for_planning(date.and_time(template.window_end));
    GeneratedVisit {
        template_id: template.id.clone(),
        client_id: template.client_id.clone(),
        date,
        starts_at: opens,
        ends_at: opens + Duration::minutes(template.duration_minutes),
        window_opens_at: opens,
        window_closes_at: closes.max(opens),
        tasks: template.tasks.clone(),
        caregivers_needed: template.caregivers_needed,
        adjustment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::to_prague;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").expect("valid time")
    }

    fn template(id: &str, weekdays: &[Weekday], start: &str) -> VisitTemplate {
        VisitTemplate {
            id: id.into(),
            client_id: "client".into(),
            weekdays: weekdays.to_vec(),
            window_start: time(start),
            window_end: time(start) + Duration::minutes(30),
            duration_minutes: 60,
            tasks: vec!["b1".into()],
            caregivers_needed: 1,
            valid_from: date("2026-01-01"),
            valid_to: None,
        }
    }

    #[test]
    fn a_weekday_template_makes_five_visits_a_week() {
        use Weekday::*;
        let visits = generate_week(
            &[template("t", &[Mon, Tue, Wed, Thu, Fri], "07:30")],
            date("2026-11-23"),
            &BTreeSet::new(),
        );
        assert_eq!(visits.len(), 5);
        assert!(
            visits
                .iter()
                .all(|v| to_prague(v.starts_at).time() == time("07:30"))
        );
        assert_eq!(visits[4].date, date("2026-11-27"));
    }

    #[test]
    fn generating_twice_creates_nothing_new() {
        let templates = [template("t", &[Weekday::Mon, Weekday::Thu], "09:00")];
        let first = generate_week(&templates, date("2026-11-23"), &BTreeSet::new());
        let done: BTreeSet<_> = first
            .iter()
            .map(|v| (v.template_id.clone(), v.date))
            .collect();
        assert!(generate_week(&templates, date("2026-11-23"), &done).is_empty());
    }

    #[test]
    fn a_template_outside_its_validity_makes_nothing() {
        let mut ended = template("t", &[Weekday::Mon, Weekday::Fri], "09:00");
        ended.valid_to = Some(date("2026-11-25"));
        let visits = generate_week(&[ended], date("2026-11-23"), &BTreeSet::new());
        assert_eq!(
            visits.iter().map(|v| v.date).collect::<Vec<_>>(),
            [date("2026-11-23")]
        );
    }

    #[test]
    fn in_the_march_week_an_early_sunday_visit_moves_past_the_gap_and_lasts_its_hour() {
        let visits = generate_week(
            &[template("night", &[Weekday::Sat, Weekday::Sun], "02:30")],
            date("2026-03-23"),
            &BTreeSet::new(),
        );
        let sunday = &visits[1];
        assert_eq!(sunday.date, date("2026-03-29"));
        assert_eq!(to_prague(sunday.starts_at).time(), time("03:30"));
        assert_eq!(
            sunday.adjustment,
            Some(WallTimeAdjustment::MovedPastSpringGap)
        );
        assert_eq!(sunday.ends_at - sunday.starts_at, Duration::hours(1));
        assert_eq!(visits[0].adjustment, None);
    }

    #[test]
    fn in_the_october_week_daytime_visits_keep_their_wall_times() {
        use Weekday::*;
        let visits = generate_week(
            &[template("t", &[Sat, Sun, Mon], "08:00")],
            date("2026-10-19"),
            &BTreeSet::new(),
        );
        // Sat 24 Oct is summer time (+2), Sun 25 Oct winter time (+1): same wall time.
        assert!(
            visits
                .iter()
                .all(|v| to_prague(v.starts_at).time() == time("08:00"))
        );
        assert_eq!(
            visits[2].starts_at - visits[1].starts_at,
            Duration::hours(25)
        );
    }

    #[test]
    fn the_week_starts_on_monday() {
        assert_eq!(week_start(date("2026-11-29")), date("2026-11-23"));
        assert_eq!(week_start(date("2026-11-23")), date("2026-11-23"));
    }
}
