//! E-péče in the browser: a Leptos client-side app with a router, installable as a PWA.
//!
//! - [`api`]: requests to the server; every non-2xx body decoded into the shared error.
//! - [`view_state`]: what the pages show, as plain data, tested natively.
//! - [`components`]: presentational components, props in, DOM out (tested in Chromium).
//! - [`pages`]: the data-loading wrappers, the session and the routes.
//! - [`week_state`] and [`week_page`]: the planner's week board, as data and as a page.
//! - [`clients_page`]: the client register, care plans and monthly statements;
//!   [`caregiver_page`]: a caregiver's skills, shifts, contract, home base and absences.
//! - [`outbox`], [`offline_store`] and [`offline`]: visit records made offline, as data, in
//!   IndexedDB and synced; [`record_form`]: the caregiver's record form and the sync status;
//!   [`attention_page`]: the coordinator's incidents and sync conflicts.

pub mod api;
pub mod attention_page;
pub mod caregiver_page;
pub mod clients_page;
pub mod components;
pub mod offline;
pub mod offline_store;
pub mod outbox;
pub mod pages;
pub mod record_form;
pub mod view_state;
pub mod week_page;
pub mod week_state;

/// The routes, in one place.
pub mod paths {
    pub const LOGIN: &str = "/prihlaseni";
    pub const TODAY: &str = "/dnes";
    pub const ACCOUNT: &str = "/ucet";
    pub const STAFF: &str = "/pracovnici";
    pub const FAMILY: &str = "/rodina";
    pub const AUDIT: &str = "/audit";
    pub const WEEK: &str = "/tyden";
    pub const CLIENTS: &str = "/klienti";
    pub const ATTENTION: &str = "/udalosti";

    /// `/pecovatele/{id}`: a caregiver's profile and absences.
    pub fn caregiver(user_id: &str) -> String {
        format!("/pecovatele/{}", crate::api::path_segment(user_id))
    }

    /// `/klienti/{id}/plan`: a client's care plan, recurring visits and statements.
    pub fn client_plan(client_id: &str) -> String {
        format!("/klienti/{}/plan", crate::api::path_segment(client_id))
    }

    /// The monthly statement of a client as the server renders it (`statement.html`, `.csv`).
    pub fn statement(client_id: &str, month: &str, file: &str) -> String {
        format!(
            "/api/records/billing/{}/{month}/{file}",
            crate::api::path_segment(client_id)
        )
    }

    /// `/tyden/{monday}`: the planner's board of one week.
    pub fn week(monday: chrono::NaiveDate) -> String {
        format!("{WEEK}/{monday}")
    }
    pub const REDEEM_INVITATION: &str = "/pozvanka";
    pub const REDEEM_PASSWORD_RESET: &str = "/obnova-hesla";

    /// `/klienti/{id}/rodina`: a client's family links and invitations.
    pub fn client_family(client_id: &str) -> String {
        format!("/klienti/{}/rodina", crate::api::path_segment(client_id))
    }
}

/// Called by `index.html` once the module is initialised: mounts the app into `<body>`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() {
    leptos::mount::mount_to_body(pages::App);
}
