//! Planning rules: travel times, weekly visits from care-plan templates, and the conflicts
//! of a plan. Pure, deterministic, no I/O.

pub mod change;
pub mod conflicts;
pub mod input;
#[cfg(feature = "optimiser")]
pub mod proposal;
pub mod travel;
pub mod week;
