//! DOM tests in headless Chromium: the presentational components, mounted with plain data.
//! Run: `cargo test -p app --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use app::api::decode_error;
use app::components::{
    AccountSummary, AppHeader, AuditTable, ConfirmAction, FamilySchedule, LoginForm, MainNav,
    OneTimeCodePanel, PasswordChangeForm, StaffList, TodayView,
};
use app::view_state::{ClientSchedule, Remote, TodayState, group_by_prague_day, nav_items};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::{AuditEntry, Me, OneTimeCode, Role, StaffMember};
use shared::planning::travel::GeoPoint;
use shared::schedule::{FamilyVisitView, LinkedClient, TodayVisits, VisitStatus, VisitView};
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
        location: GeoPoint {
            latitude: 50.772656,
            longitude: 14.212861,
        },
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
    let navigate = find(&first, ".visit-navigate a");
    assert_eq!(navigate.text_content().unwrap_or_default(), "Navigovat");
    assert_eq!(
        navigate.get_attribute("href").as_deref(),
        Some("https://www.google.com/maps/dir/?api=1&destination=50.772656,14.212861")
    );
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

fn attribute(host: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    find(host, selector).get_attribute(name)
}

#[wasm_bindgen_test]
fn the_one_time_code_panel_shows_the_code_its_prague_expiry_and_where_to_use_it() {
    let code = OneTimeCode {
        code: "K7Q2-MX9P".to_owned(),
        expires_at: utc("2026-11-30T14:30:00Z"),
    };
    let closed = Arc::new(Mutex::new(false));
    let sink = Arc::clone(&closed);
    let host = mount(move || {
        view! {
            <OneTimeCodePanel
                heading="Jednorázový kód pro účet Jana Malá"
                code=code
                redeem_path="/obnova-hesla"
                instructions="Předejte kód pracovníkovi."
                on_close=Callback::new(move |()| *sink.lock().expect("lock") = true)
            />
        }
    });

    assert_eq!(
        text(&host, "#code-heading"),
        "Jednorázový kód pro účet Jana Malá"
    );
    assert_eq!(text(&host, ".code-value code"), "K7Q2-MX9P");
    // 14:30 UTC on 30 November is 15:30 in Prague.
    assert_eq!(
        text(&host, ".code-expiry"),
        "Platí do 30. listopadu 2026 v 15:30 (pražského času)."
    );
    assert_eq!(
        attribute(&host, ".code-expiry time", "datetime").as_deref(),
        Some("2026-11-30T14:30:00Z")
    );
    assert!(text(&host, ".code-address").ends_with("/obnova-hesla"));
    assert!(text(&host, ".code-once").contains("jen jednou"));
    assert_eq!(
        texts(&host, ".code-panel button"),
        ["Vytisknout", "Hotovo, kód jsem předal/a"]
    );
    assert!(
        find(&host, ".code-panel .actions")
            .class_list()
            .contains("no-print")
    );
    let buttons = host
        .query_selector_all(".code-panel button")
        .expect("selector");
    buttons
        .item(1)
        .expect("close button")
        .unchecked_into::<HtmlElement>()
        .click();
    assert!(*closed.lock().expect("lock"));
}

fn member(id: &str, name: &str, role: Role, active: bool) -> StaffMember {
    StaffMember {
        user_id: id.to_owned(),
        username: format!("{id}.decin"),
        display_name: name.to_owned(),
        role,
        active,
    }
}

#[wasm_bindgen_test]
async fn the_staff_list_shows_roles_and_state_and_deactivates_only_after_confirmation() {
    let staff = vec![
        member("vedouci", "Věra Vedoucí", Role::ProviderManager, true),
        member("jana", "Jana Malá", Role::Caregiver, true),
        member("petr", "Petr Starý", Role::Coordinator, false),
    ];
    let changes = Arc::new(Mutex::new(Vec::<(String, bool)>::new()));
    let sink = Arc::clone(&changes);
    let host = mount(move || {
        view! {
            <StaffList
                staff=staff
                self_id="vedouci"
                busy={None::<String>}
                on_role=Callback::new(|_| {})
                on_active=Callback::new(move |change| sink.lock().expect("lock").push(change))
                on_reset=Callback::new(|_| {})
            />
        }
    });

    assert_eq!(
        texts(&host, ".staff-name"),
        ["Věra Vedoucí (vy)", "Jana Malá", "Petr Starý"]
    );
    assert_eq!(
        texts(&host, ".staff-role"),
        ["Vedoucí služby", "Pečovatel/ka", "Koordinátor"]
    );
    assert_eq!(
        texts(&host, ".staff-state"),
        ["Aktivní", "Aktivní", "Deaktivovaný účet"]
    );
    let rows = host.query_selector_all(".staff").expect("selector");
    let row = |i: u32| -> HtmlElement { rows.item(i).expect("row").unchecked_into() };
    assert!(
        missing(&row(0), "button"),
        "no changes to one's own account"
    );
    assert_eq!(
        text(&row(1), "label[for=role-jana]"),
        "Role",
        "the role picker is labelled"
    );
    assert!(texts(&row(2), "button").contains(&"Znovu aktivovat".to_owned()));

    let jana = row(1);
    let deactivate = jana.query_selector_all("button").expect("selector");
    let deactivate: HtmlElement = (0..deactivate.length())
        .filter_map(|i| deactivate.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Deaktivovat"))
        .expect("a deactivate button");
    deactivate.click();
    leptos::task::tick().await;
    assert!(
        changes.lock().expect("lock").is_empty(),
        "nothing before confirming"
    );
    assert!(text(&jana, ".confirm-question").contains("Jana Malá"));
    find(&jana, ".confirm .button-danger").click();
    leptos::task::tick().await;
    assert_eq!(
        changes.lock().expect("lock").clone(),
        [("jana".to_owned(), false)]
    );
}

#[wasm_bindgen_test]
fn the_password_form_marks_the_field_the_server_names() {
    let error = decode_error(
        400,
        r#"{"error":{"code":"wrong_password","message":"Současné heslo nesouhlasí.","field":"current_password"}}"#,
    )
    .detail();
    let host = mount(move || {
        view! {
            <PasswordChangeForm
                pending=false
                error=Some(error)
                done=false
                on_submit=Callback::new(|_| {})
            />
        }
    });

    assert_eq!(text(&host, "[role=alert]"), "Současné heslo nesouhlasí.");
    assert_eq!(
        attribute(&host, "#password-current", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attribute(&host, "#password-current", "aria-describedby").as_deref(),
        Some("password-error")
    );
    assert_eq!(attribute(&host, "#password-new", "aria-invalid"), None);
    assert_eq!(
        attribute(&host, "#password-new", "aria-describedby").as_deref(),
        Some("password-new-hint"),
        "an unmarked field points at its hint"
    );
    assert_eq!(text(&host, "label[for=password-new]"), "Nové heslo");
    assert_eq!(
        attribute(&host, "#password-new", "autocomplete").as_deref(),
        Some("new-password")
    );
}

#[wasm_bindgen_test]
async fn the_password_form_hands_over_what_was_typed_and_says_when_done() {
    let submitted = Arc::new(Mutex::new(None::<(String, String, String)>));
    let sink = Arc::clone(&submitted);
    let done = RwSignal::new(false);
    let host = mount(move || {
        view! {
            <PasswordChangeForm
                pending=false
                error={None::<ErrorDetail>}
                done=done
                on_submit=Callback::new(move |typed| *sink.lock().expect("lock") = Some(typed))
            />
        }
    });
    let set = |selector: &str, value: &str| {
        find(&host, selector)
            .unchecked_into::<HtmlInputElement>()
            .set_value(value)
    };
    set("#password-current", "demo1234");
    set("#password-new", "nové heslo 2026");
    set("#password-again", "nové heslo 2026");
    find(&host, "button[type=submit]").click();
    assert_eq!(
        submitted.lock().expect("lock").clone(),
        Some((
            "demo1234".to_owned(),
            "nové heslo 2026".to_owned(),
            "nové heslo 2026".to_owned()
        ))
    );

    done.set(true);
    leptos::task::tick().await;
    assert!(text(&host, "[role=status]").starts_with("Heslo je změněné."));
    assert_eq!(
        find(&host, "#password-new")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "",
        "the form is cleared"
    );
}

#[wasm_bindgen_test]
fn the_nav_shows_each_role_its_own_pages_and_marks_the_current_one() {
    let host = mount(|| {
        view! { <MainNav items=nav_items(Role::FamilyMember) current="/rodina".to_owned() /> }
    });
    assert_eq!(texts(&host, "nav a"), ["Kdo přijde kdy", "Můj účet"]);
    assert_eq!(
        attribute(&host, "nav", "aria-label").as_deref(),
        Some("Hlavní nabídka")
    );
    assert_eq!(
        attribute(&host, "a[href='/rodina']", "aria-current").as_deref(),
        Some("page")
    );
    assert_eq!(attribute(&host, "a[href='/ucet']", "aria-current"), None);

    let manager = mount(|| {
        view! { <MainNav items=nav_items(Role::ProviderManager) current="/audit".to_owned() /> }
    });
    assert_eq!(
        texts(&manager, "nav a"),
        [
            "Pracovníci",
            "Dnešní návštěvy",
            "Týdenní plán",
            "Klienti",
            "Události z návštěv",
            "Záznam přístupů",
            "Můj účet"
        ]
    );
    assert_eq!(
        attribute(&manager, "a[href='/audit']", "aria-current").as_deref(),
        Some("page")
    );

    let caregiver = mount(|| {
        view! { <MainNav items=nav_items(Role::Caregiver) current="/dnes".to_owned() /> }
    });
    assert_eq!(texts(&caregiver, "nav a"), ["Dnešní návštěvy", "Můj účet"]);
    assert!(missing(&caregiver, "a[href='/pracovnici']"));
}

/// A text as a `String` or `Option<String>`, whichever the wire type wants.
fn owned<T: From<String>>(text: &str) -> T {
    T::from(text.to_owned())
}

fn family_visit(id: &str, starts: &str, ends: &str, caregiver: &str) -> FamilyVisitView {
    FamilyVisitView {
        id: id.to_owned(),
        starts_at: utc(starts),
        ends_at: utc(ends),
        caregiver_name: owned(caregiver),
        status: VisitStatus::Planned,
    }
}

fn linked(id: &str, name: &str) -> LinkedClient {
    LinkedClient {
        client_id: id.to_owned(),
        client_name: name.to_owned(),
        provider_name: "Charita Děčín".to_owned(),
    }
}

#[wasm_bindgen_test]
fn the_family_sees_who_comes_when_grouped_by_prague_day() {
    let days = group_by_prague_day(vec![
        family_visit(
            "b",
            "2026-11-24T08:00:00Z",
            "2026-11-24T09:00:00Z",
            "Petr Dvořák",
        ),
        family_visit(
            "a",
            "2026-11-23T07:00:00Z",
            "2026-11-23T08:00:00Z",
            "Jana Nováková",
        ),
    ]);
    let state = Remote::Loaded(vec![
        ClientSchedule {
            client: linked("cl-d1", "Marie Ukázková"),
            schedule: Remote::Loaded(days),
        },
        ClientSchedule {
            client: linked("cl-d2", "Josef Ukázka"),
            schedule: Remote::Loaded(vec![]),
        },
    ]);
    let host = mount(move || view! { <FamilySchedule state=state on_retry=ignore() /> });

    assert_eq!(
        texts(&host, ".client-schedule h2"),
        ["Marie Ukázková", "Josef Ukázka"]
    );
    let first = find(&host, ".client-schedule");
    assert_eq!(
        texts(&first, ".schedule-date"),
        ["Pondělí 23. listopadu 2026", "Úterý 24. listopadu 2026"]
    );
    assert_eq!(texts(&first, ".schedule-time"), ["8:00–9:00", "9:00–10:00"]);
    assert_eq!(
        texts(&first, ".schedule-caregiver"),
        ["Jana Nováková", "Petr Dvořák"]
    );
    assert_eq!(
        texts(&host, ".client-schedule .empty"),
        ["Na příští dva týdny nejsou naplánované žádné návštěvy."]
    );
}

#[wasm_bindgen_test]
fn a_family_member_without_linked_clients_is_told_how_to_get_one() {
    let state: Remote<Vec<ClientSchedule>> = Remote::Loaded(vec![]);
    let host = mount(move || view! { <FamilySchedule state=state on_retry=ignore() /> });
    assert!(text(&host, ".empty").starts_with("Zatím nemáte propojeného žádného klienta."));
}

#[wasm_bindgen_test]
fn the_audit_log_is_a_table_in_czech() {
    let state = Remote::Loaded(vec![AuditEntry {
        id: "a1".to_owned(),
        at: utc("2026-11-23T14:30:00Z"),
        user_id: "u9".to_owned(),
        display_name: "Eva Rodinná".to_owned(),
        role: Role::FamilyMember,
        action: "read".to_owned(),
        entity: "client_schedule".to_owned(),
        entity_id: None,
        client_id: Some("cl-d1".to_owned()),
    }]);
    let host = mount(move || view! { <AuditTable state=state on_retry=ignore() /> });
    assert_eq!(
        texts(&host, "thead th"),
        ["Kdy", "Kdo", "Role", "Činnost", "Čeho se týká", "Klient"]
    );
    assert_eq!(
        texts(&host, "tbody td"),
        [
            "23. 11. 2026 15:30",
            "Eva Rodinná",
            "Rodina",
            "Zobrazení",
            "Rozpis návštěv klienta",
            "cl-d1"
        ]
    );
}

#[wasm_bindgen_test]
fn a_failed_audit_load_shows_the_servers_message() {
    let state: Remote<Vec<AuditEntry>> = Remote::from_result(Err(decode_error(
        403,
        r#"{"error":{"code":"forbidden","message":"K záznamu přístupů nemáte oprávnění."}}"#,
    )));
    let host = mount(move || view! { <AuditTable state=state on_retry=ignore() /> });
    assert_eq!(
        text(&host, "[role=alert] .error-message"),
        "K záznamu přístupů nemáte oprávnění."
    );
}

#[wasm_bindgen_test]
fn the_account_shows_the_provider_only_for_staff() {
    let me = |role, provider: Option<&str>| Me {
        user_id: "u1".to_owned(),
        username: "jana.mala".to_owned(),
        display_name: "Jana Malá".to_owned(),
        role,
        provider_id: provider.map(|_| "p1".to_owned()),
        provider_name: provider.map(str::to_owned),
    };
    let staff = me(Role::Caregiver, Some("Charita Děčín"));
    let host = mount(move || view! { <AccountSummary me=staff /> });
    assert_eq!(text(&host, ".account-name"), "Jana Malá");
    assert_eq!(text(&host, ".account-username"), "jana.mala");
    assert_eq!(text(&host, ".account-role"), "Pečovatel/ka");
    assert_eq!(text(&host, ".account-provider"), "Charita Děčín");

    let family = me(Role::FamilyMember, None);
    let host = mount(move || view! { <AccountSummary me=family /> });
    assert_eq!(text(&host, ".account-role"), "Rodina");
    assert!(missing(&host, ".account-provider"));
}

#[wasm_bindgen_test]
async fn a_confirmation_takes_focus_and_gives_it_back_when_dismissed() {
    let confirmed = Arc::new(Mutex::new(0));
    let sink = Arc::clone(&confirmed);
    let host = mount(move || {
        view! {
            <ConfirmAction
                label="Odebrat přístup"
                question="Odebrat přístup: Eva?"
                confirm_label="Ano, odebrat"
                pending=false
                danger=true
                on_confirm=Callback::new(move |()| *sink.lock().expect("lock") += 1)
            />
        }
    });
    let active_text = || {
        document()
            .active_element()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };

    find(&host, "button").click();
    leptos::task::tick().await;
    assert_eq!(
        attribute(&host, "[role=group]", "aria-label").as_deref(),
        Some("Odebrat přístup: Eva?")
    );
    assert_eq!(active_text(), "Ano, odebrat", "focus on the real button");

    // "Zpět" dismisses and returns focus to the button that asked.
    let back = texts(&host, "button");
    assert_eq!(back, ["Ano, odebrat", "Zpět"]);
    let buttons = host.query_selector_all("button").expect("selector");
    buttons
        .item(1)
        .expect("back")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    assert!(missing(&host, "[role=group]"));
    assert_eq!(active_text(), "Odebrat přístup");
    assert_eq!(*confirmed.lock().expect("lock"), 0);

    // Escape dismisses too; confirming runs the action once.
    find(&host, "button").click();
    leptos::task::tick().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("an event");
    find(&host, ".button-danger")
        .dispatch_event(&escape)
        .expect("dispatched");
    leptos::task::tick().await;
    assert!(missing(&host, "[role=group]"));

    find(&host, "button").click();
    leptos::task::tick().await;
    find(&host, ".button-danger").click();
    leptos::task::tick().await;
    assert_eq!(*confirmed.lock().expect("lock"), 1);
    assert!(missing(&host, "[role=group]"));
}

// ---------------------------------------------------------------------------------------
// Visit records and sync.

fn catalogue() -> Vec<shared::catalogue::CareTask> {
    use shared::catalogue::{CareTask, TaskUnit};
    let task = |code: &str, name: &str, unit| CareTask {
        code: code.to_owned(),
        activity: code[..1].to_owned(),
        name: name.to_owned(),
        unit,
    };
    vec![
        task("b1", "Pomoc při osobní hygieně", TaskUnit::Hour),
        task("c2", "Dovoz oběda", TaskUnit::Trip),
        task("d8", "Praní prádla", TaskUnit::Kg),
    ]
}

fn check(host: &HtmlElement, selector: &str) {
    find(host, selector).click();
}

#[wasm_bindgen_test]
async fn the_record_form_offers_the_plan_first_asks_units_and_hands_over_what_was_filled_in() {
    use app::outbox::RecordDraft;
    use app::record_form::VisitRecordForm;
    let saved: Arc<Mutex<Option<RecordDraft>>> = Arc::default();
    let sink = saved.clone();
    let host = mount(move || {
        view! {
            <VisitRecordForm
                visit=visit("v1", "Josef Novák", "2026-11-23T07:00:00Z", "2026-11-23T08:30:00Z")
                catalogue=catalogue()
                pending=Signal::stored(false)
                error=Signal::stored(None::<ErrorDetail>)
                on_save=Callback::new(move |draft| {
                    *sink.lock().expect("lock") = Some(draft);
                })
                on_cancel=Callback::new(|()| {})
            />
        }
    });
    leptos::task::tick().await;
    let planned = texts(&host, ".record-tasks > .task-choices label");
    assert_eq!(planned, ["Pomoc při osobní hygieně", "Dovoz oběda"]);
    assert_eq!(texts(&host, ".record-more label"), ["Praní prádla"]);
    assert_eq!(texts(&host, ".record-incidents label").len(), 4);
    let arrived: HtmlInputElement = find(&host, "input[name=arrived_at]").unchecked_into();
    assert_eq!(arrived.value().len(), 5, "the arrival comes from the clock");
    assert!(
        missing(&host, "input[name=left_at]"),
        "leaving is a tap first"
    );

    check(&host, "#record-v1-task-c2");
    leptos::task::tick().await;
    let units: HtmlInputElement = find(&host, "#record-v1-task-c2-units").unchecked_into();
    assert_eq!(units.value(), "1", "a per-unit task asks for its count");
    assert_eq!(
        text(&host, "label[for=record-v1-task-c2-units]"),
        "Počet cest"
    );
    find(&host, ".record-leave").click();
    leptos::task::tick().await;
    assert!(!missing(&host, "input[name=left_at]"));
    assert!(
        missing(&host, "input[name=time_edit_reason]"),
        "untouched times need no reason"
    );
    find(&host, "button[type=submit]").click();

    let draft = saved.lock().expect("lock").clone().expect("handed over");
    assert_eq!(draft.tasks, [("c2".to_owned(), "1".to_owned())]);
    assert!(draft.clock_arrived_at.is_some() && draft.clock_left_at.is_some());
    assert_eq!(draft.arrived, arrived.value());
}

#[wasm_bindgen_test]
async fn an_edited_time_asks_for_a_reason_and_an_error_marks_its_field() {
    use app::record_form::VisitRecordForm;
    let error = RwSignal::new(None::<ErrorDetail>);
    let host = mount(move || {
        view! {
            <VisitRecordForm
                visit=visit("v1", "Josef Novák", "2026-11-23T07:00:00Z", "2026-11-23T08:30:00Z")
                catalogue=catalogue()
                pending=Signal::stored(false)
                error=error
                on_save=Callback::new(|_| {})
                on_cancel=Callback::new(|()| {})
            />
        }
    });
    let arrived: HtmlInputElement = find(&host, "input[name=arrived_at]").unchecked_into();
    arrived.set_value("00:01");
    arrived
        .dispatch_event(&web_sys::Event::new("input").expect("an event"))
        .expect("dispatched");
    leptos::task::tick().await;
    assert!(!missing(&host, "input[name=time_edit_reason]"));
    assert_eq!(
        text(&host, "label[for=record-v1-reason]"),
        "Proč je čas upraven"
    );

    error.set(Some(ErrorDetail {
        code: "invalid_input".to_owned(),
        message: "Čas příchodu nebo odchodu byl upraven: uveďte důvod.".to_owned(),
        field: Some("time_edit_reason".to_owned()),
    }));
    leptos::task::tick().await;
    let reason = find(&host, "input[name=time_edit_reason]");
    assert_eq!(
        reason.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        reason.get_attribute("aria-describedby").as_deref(),
        Some("record-v1-error")
    );
    assert!(text(&host, "#record-v1-error").contains("uveďte důvod"));
}

#[wasm_bindgen_test]
async fn the_sync_status_shows_what_waits_when_it_last_synced_and_what_was_merged() {
    use app::outbox::SyncNotice;
    use app::record_form::SyncStatus;
    let waiting = RwSignal::new(2_usize);
    let last_sync = RwSignal::new(None::<DateTime<Utc>>);
    let notices = RwSignal::new(Vec::<SyncNotice>::new());
    let synced = Arc::new(Mutex::new(0));
    let count = synced.clone();
    let host = mount(move || {
        view! {
            <SyncStatus
                online=Signal::stored(true)
                waiting=waiting
                last_sync=last_sync
                syncing=Signal::stored(false)
                error=Signal::stored(None::<String>)
                notices=notices
                refused=Signal::stored(Vec::new())
                on_sync=Callback::new(move |()| *count.lock().expect("lock") += 1)
                on_dismiss=Callback::new(|()| {})
                on_discard=Callback::new(|_| {})
            />
        }
    });
    assert_eq!(text(&host, ".sync-waiting"), "Čeká na odeslání: 2 záznamy");
    assert_eq!(
        text(&host, ".sync-last"),
        "Poslední synchronizace: zatím žádná"
    );
    find(&host, ".sync button").click();
    assert_eq!(*synced.lock().expect("lock"), 1);

    waiting.set(0);
    last_sync.set(Some(utc("2026-11-23T14:30:00Z")));
    notices.set(vec![SyncNotice {
        user_id: "jana".to_owned(),
        record_id: "r1".to_owned(),
        client_name: "Josef Novák".to_owned(),
        message: "Návštěva byla mezitím přesunuta na jiný čas.".to_owned(),
    }]);
    leptos::task::tick().await;
    assert_eq!(
        text(&host, ".sync-waiting"),
        "Všechny záznamy jsou odeslané"
    );
    assert_eq!(
        text(&host, ".sync-last"),
        "Poslední synchronizace: 23. 11. 2026 15:30"
    );
    assert!(missing(&host, ".sync-state + button"), "nothing to send");
    assert!(text(&host, ".sync-notices").contains("Josef Novák: Návštěva byla mezitím přesunuta"));
}

#[wasm_bindgen_test]
fn the_coordinator_sees_each_open_incident_and_acknowledges_it_with_one_button() {
    use app::attention_page::IncidentList;
    use shared::records::{IncidentKind, IncidentView};
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = acknowledged.clone();
    let incident = IncidentView {
        id: "inc-1".to_owned(),
        record_id: "r1".to_owned(),
        visit_id: "v1".to_owned(),
        client_id: "c1".to_owned(),
        client_name: "Josef Novák".to_owned(),
        caregiver_name: "Jana Nováková".to_owned(),
        kind: IncidentKind::Fall,
        label: IncidentKind::Fall.label().to_owned(),
        note: Some("Upadl v koupelně.".to_owned()),
        reported_at: utc("2026-11-23T08:10:00Z"),
        acknowledged_at: None,
        acknowledged_by_name: None,
    };
    let host = mount(move || {
        view! {
            <IncidentList
                state=Signal::stored(Remote::Loaded(vec![incident]))
                busy=Signal::stored(None::<String>)
                on_acknowledge=Callback::new(move |id| sink.lock().expect("lock").push(id))
                on_retry=Callback::new(|()| {})
            />
        }
    });
    assert_eq!(text(&host, ".incident-what"), "Pád: Josef Novák");
    assert_eq!(
        text(&host, ".incident-who"),
        "Jana Nováková, 23. 11. 2026 9:10"
    );
    assert_eq!(text(&host, ".incident-note"), "Upadl v koupelně.");
    find(&host, ".incident button").click();
    assert_eq!(*acknowledged.lock().expect("lock"), ["inc-1"]);
}
