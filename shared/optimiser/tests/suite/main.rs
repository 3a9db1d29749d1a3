//! The optimiser's tests, one binary: the checker catches every kind of violation, every
//! plan passes the checker (property tests), a seed gives the same plan, each unassigned
//! reason, the objectives, and the Solomon format.

mod check_violations;
mod determinism;
mod files;
mod objectives;
mod properties;
mod reasons;
mod replanning;
mod solomon;
