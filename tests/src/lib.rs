//! A native stand-in for Spin: reads `spin.toml`, routes each request to the component the
//! manifest names, and runs that component's handlers over sqlx — the same handlers,
//! the same pipeline, the same SQL the wasm components run.

pub mod clock;
pub mod load;
pub mod manifest;
pub mod server;

pub use clock::Clock;
pub use server::{Host, HostConfig, RunningHost};
