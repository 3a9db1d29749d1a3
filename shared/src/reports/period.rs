//! Report periods: a calendar month, quarter or year, always in Prague time. A period's
//! bounds are the UTC instants of its first and its end Prague midnight, so a month with a
//! clock change is 743 or 745 hours long and a visit across midnight is split at the bound.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::time::{czech_month, prague_day_bounds};

/// A month, a quarter or a year, written `2026-03`, `2026-Q1` or `2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year(i32),
}

impl Period {
    /// Parses the written form; the error names the field `period`.
    pub fn parse(text: &str) -> Result<Period, FieldError> {
        let invalid = || {
            FieldError::new(
                "period",
                "Období zadejte jako rok (2026), čtvrtletí (2026-Q1) nebo měsíc (2026-03).",
            )
        };
        let year = |part: &str| {
            part.parse::<i32>()
                .ok()
                .filter(|year| (2000..=2100).contains(year) && part.len() == 4)
                .ok_or_else(invalid)
        };
        match text.split_once('-') {
            None => Ok(Period::Year(year(text)?)),
            Some((y, rest)) => {
                let year = year(y)?;
                if let Some(q) = rest.strip_prefix('Q') {
                    let quarter = q.parse::<u32>().ok().filter(|q| (1..=4).contains(q));
                    quarter
                        .map(|quarter| Period::Quarter { year, quarter })
                        .ok_or_else(invalid)
                } else {
                    let month = rest.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
                    month
                        .filter(|_| rest.len() == 2)
                        .map(|month| Period::Month { year, month })
                        .ok_or_else(invalid)
                }
            }
        }
    }

    /// The written form, as `parse` reads it.
    pub fn code(self) -> String {
        match self {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Period::Year(year) => year.to_string(),
        }
    }

    /// Czech name for headings: "březen 2026", "1. čtvrtletí 2026", "rok 2026".
    pub fn label(self) -> String {
        match self {
            Period::Month { year, month } => {
                format!("{} {year}", czech_month(month).unwrap_or_default())
            }
            Period::Quarter { year, quarter } => format!("{quarter}. čtvrtletí {year}"),
            Period::Year(year) => format!("rok {year}"),
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Month { year, .. } | Period::Quarter { year, .. } | Period::Year(year) => year,
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = match self {
            Period::Month { year, month } => (year, month),
            Period::Quarter { year, quarter } => (year, quarter * 3 - 2),
            Period::Year(year) => (year, 1),
        };
        NaiveDate::from_ymd_opt(year, month, 1).expect("a parsed period's first day exists")
    }

    /// How many calendar months the period spans.
    pub fn month_count(self) -> u32 {
        match self {
            Period::Month { .. } => 1,
            Period::Quarter { .. } => 3,
            Period::Year(_) => 12,
        }
    }

    /// The day after the period's last day.
    pub fn end_day(self) -> NaiveDate {
        self.first_day() + Months::new(self.month_count())
    }

    /// The period's last day.
    pub fn last_day(self) -> NaiveDate {
        self.end_day()
            .pred_opt()
            .expect("a period's last day exists")
    }

    /// The UTC instants of the period's first Prague midnight and of the one after it.
    pub fn bounds(self) -> Bounds {
        Bounds {
            from: prague_day_bounds(self.first_day()).0,
            to: prague_day_bounds(self.end_day()).0,
        }
    }

    /// The months the period spans, in order: the rows of a trend.
    pub fn months(self) -> Vec<Period> {
        let first = self.first_day();
        (0..self.month_count())
            .map(|offset| {
                let day = first + Months::new(offset);
                Period::Month {
                    year: day.year(),
                    month: day.month(),
                }
            })
            .collect()
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Period::parse(&text).map_err(|error| error.message)
    }
}

impl From<Period> for String {
    fn from(period: Period) -> String {
        period.code()
    }
}

/// A half-open stretch of time `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl Bounds {
    pub fn contains(self, instant: DateTime<Utc>) -> bool {
        instant >= self.from && instant < self.to
    }

    /// Seconds of `[start, end)` that fall inside the bounds: what a visit across midnight
    /// or across the period's end counts in this period.
    pub fn overlap_seconds(self, start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
        let start = start.max(self.from);
        let end = end.min(self.to);
        (end - start).num_seconds().max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an RFC 3339 instant")
    }

    #[test]
    fn periods_parse_from_their_written_form_and_back() {
        for text in ["2026", "2026-Q2", "2026-03", "2026-12"] {
            assert_eq!(Period::parse(text).expect("valid").code(), text);
        }
        for bad in ["26", "2026-13", "2026-Q5", "2026-3", "březen", "2026-Q", ""] {
            let error = Period::parse(bad).expect_err(bad);
            assert_eq!(error.field, "period");
        }
    }

    #[test]
    fn a_month_with_the_spring_clock_change_is_one_hour_short() {
        let march = Period::parse("2026-03").expect("valid").bounds();
        assert_eq!(march.from, at("2026-02-28T23:00:00Z"));
        assert_eq!(
            march.to,
            at("2026-03-31T22:00:00Z"),
            "April starts in summer time"
        );
        assert_eq!((march.to - march.from).num_hours(), 31 * 24 - 1);
        let october = Period::parse("2026-10").expect("valid").bounds();
        assert_eq!((october.to - october.from).num_hours(), 31 * 24 + 1);
    }

    #[test]
    fn a_visit_across_midnight_counts_in_each_month_its_part() {
        let february = Period::parse("2026-02").expect("valid").bounds();
        let march = Period::parse("2026-03").expect("valid").bounds();
        // 23:30 on 28 February to 00:45 on 1 March, Prague winter time.
        let (start, end) = (at("2026-02-28T22:30:00Z"), at("2026-02-28T23:45:00Z"));
        assert_eq!(february.overlap_seconds(start, end), 30 * 60);
        assert_eq!(march.overlap_seconds(start, end), 45 * 60);
    }

    #[test]
    fn a_quarter_and_a_year_list_their_months() {
        let q2 = Period::parse("2026-Q2").expect("valid");
        assert_eq!(
            q2.first_day(),
            NaiveDate::from_ymd_opt(2026, 4, 1).expect("valid")
        );
        assert_eq!(
            q2.last_day(),
            NaiveDate::from_ymd_opt(2026, 6, 30).expect("valid")
        );
        let codes: Vec<String> = q2.months().into_iter().map(Period::code).collect();
        assert_eq!(codes, ["2026-04", "2026-05", "2026-06"]);
        assert_eq!(Period::Year(2026).months().len(), 12);
        assert_eq!(
            Period::parse("2026-Q1").expect("valid").label(),
            "1. čtvrtletí 2026"
        );
        assert_eq!(
            Period::parse("2026-03").expect("valid").label(),
            "březen 2026"
        );
    }
}
