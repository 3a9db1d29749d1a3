//! The billing month: a calendar month of Prague dates.

use chrono::{Datelike, Months, NaiveDate};

use crate::error::FieldError;
use crate::time::czech_month;

/// A calendar month of Prague dates, `2026-11` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BillingMonth {
    first: NaiveDate,
}

impl BillingMonth {
    pub fn parse(text: &str) -> Result<BillingMonth, FieldError> {
        let invalid = || FieldError::new("month", "Měsíc se zadává jako RRRR-MM, např. 2026-11.");
        if text.len() != 7 {
            return Err(invalid());
        }
        NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map(|first| BillingMonth { first })
            .map_err(|_| invalid())
    }

    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The first day of the next month.
    pub fn end(self) -> NaiveDate {
        self.first
            .checked_add_months(Months::new(1))
            .expect("a month after a valid month exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first <= date && date < self.end()
    }

    pub fn label(self) -> String {
        format!("{}-{:02}", self.first.year(), self.first.month())
    }

    /// `prosinec 2026`: the month as a statement names its period.
    pub fn in_words(self) -> String {
        let name = czech_month(self.first.month()).expect("a date's month is 1–12");
        format!("{name} {}", self.first.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::billing::fixtures::*;

    #[test]
    fn a_month_is_written_year_dash_month() {
        assert_eq!(november().end(), date("2026-12-01"));
        assert_eq!(november().label(), "2026-11");
        assert_eq!(november().in_words(), "listopad 2026");
        assert_eq!(
            BillingMonth::parse("2026-12").map(BillingMonth::in_words),
            Ok("prosinec 2026".to_owned())
        );
        assert!(BillingMonth::parse("2026-13").is_err());
        assert!(BillingMonth::parse("2026-1").is_err());
    }
}
