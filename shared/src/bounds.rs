//! Bounds every input shares: dates in a plausible span (so date arithmetic never
//! overflows), lists of a sane length, each item once. Each refusal names the field.

use std::collections::HashSet;
use std::hash::Hash;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::FieldError;

/// The earliest date any input may name: older than any client's service or record.
pub const EARLIEST_DATE: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a date");
/// The latest date any input may name: far beyond any plan.
pub const LATEST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2200, 12, 31).expect("a date");

/// How many items a list in a request may hold (tasks, skills, shifts, contacts …).
pub const MAX_LIST_ITEMS: usize = 100;

/// A date between 1900 and 2200.
pub fn plausible_date(date: NaiveDate, field: &'static str) -> Result<NaiveDate, FieldError> {
    if (EARLIEST_DATE..=LATEST_DATE).contains(&date) {
        Ok(date)
    } else {
        Err(FieldError::new(
            field,
            "Datum musí ležet mezi roky 1900 a 2200.",
        ))
    }
}

/// An instant whose Prague date lies between 1900 and 2200.
pub fn plausible_instant(
    instant: DateTime<Utc>,
    field: &'static str,
) -> Result<DateTime<Utc>, FieldError> {
    plausible_date(instant.date_naive(), field).map(|_| instant)
}

/// At most `MAX_LIST_ITEMS` items.
pub fn bounded_list<'a, T>(items: &'a [T], field: &'static str) -> Result<&'a [T], FieldError> {
    if items.len() > MAX_LIST_ITEMS {
        return Err(FieldError::new(
            field,
            format!("Seznam může mít nejvýše {MAX_LIST_ITEMS} položek."),
        ));
    }
    Ok(items)
}

/// At most `MAX_LIST_ITEMS` items, none twice.
pub fn distinct_list<'a, T: Eq + Hash>(
    items: &'a [T],
    field: &'static str,
) -> Result<&'a [T], FieldError> {
    let items = bounded_list(items, field)?;
    let mut seen = HashSet::with_capacity(items.len());
    if items.iter().all(|item| seen.insert(item)) {
        Ok(items)
    } else {
        Err(FieldError::new(
            field,
            "Každá položka smí být uvedena jen jednou.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_1900_to_2200_are_refused_with_the_field() {
        let year_zero = NaiveDate::from_ymd_opt(0, 1, 1).expect("a date");
        assert_eq!(
            plausible_date(year_zero, "from")
                .expect_err("too early")
                .field,
            "from"
        );
        assert!(plausible_date(LATEST_DATE, "to").is_ok());
        let far = DateTime::<Utc>::MAX_UTC;
        assert_eq!(
            plausible_instant(far, "starts_at")
                .expect_err("too late")
                .field,
            "starts_at"
        );
    }

    #[test]
    fn a_list_holds_at_most_the_bound_and_each_item_once() {
        let long = vec![0; MAX_LIST_ITEMS + 1];
        assert_eq!(
            bounded_list(&long, "skills").expect_err("long").field,
            "skills"
        );
        assert!(bounded_list(&long[..MAX_LIST_ITEMS], "skills").is_ok());
        assert_eq!(
            distinct_list(&["b1", "b1"], "tasks")
                .expect_err("twice")
                .field,
            "tasks"
        );
        assert!(distinct_list(&["b1", "a2"], "tasks").is_ok());
    }
}
