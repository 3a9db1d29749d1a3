//! Every SQL statement of scheduling, and the strict reading of its rows: a column that is
//! missing or holds something unexpected is an internal error that names the column, never a
//! default.

pub mod board;
pub mod calendar_feeds;
pub mod care_plans;
pub mod changes;
pub mod clients;
pub mod facts;
pub mod family;
pub mod family_changes;
pub mod family_requests;
pub mod route;
pub mod week;

use chrono::{NaiveTime, Weekday};
use platform::{DbError, Row};
use shared::schedule::VisitStatus;

/// A comma-separated column (task codes, skills) as its items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn type_error(column: &str, expected: &'static str, found: impl Into<String>) -> DbError {
    DbError::ColumnType {
        column: column.to_owned(),
        expected,
        found: found.into(),
    }
}

pub fn time(row: &Row, column: &str) -> Result<NaiveTime, DbError> {
    row.parsed(column, "a time HH:MM", |text| {
        NaiveTime::parse_from_str(text, "%H:%M").ok()
    })
}

/// A time `HH:MM`, or `None` where the column is NULL.
pub fn optional_time(row: &Row, column: &str) -> Result<Option<NaiveTime>, DbError> {
    row.optional_text(column)?
        .map(|text| {
            NaiveTime::parse_from_str(&text, "%H:%M")
                .map_err(|_| type_error(column, "a time HH:MM", text))
        })
        .transpose()
}

pub fn status(row: &Row) -> Result<VisitStatus, DbError> {
    row.parsed("status", "a visit status", VisitStatus::parse)
}

/// A small whole number in `range` (caregivers needed, a care allowance level, a weekday).
pub fn small_number(
    row: &Row,
    column: &str,
    range: std::ops::RangeInclusive<u8>,
) -> Result<u8, DbError> {
    let number = row.integer(column)?;
    u8::try_from(number)
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| type_error(column, "a small number in its range", number.to_string()))
}

pub fn optional_small_number(
    row: &Row,
    column: &str,
    range: std::ops::RangeInclusive<u8>,
) -> Result<Option<u8>, DbError> {
    match row.optional_integer(column)? {
        None => Ok(None),
        Some(_) => small_number(row, column, range).map(Some),
    }
}

/// ISO weekday numbers 1 (Monday) to 7 (Sunday).
pub fn weekday(number: u8) -> Option<Weekday> {
    number
        .checked_sub(1)
        .and_then(|index| Weekday::try_from(index).ok())
}

/// A column of weekday digits, `135` for Monday, Wednesday and Friday.
pub fn weekday_digits(row: &Row, column: &str) -> Result<Vec<u8>, DbError> {
    let text = row.text(column)?;
    text.chars()
        .map(|digit| {
            digit
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .filter(|d| weekday(*d).is_some())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| type_error(column, "weekday digits 1–7", text))
}

/// `INSERT INTO {into} VALUES …` for many rows of `N` values, in as few statements as the
/// engines' parameter limits allow (one for any batch a request makes today).
pub async fn insert_rows<const N: usize>(
    db: &impl platform::Database,
    into: &str,
    rows: &[[platform::Value; N]],
) -> Result<(), DbError> {
    for chunk in rows.chunks(platform::db::rows_per_statement(N)) {
        let params: Vec<platform::Value> = chunk.iter().flatten().cloned().collect();
        let values = platform::db::values_placeholders(chunk.len(), N, 1);
        db.execute(&format!("INSERT INTO {into} VALUES {values}"), &params)
            .await?;
    }
    Ok(())
}
