//! Funding and network reports, free of I/O: periods in Prague time, the figures as pure
//! computations over rows, small-count suppression, the one table model the JSON, CSV,
//! XLSX and printed views are built from, and the region's network parameters.

pub mod figures;
pub mod parameters;
pub mod payments;
pub mod period;
pub mod plan;
pub mod provider;
pub mod region;
pub mod statement;
pub mod summary;
pub mod suppression;
pub mod table;

pub use period::Period;
pub use table::{Cell, Column, ColumnKind, DictionaryEntry, Report, Table};

/// A provider of the network, as a report's pick list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProviderEntry {
    pub id: String,
    pub name: String,
}
