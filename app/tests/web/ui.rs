//! The form kit: the one-time code panel and the confirmation.

use super::*;
use app::ui::code_panel::OneTimeCodePanel;
use app::ui::confirm::ConfirmAction;
use app::ui::municipality::{MunicipalityPicker, point_in_words};
use shared::catalogue::Municipality;
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
async fn buttons_that_share_a_question_ask_one_at_a_time() {
    let host = mount(move || {
        let open = RwSignal::new(None::<String>);
        view! {
            <ConfirmAction
                open=open
                label="Deaktivovat"
                question="Deaktivovat účet Eva?"
                confirm_label="Ano, deaktivovat"
                pending=false
                on_confirm=Callback::new(|()| {})
            />
            <ConfirmAction
                open=open
                label="Nový jednorázový kód"
                question="Vytvořit pro Evu jednorázový kód?"
                confirm_label="Ano, vytvořit kód"
                pending=false
                on_confirm=Callback::new(|()| {})
            />
        }
    });
    let click_button = |text: &str| {
        let buttons = host.query_selector_all("button").expect("selector");
        let index = texts(&host, "button")
            .iter()
            .position(|label| label == text)
            .expect("the button");
        buttons
            .item(index as u32)
            .expect("a button")
            .unchecked_into::<HtmlElement>()
            .click();
    };

    click_button("Deaktivovat");
    leptos::task::tick().await;
    assert_eq!(
        attribute(&host, "[role=group]", "aria-label").as_deref(),
        Some("Deaktivovat účet Eva?")
    );

    click_button("Nový jednorázový kód");
    leptos::task::tick().await;
    let questions = host.query_selector_all("[role=group]").expect("selector");
    assert_eq!(questions.length(), 1, "the first question closed");
    assert_eq!(
        attribute(&host, "[role=group]", "aria-label").as_deref(),
        Some("Vytvořit pro Evu jednorázový kód?")
    );
    assert_eq!(
        texts(&host, "button"),
        ["Deaktivovat", "Ano, vytvořit kód", "Zpět"]
    );
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

fn municipality(code: &str, name: &str, latitude: f64, longitude: f64) -> Municipality {
    Municipality {
        code: code.to_owned(),
        name: name.to_owned(),
        district: "Ústí nad Labem".to_owned(),
        orp_name: "Ústí nad Labem".to_owned(),
        latitude,
        longitude,
        population: 1000,
        population_60_plus: 300,
    }
}

#[wasm_bindgen_test]
async fn the_point_is_picked_on_the_map_of_the_municipality_by_a_click_and_by_the_arrow_keys() {
    let chosen = RwSignal::new(String::new());
    let point = RwSignal::new(None::<GeoPoint>);
    let region = vec![
        municipality("554804", "Ústí nad Labem", 50.66070, 14.03227),
        municipality("568201", "Trmice", 50.64290, 13.99480),
        municipality("562335", "Děčín", 50.78215, 14.21478),
    ];
    let host = mount(move || {
        view! {
            <MunicipalityPicker
                id="place"
                field="municipality_code"
                label="Obec"
                municipalities=region
                chosen=chosen
                point=point
                error=Signal::derive(|| None)
            />
        }
    });
    assert!(
        missing(&host, "svg"),
        "no map before a municipality is chosen"
    );

    let select: web_sys::HtmlSelectElement = find(&host, "select").unchecked_into();
    select.set_value("554804");
    select
        .dispatch_event(&web_sys::Event::new("change").expect("an event"))
        .expect("dispatched");
    leptos::task::tick().await;
    let centre = GeoPoint {
        latitude: 50.66070,
        longitude: 14.03227,
    };
    assert_eq!(
        point.get_untracked(),
        Some(centre),
        "it starts at the centre"
    );
    assert_eq!(
        text(&host, "figcaption"),
        "Vybrané místo: 50,66070° s. š., 14,03227° v. d."
    );
    assert_eq!(
        texts(&host, ".map-town text"),
        ["Trmice", "Ústí nad Labem"],
        "the neighbours for orientation, not the towns off the map"
    );
    let map = find(&host, "svg");
    assert_eq!(map.tab_index(), 0, "reachable by the keyboard");
    assert!(
        attribute(&host, "svg", "aria-label")
            .is_some_and(|label| label.contains("Ústí nad Labem") && label.contains("šipkami"))
    );
    assert_eq!(
        attribute(&host, "svg", "aria-describedby").as_deref(),
        Some("place-point")
    );

    // A click north-east of the centre puts the point there.
    let rect = map.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_client_x((rect.left() + rect.width() * 0.75) as i32);
    init.set_client_y((rect.top() + rect.height() * 0.25) as i32);
    init.set_bubbles(true);
    let click =
        web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("an event");
    map.dispatch_event(&click).expect("dispatched");
    leptos::task::tick().await;
    let clicked = point.get_untracked().expect("a point");
    assert!(
        clicked.latitude > centre.latitude + 0.01 && clicked.longitude > centre.longitude + 0.02,
        "{clicked:?}"
    );
    assert_eq!(
        text(&host, "figcaption"),
        format!("Vybrané místo: {}", point_in_words(clicked))
    );

    // The down arrow moves it a hundred metres south.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowDown");
    init.set_bubbles(true);
    let down = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("an event");
    map.dispatch_event(&down).expect("dispatched");
    leptos::task::tick().await;
    let moved = point.get_untracked().expect("a point");
    assert_eq!(moved.longitude, clicked.longitude);
    assert!(
        (clicked.distance_km(moved) - 0.1).abs() < 0.002,
        "{moved:?}"
    );
    assert!(moved.latitude < clicked.latitude);

    // Another municipality starts again at its centre.
    select.set_value("562335");
    select
        .dispatch_event(&web_sys::Event::new("change").expect("an event"))
        .expect("dispatched");
    leptos::task::tick().await;
    assert_eq!(
        point.get_untracked(),
        Some(GeoPoint {
            latitude: 50.78215,
            longitude: 14.21478
        })
    );
}
