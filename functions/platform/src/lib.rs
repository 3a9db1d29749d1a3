//! What every E-péče component shares: the database port and its adapters, the request
//! pipeline with routing and error mapping, sessions, migrations and the demo seed.

pub mod auth;
pub mod component;
pub mod db;
pub mod demo;
pub mod error;
pub mod http;
pub mod input;
pub mod migrate;
pub mod router;
pub mod sql;
pub mod timestamp;

#[cfg(feature = "sqlx")]
pub mod sqlx_db;

#[cfg(target_arch = "wasm32")]
pub mod spin;

pub use component::{Component, Context, Settings, serve};
pub use db::{Database, DbError, Engine, Row, Value};
pub use error::ApiError;
pub use http::{ApiRequest, ApiResponse, Method};
pub use router::{Access, Route};
