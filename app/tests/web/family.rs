//! The family's home: today live, the unseen changes, continuity and the schedule.

use super::*;
use app::family::state::{ClientOverview, ClientSchedule};
use app::family::view::FamilySchedule;
use shared::family::live::LiveState;
use shared::family::{Continuity, FamilyChanges, FamilyToday, LiveVisit, MonthCaregivers};
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

/// A client's overview with the given today's visits, unseen changes and schedule.
fn overview(today: Vec<LiveVisit>, unseen: u32, visits: Vec<FamilyVisitView>) -> ClientOverview {
    let month = |m: &str, caregivers| MonthCaregivers {
        month: m.parse().expect("a date"),
        caregivers,
    };
    ClientOverview {
        today: FamilyToday {
            client_id: "cl-d1".into(),
            client_name: "Marie Ukázková".into(),
            date: "2026-11-23".parse().expect("a date"),
            visits: today,
        },
        changes: FamilyChanges {
            unseen,
            changes: vec![],
        },
        continuity: Continuity {
            this_month: month("2026-11-01", 2),
            last_month: month("2026-10-01", 1),
        },
        visits,
    }
}

#[wasm_bindgen_test]
fn the_family_sees_who_comes_when_grouped_by_prague_day() {
    let visits = vec![
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
    ];
    let state = Remote::Loaded(vec![
        ClientSchedule {
            client: linked("cl-d1", "Marie Ukázková"),
            overview: Remote::Loaded(overview(vec![], 0, visits)),
        },
        ClientSchedule {
            client: linked("cl-d2", "Josef Ukázka"),
            overview: Remote::Loaded(overview(vec![], 0, vec![])),
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
fn the_home_shows_today_live_the_unseen_changes_and_continuity() {
    let today = vec![LiveVisit {
        id: "v1".into(),
        starts_at: utc("2026-11-23T06:30:00Z"),
        ends_at: utc("2026-11-23T07:30:00Z"),
        caregiver_name: Some("Jana Nováková".into()),
        live: LiveState::Done {
            arrived_at: utc("2026-11-23T06:35:00Z"),
            left_at: utc("2026-11-23T07:28:00Z"),
            tasks_done: 2,
            tasks_planned: 2,
        },
    }];
    let state = Remote::Loaded(vec![ClientSchedule {
        client: linked("cl-d1", "Marie Ukázková"),
        overview: Remote::Loaded(overview(today, 2, vec![])),
    }]);
    let host = mount(move || view! { <FamilySchedule state=state on_retry=ignore() /> });
    assert_eq!(
        texts(&host, ".live-state"),
        ["Hotovo v 8:28 (příchod v 7:35), všechny úkony splněny"]
    );
    assert_eq!(texts(&host, ".unseen-count"), ["2 nové změny"]);
    assert_eq!(
        texts(&host, ".continuity p"),
        [
            "V listopadu přišli 2 různí pracovníci.",
            "V říjnu přišel 1 pracovník."
        ]
    );
    assert_eq!(
        find(&host, ".family-action")
            .get_attribute("href")
            .as_deref(),
        Some("/rodina/cl-d1/zmeny")
    );
}
