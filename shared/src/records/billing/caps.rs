//! The legal caps: dated rows, one series per item, and the row in force on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::TaskUnit;
use crate::error::FieldError;

/// The cap item of time-based tasks; per-unit caps are named by task code.
pub const HOURLY_ITEM: &str = "hour";

/// One dated row of the legal caps; `PUT /api/records/caps` adds or replaces one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapRow {
    pub valid_from: NaiveDate,
    /// `hour`, or the code of a per-unit task.
    pub item: String,
    /// Haléře per hour (up to the threshold) or per unit.
    pub cap: i64,
    /// Hourly items only: the monthly threshold in minutes and the cap beyond it.
    pub threshold_minutes: Option<i64>,
    pub cap_above_threshold: Option<i64>,
    /// Where the figure comes from, and whether it needs verifying.
    pub source: String,
}

/// Checks a cap row a region administrator enters: an hourly row may carry a monthly
/// threshold with a lower cap beyond it, a per-unit row names a per-unit task.
pub fn check_cap(
    row: &CapRow,
    unit_of: impl Fn(&str) -> Option<TaskUnit>,
) -> Result<CapRow, FieldError> {
    let item = row.item.trim();
    let hourly = item == HOURLY_ITEM;
    if !hourly && unit_of(item).is_none_or(|unit| unit == TaskUnit::Hour) {
        return Err(FieldError::new(
            "item",
            "Položka je „hour“ pro úkony podle času, nebo kód úkonu účtovaného za jednotku.",
        ));
    }
    if row.cap <= 0 {
        return Err(FieldError::new("cap", "Maximální úhrada musí být kladná."));
    }
    match (hourly, row.threshold_minutes, row.cap_above_threshold) {
        (_, None, None) => {}
        (true, Some(threshold), Some(above)) => {
            if !(60..=744 * 60).contains(&threshold) {
                return Err(FieldError::new(
                    "threshold_minutes",
                    "Měsíční hranice je 1 až 744 hodin, v minutách.",
                ));
            }
            if above <= 0 || above > row.cap {
                return Err(FieldError::new(
                    "cap_above_threshold",
                    "Úhrada nad hranicí musí být kladná a nejvýše rovna základní.",
                ));
            }
        }
        (true, _, _) => {
            return Err(FieldError::new(
                "threshold_minutes",
                "Měsíční hranici a úhradu nad ní zadejte obě, nebo ani jednu.",
            ));
        }
        (false, _, _) => {
            return Err(FieldError::new(
                "threshold_minutes",
                "Měsíční hranice platí jen pro úkony podle času.",
            ));
        }
    }
    let source = row.source.trim();
    if source.is_empty() || source.chars().count() > 200 {
        return Err(FieldError::new(
            "source",
            "Uveďte předpis nebo zdroj (nejvýše 200 znaků).",
        ));
    }
    Ok(CapRow {
        item: item.to_owned(),
        source: source.to_owned(),
        ..row.clone()
    })
}

/// The row of `item` in force on `date`.
pub(super) fn in_force<'a>(caps: &'a [CapRow], item: &str, date: NaiveDate) -> Option<&'a CapRow> {
    caps.iter()
        .filter(|row| row.item == item && row.valid_from <= date)
        .max_by_key(|row| row.valid_from)
}

/// Every row of `item` that is in force at some time on or after `date`.
pub(super) fn in_force_from<'a>(
    caps: &'a [CapRow],
    item: &str,
    date: NaiveDate,
) -> impl Iterator<Item = &'a CapRow> {
    let current = in_force(caps, item, date);
    current.into_iter().chain(
        caps.iter()
            .filter(move |row| row.item == item && row.valid_from > date),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::billing::fixtures::*;

    #[test]
    fn each_bad_cap_part_names_its_field() {
        type Spoil = fn(&mut CapRow);
        let cases: [(&str, Spoil); 6] = [
            ("item", |c| c.item = "b1".into()),
            ("cap", |c| c.cap = 0),
            ("threshold_minutes", |c| c.threshold_minutes = Some(10)),
            ("cap_above_threshold", |c| {
                c.cap_above_threshold = Some(20000)
            }),
            ("threshold_minutes", |c| c.cap_above_threshold = None),
            ("source", |c| c.source = " ".into()),
        ];
        for (field, spoil) in cases {
            let mut row = hourly("2026-01-01", 17000, Some(15000));
            spoil(&mut row);
            assert_eq!(check_cap(&row, unit_of).expect_err(field).field, field);
        }
        let mut meals = unit_cap("2026-01-01", " c1 ", 8000);
        assert_eq!(check_cap(&meals, unit_of).expect("valid").item, "c1");
        meals.threshold_minutes = Some(4800);
        meals.cap_above_threshold = Some(7000);
        assert_eq!(
            check_cap(&meals, unit_of).expect_err("per unit").field,
            "threshold_minutes"
        );
    }
}
