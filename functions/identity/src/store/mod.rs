//! Every SQL statement of identity, and the strict decoding of its rows: a missing or
//! malformed column is an internal error naming the column, never a default.
//!
//! - `accounts`: users (staff and family), their passwords, failed sign-ins.
//! - `codes`: one-time codes, stored hashed.
//! - `family`: family members' links to clients.
//! - `audit`: the audit log as its manager browses it.
//! - `providers`: the manager's own provider: its name and office phone.
//!
//! Sessions are the platform's (`platform::auth`): every component checks them.

pub mod accounts;
pub mod audit;
pub mod codes;
pub mod family;
pub mod providers;
