//! The sick-call form as plain data: today from a time, or whole days from–to, checked by
//! the same rule the API applies. Pure, tested natively.

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use shared::ErrorDetail;
use shared::planning::input::check_sick_call;
use shared::schedule::SickCall;
use shared::time::to_prague;

use crate::ui::form::rejected;

/// Which kind of absence the coordinator records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SickSpan {
    /// Today, from a time on.
    TodayFrom,
    /// Whole days, from–to.
    WholeDays,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SickDraft {
    pub caregiver_id: String,
    pub caregiver_name: String,
    pub span: SickSpan,
    /// `HH:MM`, Prague wall time.
    pub time: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl SickDraft {
    /// The form as it opens at `now`: today, from the next quarter hour.
    pub fn open(caregiver_id: String, caregiver_name: String, now: DateTime<Utc>) -> Self {
        let local = to_prague(now);
        let minutes = (local.hour() * 60 + local.minute()).div_ceil(15) * 15;
        let minutes = minutes.min(23 * 60 + 45);
        SickDraft {
            caregiver_id,
            caregiver_name,
            span: SickSpan::TodayFrom,
            time: format!("{:02}:{:02}", minutes / 60, minutes % 60),
            from: local.date(),
            to: local.date(),
        }
    }
}

/// The form as the API's sick call, checked as the API checks it.
pub fn parse_sick(draft: &SickDraft, today: NaiveDate) -> Result<SickCall, ErrorDetail> {
    let call = match draft.span {
        SickSpan::TodayFrom => SickCall {
            from: today,
            from_time: Some(draft.time.trim().to_owned()),
            to: today,
        },
        SickSpan::WholeDays => SickCall {
            from: draft.from,
            from_time: None,
            to: draft.to,
        },
    };
    check_sick_call(&call, today).map_err(rejected)?;
    Ok(call)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::fixtures::{date, utc};

    fn draft() -> SickDraft {
        SickDraft::open("jana".into(), "Jana".into(), utc("2026-11-24T05:40:00Z"))
    }

    #[test]
    fn the_form_opens_on_today_from_the_next_quarter_hour() {
        let opened = draft();
        assert_eq!(opened.span, SickSpan::TodayFrom);
        assert_eq!(opened.time, "06:45");
        assert_eq!(opened.from, date("2026-11-24"));
    }

    #[test]
    fn today_from_a_time_sends_the_time_and_whole_days_send_dates() {
        let today = date("2026-11-24");
        let mut sick = draft();
        sick.time = "07:00".into();
        let call = parse_sick(&sick, today).expect("valid");
        assert_eq!(
            (call.from, call.from_time.as_deref(), call.to),
            (today, Some("07:00"), today)
        );
        sick.span = SickSpan::WholeDays;
        sick.to = date("2026-11-26");
        let call = parse_sick(&sick, today).expect("valid");
        assert_eq!((call.from_time, call.to), (None, date("2026-11-26")));
    }

    #[test]
    fn a_wrong_field_is_named() {
        let today = date("2026-11-24");
        let mut sick = draft();
        sick.time = "7.00".into();
        assert_eq!(
            parse_sick(&sick, today).expect_err("time").field.as_deref(),
            Some("from_time")
        );
        sick.span = SickSpan::WholeDays;
        sick.to = date("2026-11-23");
        assert_eq!(
            parse_sick(&sick, today).expect_err("to").field.as_deref(),
            Some("to")
        );
    }
}
