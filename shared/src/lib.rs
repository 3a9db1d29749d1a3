//! The E-péče domain, free of I/O: what crosses the wire, how input is parsed, and the
//! pure rules. Compiles for the browser, for Spin components and natively.

pub mod catalogue;
pub mod error;
pub mod identity;
pub mod schedule;
pub mod throttle;
pub mod time;

pub use error::{ErrorBody, ErrorDetail};
