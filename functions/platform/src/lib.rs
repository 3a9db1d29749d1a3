//! What every E-péče component shares: the database port and its adapters, the request
//! pipeline with routing and error mapping, sessions and migrations (the demo seed is the `demo` crate, called through `Seed`).

pub mod audit;
pub mod auth;
pub mod component;
pub mod db;
pub mod error;
pub mod http;
pub mod input;
pub mod migrate;
pub mod random;
pub mod reference;
pub mod router;
pub mod security;
pub mod sql;
pub mod timestamp;

#[cfg(feature = "sqlx")]
pub mod sqlx_db;

pub mod spin;

pub use component::{Component, Context, Settings, serve};
pub use db::{Database, DbError, Engine, Row, Value};
pub use error::ApiError;
pub use http::{ApiRequest, ApiResponse, Method};
pub use migrate::Seed;
pub use router::{Access, Route};
pub use shared::APP_REQUEST_HEADER;

/// Exports a component's pipeline as its Spin entry point. The SDK's generated export glue
/// is the only unsafe code in the project.
#[macro_export]
macro_rules! spin_component {
    ($component:ident) => {
        #[cfg(target_arch = "wasm32")]
        #[allow(unsafe_code)]
        mod spin_entry {
            use super::$component;

            #[::spin_sdk::http_service]
            async fn entry(request: ::spin_sdk::http::Request) -> $crate::spin::SpinResponse {
                $crate::spin::serve::<$component>(request).await
            }
        }
    };
}
