//! The form kit: the one-time code panel and the confirmation.

use super::*;
use app::ui::code_panel::OneTimeCodePanel;
use app::ui::confirm::ConfirmAction;
use shared::identity::OneTimeCode;

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

#[wasm_bindgen_test]
fn the_demo_banner_warns_in_czech_that_the_data_and_passwords_are_not_real() {
    let host = mount(|| view! { <app::ui::DemoBanner /> });
    let banner = text(&host, ".demo-banner");
    assert!(banner.starts_with("Ukázková verze."), "{banner}");
    assert!(
        banner.contains("neukládejte sem skutečné údaje"),
        "{banner}"
    );
    assert_eq!(
        attribute(&host, ".demo-banner", "role").as_deref(),
        Some("note")
    );
}
