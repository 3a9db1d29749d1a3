//! The E-péče domain, free of I/O: what crosses the wire, how input is parsed, and the
//! pure rules. Compiles for the browser, for Spin components and natively.

pub mod bounds;
pub mod catalogue;
pub mod clients;
pub mod csv;
pub mod czech;
pub mod error;
pub mod family;
pub mod identity;
pub mod planning;
pub mod records;
pub mod reports;
pub mod schedule;
pub mod throttle;
pub mod time;
pub mod training;

pub use error::{ErrorBody, ErrorDetail};

/// The header the app sends with every write, so the server can tell its own pages from a
/// form on another site (which cannot add a custom header without a CORS preflight).
pub const APP_REQUEST_HEADER: (&str, &str) = ("x-requested-with", "epece");
