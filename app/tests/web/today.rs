//! The caregiver's day.

use super::*;
use app::today::state::TodayState;
use app::today::view::TodayView;
use shared::schedule::TodayVisits;

/// 6:00 in Prague on the Monday, before its first visit.
fn before_the_day() -> DateTime<Utc> {
    utc("2026-11-23T05:00:00Z")
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
        office_phone: Some("+420 601 000 001".to_owned()),
    }))
}

#[wasm_bindgen_test]
fn the_clients_own_phone_is_the_first_call_on_her_card() {
    let mut own = visit(
        "v1",
        "Josef Novák",
        "2026-11-23T07:00:00Z",
        "2026-11-23T08:30:00Z",
    );
    own.client_phone = Some("+420 602 111 222".to_owned());
    let day = TodayState::from_result(Ok(TodayVisits {
        date: monday(),
        visits: vec![own],
        office_phone: None,
    }));
    let host = mount(
        move || view! { <TodayView today=monday() state=day.clone() on_retry=ignore() now=before_the_day() /> },
    );

    let calls = find(&host, ".visit-calls");
    assert_eq!(
        texts(&calls, "a.button-call"),
        [
            "Zavolat: Josef Novák+420 602 111 222",
            "Zavolat: Eva Nováková (dcera)+420 603 123 456"
        ]
    );
    assert_eq!(
        find(&calls, "a.button-call")
            .get_attribute("href")
            .as_deref(),
        Some("tel:+420602111222")
    );
}

#[wasm_bindgen_test]
fn the_visit_list_shows_client_prague_time_range_tasks_note_key_risks_and_whom_to_call_and_the_office()
 {
    let host = mount(
        || view! { <TodayView today=monday() state=a_day() on_retry=ignore() now=before_the_day() /> },
    );

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
    assert_eq!(text(&first, ".visit-risks"), "Rizika: Riziko pádu");
    let call = find(&first, ".visit-calls a.button-call");
    assert_eq!(
        call.get_attribute("href").as_deref(),
        Some("tel:+420603123456")
    );
    assert_eq!(
        call.text_content().unwrap_or_default(),
        "Zavolat: Eva Nováková (dcera)+420 603 123 456"
    );
    let navigate = find(&first, "a.button-navigate");
    assert_eq!(navigate.text_content().unwrap_or_default(), "Navigovat");
    assert_eq!(
        navigate.get_attribute("href").as_deref(),
        Some("https://www.google.com/maps/dir/?api=1&destination=50.772656,14.212861")
    );
    assert_eq!(texts(&host, ".badge"), ["Naplánováno", "Hotovo"]);
    assert_eq!(
        texts(&host, ".visit-next .visit-client"),
        ["Josef Novák"],
        "the next visit leads"
    );
    assert_eq!(
        texts(&host, ".visits-behind .visit-client"),
        ["Marie Svobodová"],
        "done visits are folded away"
    );
    let office = find(&host, ".office-call a.button-call");
    assert_eq!(
        office.get_attribute("href").as_deref(),
        Some("tel:+420601000001")
    );
    assert_eq!(
        office.text_content().unwrap_or_default(),
        "Zavolat do kanceláře +420 601 000 001"
    );
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
    let host = mount(
        move || view! { <TodayView today=monday() state=state on_retry=ignore() now=before_the_day() /> },
    );

    assert_eq!(text(&host, ".empty"), "Dnes nemáte žádné návštěvy.");
    assert!(missing(&host, ".visit"));
}

#[wasm_bindgen_test]
fn loading_shows_a_status_until_the_visits_arrive() {
    let state = RwSignal::new(TodayState::Loading);
    let host = mount(
        move || view! { <TodayView today=monday() state=state on_retry=ignore() now=before_the_day() /> },
    );
    assert_eq!(text(&host, "[role=status]"), "Načítám…");
}

#[wasm_bindgen_test]
async fn the_page_switches_from_loading_to_the_list() {
    let state = RwSignal::new(TodayState::Loading);
    let host = mount(
        move || view! { <TodayView today=monday() state=state on_retry=ignore() now=before_the_day() /> },
    );
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
    let host = mount(
        move || view! { <TodayView today=monday() state=state on_retry=on_retry now=before_the_day() /> },
    );

    assert_eq!(
        text(&host, "[role=alert] .error-message"),
        "Databáze je dočasně nedostupná."
    );
    let retry = find(&host, "[role=alert] button");
    assert_eq!(retry.text_content().as_deref(), Some("Zkusit znovu"));
    retry.click();
    assert_eq!(*retries.lock().expect("lock"), 1);
}
