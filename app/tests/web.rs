//! DOM tests in headless Chromium: the presentational components, mounted with plain data.
//! Run: `cargo test -p app --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use app::api::decode_error;
use app::components::{AppHeader, LoginForm, TodayView};
use app::view_state::TodayState;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::{Me, Role};
use shared::schedule::{TodayVisits, VisitStatus, VisitView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh `<div>` in the document and returns that `<div>`.
fn mount<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let document = document();
    let host: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

fn find(host: &HtmlElement, selector: &str) -> HtmlElement {
    host.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}: {}", host.inner_html()))
        .unchecked_into()
}

fn missing(host: &HtmlElement, selector: &str) -> bool {
    host.query_selector(selector)
        .expect("a valid selector")
        .is_none()
}

fn texts(host: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).expect("a valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.text_content())
        .collect()
}

fn text(host: &HtmlElement, selector: &str) -> String {
    find(host, selector).text_content().unwrap_or_default()
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid instant")
        .with_timezone(&Utc)
}

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn visit(id: &str, client: &str, starts: &str, ends: &str) -> VisitView {
    VisitView {
        id: id.to_owned(),
        client_name: client.to_owned(),
        address: "Husova 12".to_owned(),
        municipality: "Děčín".to_owned(),
        starts_at: utc(starts),
        ends_at: utc(ends),
        status: VisitStatus::Planned,
        tasks: vec![
            "Pomoc při osobní hygieně".to_owned(),
            "Dovoz oběda".to_owned(),
        ],
        doorstep_note: Some("Klíč v boxu u branky, kód 1234".to_owned()),
    }
}

fn a_day() -> TodayState {
    let mut later = visit(
        "v2",
        "Marie Svobodová",
        "2026-11-23T12:00:00Z",
        "2026-11-23T13:00:00Z",
    );
    later.status = VisitStatus::Done;
    later.doorstep_note = None;
    TodayState::from_result(Ok(TodayVisits {
        date: monday(),
        visits: vec![
            later,
            visit(
                "v1",
                "Josef Novák",
                "2026-11-23T07:00:00Z",
                "2026-11-23T08:30:00Z",
            ),
        ],
    }))
}

fn ignore() -> Callback<()> {
    Callback::new(|()| {})
}

#[wasm_bindgen_test]
fn the_visit_list_shows_client_prague_time_range_tasks_and_note() {
    let host = mount(|| view! { <TodayView today=monday() state=a_day() on_retry=ignore() /> });

    assert_eq!(
        texts(&host, ".visit-client"),
        ["Josef Novák", "Marie Svobodová"],
        "earliest visit first"
    );
    // 07:00–08:30 UTC is 8:00–9:30 in Prague in November.
    assert_eq!(texts(&host, ".visit-time"), ["8:00–9:30", "13:00–14:00"]);
    let first = find(&host, ".visit");
    assert_eq!(
        texts(&first, ".visit-tasks li"),
        ["Pomoc při osobní hygieně", "Dovoz oběda"]
    );
    assert_eq!(text(&first, ".visit-address"), "Husova 12, Děčín");
    assert!(text(&first, ".visit-note").contains("Klíč v boxu u branky"));
    assert_eq!(texts(&host, ".badge"), ["Naplánováno", "Hotovo"]);
    assert_eq!(text(&host, ".summary"), "2 návštěvy");
    assert!(
        text(&host, "#today-heading").contains("Pondělí 23. listopadu 2026"),
        "heading has the Czech weekday and date"
    );
    assert!(missing(&host, "[role=alert]"));
}

#[wasm_bindgen_test]
fn a_day_without_visits_says_so() {
    let state = TodayState::Empty { date: monday() };
    let host = mount(move || view! { <TodayView today=monday() state=state on_retry=ignore() /> });

    assert_eq!(text(&host, ".empty"), "Dnes nemáte žádné návštěvy.");
    assert!(missing(&host, ".visit"));
}

#[wasm_bindgen_test]
fn loading_shows_a_status_until_the_visits_arrive() {
    let state = RwSignal::new(TodayState::Loading);
    let host = mount(move || view! { <TodayView today=monday() state=state on_retry=ignore() /> });
    assert_eq!(text(&host, "[role=status]"), "Načítám…");
}

#[wasm_bindgen_test]
async fn the_page_switches_from_loading_to_the_list() {
    let state = RwSignal::new(TodayState::Loading);
    let host = mount(move || view! { <TodayView today=monday() state=state on_retry=ignore() /> });
    assert!(missing(&host, ".visit"));

    state.set(a_day());
    leptos::task::tick().await;

    assert_eq!(texts(&host, ".visit-client").len(), 2);
    assert!(missing(&host, "[role=status]"));
}

#[wasm_bindgen_test]
fn a_failure_shows_the_servers_czech_message_and_a_retry_button() {
    let error = decode_error(
        503,
        r#"{"error":{"code":"database_unavailable","message":"Databáze je dočasně nedostupná."}}"#,
    );
    let state = TodayState::from_result(Err(error));
    let retries = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&retries);
    let on_retry = Callback::new(move |()| *counter.lock().expect("lock") += 1);
    let host = mount(move || view! { <TodayView today=monday() state=state on_retry=on_retry /> });

    assert_eq!(
        text(&host, "[role=alert] .error-message"),
        "Databáze je dočasně nedostupná."
    );
    let retry = find(&host, "[role=alert] button");
    assert_eq!(retry.text_content().as_deref(), Some("Zkusit znovu"));
    retry.click();
    assert_eq!(*retries.lock().expect("lock"), 1);
}

#[wasm_bindgen_test]
fn the_login_form_marks_the_field_the_server_names() {
    let error = ErrorDetail {
        code: "invalid_credentials".to_owned(),
        message: "Nesprávné přihlašovací jméno nebo heslo.".to_owned(),
        field: Some("password".to_owned()),
    };
    let host = mount(move || {
        view! { <LoginForm pending=false error=Some(error) on_submit=Callback::new(|_| {}) /> }
    });

    assert_eq!(
        text(&host, "[role=alert]"),
        "Nesprávné přihlašovací jméno nebo heslo."
    );
    let password = find(&host, "#login-password");
    assert_eq!(
        password.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        password.get_attribute("aria-describedby").as_deref(),
        Some("login-error")
    );
    let username = find(&host, "#login-username");
    assert_eq!(username.get_attribute("aria-invalid"), None);
    assert_eq!(
        username.get_attribute("autocomplete").as_deref(),
        Some("username")
    );
    assert_eq!(
        password.get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(
        text(&host, "label[for=login-password]"),
        "Heslo",
        "every input has a label"
    );
}

#[wasm_bindgen_test]
fn the_login_form_hands_over_what_was_typed() {
    let submitted = Arc::new(Mutex::new(None::<(String, String)>));
    let sink = Arc::clone(&submitted);
    let on_submit =
        Callback::new(move |credentials| *sink.lock().expect("lock") = Some(credentials));
    let host = mount(move || view! { <LoginForm pending=false error=None on_submit=on_submit /> });
    assert!(missing(&host, "[role=alert]"));

    find(&host, "#login-username")
        .unchecked_into::<HtmlInputElement>()
        .set_value("pecovatelka.decin");
    find(&host, "#login-password")
        .unchecked_into::<HtmlInputElement>()
        .set_value("demo1234");
    find(&host, "button[type=submit]").click();

    assert_eq!(
        submitted.lock().expect("lock").clone(),
        Some(("pecovatelka.decin".to_owned(), "demo1234".to_owned()))
    );
}

#[wasm_bindgen_test]
fn a_pending_login_disables_the_button_and_says_so() {
    let host =
        mount(|| view! { <LoginForm pending=true error=None on_submit=Callback::new(|_| {}) /> });

    let button = find(&host, "button[type=submit]");
    assert!(button.has_attribute("disabled"));
    assert_eq!(button.text_content().as_deref(), Some("Přihlašuji…"));
}

#[wasm_bindgen_test]
fn the_header_shows_who_is_signed_in_and_the_connection() {
    let me = Me {
        user_id: "u1".to_owned(),
        username: "pecovatelka.decin".to_owned(),
        display_name: "Jana Nováková".to_owned(),
        role: Role::Caregiver,
        provider_id: Some("p1".to_owned()),
        provider_name: Some("Charita Děčín".to_owned()),
    };
    let host = mount(move || {
        view! {
            <AppHeader
                me=Some(me)
                online=true
                logout_pending=false
                logout_error={None::<String>}
                on_logout=ignore()
            />
        }
    });

    assert_eq!(text(&host, ".user-name"), "Jana Nováková");
    assert_eq!(text(&host, ".user-role"), "Pečovatel/ka");
    assert_eq!(text(&host, ".net"), "Připojeno");
    assert_eq!(text(&host, "button"), "Odhlásit se");
}

#[wasm_bindgen_test]
async fn the_header_says_when_the_phone_is_offline() {
    let online = RwSignal::new(true);
    let host = mount(move || {
        view! {
            <AppHeader
                me={None::<Me>}
                online=online
                logout_pending=false
                logout_error={None::<String>}
                on_logout=ignore()
            />
        }
    });
    assert!(missing(&host, "button"), "no logout without a user");

    online.set(false);
    leptos::task::tick().await;

    assert_eq!(text(&host, ".net"), "Bez připojení");
    assert!(find(&host, ".net").class_list().contains("net-offline"));
}
