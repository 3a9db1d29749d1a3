//! A client's monthly statement (vyúčtování úhrad) from the visit records, and the check of
//! a provider's price list against the legal caps. All money in integer haléře.
//!
//! The rules:
//! - Caps are dated rows (`CapRow`), one series per item: `hour` for time-based tasks, a
//!   task code (`c1`, `c2`, `d7`, `d8`) for a per-unit task. The row in force on a date is
//!   the item's row with the latest `valid_from` on or before it.
//! - Time-based tasks are charged by the visit's actual time in whole minutes (a started
//!   minute is not charged), pro rata at the hourly rate: `minutes × rate / 60`. The rate is
//!   the provider's price, never more than the cap in force on the visit's Prague date.
//! - The monthly threshold (80 hours since 1 January 2023): the month's time-based minutes
//!   are counted in the chronological order of the visits (arrival, then record id); minutes
//!   beyond the threshold are charged at most the lower cap. A visit that crosses it is split.
//! - Per-unit tasks: units × the provider's unit price, never more than the task's cap.
//! - Free-of-charge clients (§75(2)): every line at zero, minutes and units still shown.
//! - Rounding: each line's amount is rounded once to whole haléře, half up; the statement's
//!   total is the sum of its lines, so the printed lines add up.
//!
//! By concept: `caps` (the law's maxima), `price_list` (a provider's prices), `month` (the
//! billing month) and `statement` (the month's lines and sums). Rendering a statement as a
//! file (CSV, a printable page) is the edge's business (functions/care-records).

mod caps;
mod month;
mod price_list;
mod statement;

#[cfg(test)]
mod fixtures;

use chrono::NaiveDate;

pub use caps::{CapRow, HOURLY_ITEM, check_cap};
pub use month::BillingMonth;
pub use price_list::{PriceList, PriceListInput, PriceLists, UnitPriceInput, check_price_list};
pub use statement::{
    BillableVisit, BilledTask, BillingError, Portion, Statement, StatementBody, StatementLine,
    monthly_statement,
};

/// `123,45` for 12 345 haléřů: the Czech decimal comma, no thousands separator (so Czech
/// Excel reads it as a number).
pub fn koruny(haler: i64) -> String {
    let sign = if haler < 0 { "-" } else { "" };
    let absolute = haler.unsigned_abs();
    format!("{sign}{},{:02}", absolute / 100, absolute % 100)
}

/// `3. 12. 2026`: the one way a statement and its messages write a date.
pub fn czech_date(date: NaiveDate) -> String {
    date.format("%-d. %-m. %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_written_day_month_year_with_spaces_and_no_leading_zeros() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
        assert_eq!(czech_date(date), "3. 12. 2026");
    }

    #[test]
    fn koruny_are_written_with_a_decimal_comma() {
        assert_eq!(koruny(1_341_750), "13417,50");
        assert_eq!(koruny(5), "0,05");
        assert_eq!(koruny(-150), "-1,50");
    }
}
