//! E-péče in the browser: a Leptos client-side app with a router, installable as a PWA.
//!
//! - [`api`]: requests to the server; every non-2xx body decoded into the shared error.
//! - [`view_state`]: what the pages show, as plain data, tested natively.
//! - [`components`]: presentational components, props in, DOM out (tested in Chromium).
//! - [`pages`]: the data-loading wrappers, the session and the routes.

pub mod api;
pub mod components;
pub mod pages;
pub mod view_state;

/// The routes, in one place.
pub mod paths {
    pub const LOGIN: &str = "/prihlaseni";
    pub const TODAY: &str = "/dnes";
}

/// Called by `index.html` once the module is initialised: mounts the app into `<body>`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() {
    leptos::mount::mount_to_body(pages::App);
}
