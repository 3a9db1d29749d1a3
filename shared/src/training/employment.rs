//! A worker's employment periods with her provider, as her manager keeps them: what the
//! duty's "months not employed" and "probation" come from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::bounds::{bounded_list, plausible_date};
use crate::error::FieldError;

/// One period, both ends included; no end = still employed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmploymentPeriod {
    pub starts_on: NaiveDate,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// The last day of the probation period, if there is one.
    #[serde(default)]
    pub probation_until: Option<NaiveDate>,
}

/// `GET` and `PUT /api/training/staff/{id}/employments`: the periods with the caller's
/// provider, in time order (another provider's are not hers to see or change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employments {
    pub periods: Vec<EmploymentPeriod>,
}

/// Each period ends on or after it starts, its probation within it; periods in time order
/// without overlapping, only the last one open.
pub fn check_employments(input: &Employments) -> Result<Employments, FieldError> {
    bounded_list(&input.periods, "periods")?;
    let mut periods = input.periods.clone();
    periods.sort_by_key(|period| period.starts_on);
    let mut previous_end: Option<Option<NaiveDate>> = None;
    for period in &periods {
        plausible_date(period.starts_on, "periods.starts_on")?;
        if let Some(end) = period.ends_on {
            plausible_date(end, "periods.ends_on")?;
            if end < period.starts_on {
                return Err(FieldError::new(
                    "periods.ends_on",
                    "Pracovní poměr musí skončit až po svém začátku.",
                ));
            }
        }
        if let Some(until) = period.probation_until {
            let inside = until >= period.starts_on && period.ends_on.is_none_or(|end| until <= end);
            if !inside {
                return Err(FieldError::new(
                    "periods.probation_until",
                    "Zkušební doba musí skončit v době pracovního poměru.",
                ));
            }
        }
        if previous_end.is_some_and(|before| before.is_none_or(|end| end >= period.starts_on)) {
            return Err(FieldError::new(
                "periods.starts_on",
                "Pracovní poměry se nesmějí překrývat: předchozí musí skončit dřív.",
            ));
        }
        previous_end = Some(period.ends_on);
    }
    Ok(Employments { periods })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn period(from: &str, to: Option<&str>, probation: Option<&str>) -> EmploymentPeriod {
        EmploymentPeriod {
            starts_on: day(from),
            ends_on: to.map(day),
            probation_until: probation.map(day),
        }
    }

    #[test]
    fn periods_come_back_in_time_order() {
        let checked = check_employments(&Employments {
            periods: vec![
                period("2026-07-01", None, Some("2026-09-30")),
                period("2020-01-01", Some("2026-05-31"), None),
            ],
        })
        .expect("valid");
        assert_eq!(checked.periods[0].starts_on, day("2020-01-01"));
    }

    #[test]
    fn overlapping_periods_a_backwards_one_and_a_probation_outside_are_refused() {
        let field = |periods| check_employments(&Employments { periods }).map_err(|e| e.field);
        assert_eq!(
            field(vec![
                period("2020-01-01", None, None),
                period("2026-07-01", None, None)
            ]),
            Err("periods.starts_on")
        );
        assert_eq!(
            field(vec![period("2026-07-01", Some("2026-06-30"), None)]),
            Err("periods.ends_on")
        );
        assert_eq!(
            field(vec![period(
                "2026-07-01",
                Some("2026-08-31"),
                Some("2026-09-30")
            )]),
            Err("periods.probation_until")
        );
    }
}
