//! DOM tests in headless Chromium: the presentational components, mounted with plain data.
//! One test binary, one module per feature.
//! Run: `cargo test -p app --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

mod account;
mod audit;
mod chrome;
mod device;
mod family;
mod incidents;
mod login;
mod office_today;
mod staff;
mod today;
mod training;
mod ui;
mod visit_record;
mod week;

use std::sync::{Arc, Mutex};

use app::remote::decode_error;
use app::ui::Remote;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::clients::ContactPerson;
use shared::identity::{Me, Role};
use shared::planning::travel::GeoPoint;
use shared::schedule::{VisitStatus, VisitView};
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
        key_risks: Some("Riziko pádu".to_owned()),
        client_phone: None,
        contacts: vec![ContactPerson {
            name: "Eva Nováková".to_owned(),
            relation: "dcera".to_owned(),
            phone: "+420 603 123 456".to_owned(),
        }],
        location: GeoPoint {
            latitude: 50.772656,
            longitude: 14.212861,
        },
        recorded: None,
    }
}

fn ignore() -> Callback<()> {
    Callback::new(|()| {})
}

fn attribute(host: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    find(host, selector).get_attribute(name)
}
