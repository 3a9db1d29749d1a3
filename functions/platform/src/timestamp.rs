//! Instants as stored: RFC 3339 UTC text to the second, so text order is time order.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::db::DbError;

pub fn format(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// To the millisecond, for logs whose entries must keep their order within a second. A
/// column holds one format only: text order is time order within a format.
pub fn format_precise(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn parse(text: &str) -> Result<DateTime<Utc>, DbError> {
    DateTime::parse_from_rfc3339(text)
        .map(|instant| instant.with_timezone(&Utc))
        .map_err(|_| DbError::ColumnType {
            column: "timestamp".into(),
            expected: "an RFC 3339 instant",
            found: text.to_owned(),
        })
}
