//! Every SQL statement of identity, and the strict decoding of its rows: a missing or
//! malformed column is an internal error naming the column, never a default.
//!
//! - `accounts`: users (staff and family), their passwords, failed sign-ins.
//! - `codes`: one-time codes, stored hashed.
//! - `family`: family members' links to clients.
//! - `audit`: the audit log as its manager browses it.
//!
//! Sessions are the platform's (`platform::auth`): every component checks them.

pub mod accounts;
pub mod audit;
pub mod codes;
pub mod family;

use platform::{DbError, Row};

/// A 0/1 flag column.
fn flag(row: &Row, column: &str) -> Result<bool, DbError> {
    match row.integer(column)? {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(DbError::ColumnType {
            column: column.to_owned(),
            expected: "0 or 1",
            found: other.to_string(),
        }),
    }
}
