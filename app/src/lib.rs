//! E-péče in the browser: a Leptos client-side app with a router, installable as a PWA.
//!
//! Laid out by feature. The common layer: [`paths`] (the URLs), [`remote`] (requests and
//! the wire error), [`ui`] (the form kit and chrome), [`offline_store`] (what the device
//! keeps), [`session`] (who is signed in, page guards, loaders). One folder per feature,
//! each with its page and loader (`mod.rs`), its pure view state (`state.rs`, tested
//! natively), its components (`view.rs`, tested in Chromium) and its requests (`api.rs`).
//! Features import only the common layer and `shared`, never each other; only [`routes`]
//! knows them all. `tests/layout.rs` keeps it that way.

pub mod json;
pub mod offline_store;
pub mod paths;
pub mod remote;
pub mod routes;
pub mod session;
pub mod titles;
pub mod ui;

pub mod account;
pub mod audit;
pub mod caregivers;
pub mod clients;
pub mod family;
pub mod incidents;
pub mod login;
pub mod office_today;
pub mod reports;
pub mod staff;
pub mod today;
pub mod training;
pub mod visit_page;
pub mod visit_record;
pub mod week;

/// Called by `index.html` once the module is initialised: mounts the app into `<body>`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() {
    leptos::mount::mount_to_body(routes::App);
}
