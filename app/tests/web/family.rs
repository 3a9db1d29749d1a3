//! The family's schedule.

use super::*;
use app::family::state::{ClientSchedule, group_by_prague_day};
use app::family::view::FamilySchedule;
use shared::schedule::{FamilyVisitView, LinkedClient};

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
