//! The week board's overview of caregivers × days.

use super::*;
use app::week::overview_table::WeekOverview;
use shared::planning::conflicts::{Absence, Shift};
use shared::schedule::{BoardCaregiver, BoardVisit, WeekBoard};

/// Jana works Mondays 7:00–15:00 and has one hour's visit that Monday.
fn janas_week() -> WeekBoard {
    WeekBoard {
        monday: monday(),
        caregivers: vec![BoardCaregiver {
            id: "jana".to_owned(),
            name: "Jana Malá".to_owned(),
            contract_minutes: None,
            planned_minutes: 60,
            shifts: vec![Shift {
                weekday: chrono::Weekday::Mon,
                start: chrono::NaiveTime::from_hms_opt(7, 0, 0).expect("time"),
                end: chrono::NaiveTime::from_hms_opt(15, 0, 0).expect("time"),
            }],
            absences: vec![],
        }],
        visits: vec![BoardVisit {
            id: "v1".to_owned(),
            client_id: "c1".to_owned(),
            client_name: "Marie Ukázková".to_owned(),
            caregiver_ids: vec!["jana".to_owned()],
            caregivers_needed: 1,
            starts_at: utc("2026-11-23T07:00:00Z"),
            ends_at: utc("2026-11-23T08:00:00Z"),
            window: None,
            status: VisitStatus::Planned,
            template_id: None,
            municipality: "Děčín".to_owned(),
            district: "Děčín".to_owned(),
        }],
        conflicts: vec![],
        travel: vec![],
        home_drives: vec![],
    }
}

#[wasm_bindgen_test]
async fn the_overview_counts_a_caregivers_days_and_its_day_buttons_open_the_day_on_the_board() {
    let day = RwSignal::new(monday());
    let host = mount(move || view! { <WeekOverview week=janas_week() day=day /> });
    assert_eq!(
        texts(&host, "tbody td")[..3],
        ["1 návštěva, 1 h / 8 h", "volno", "volno"]
    );
    let buttons = host.query_selector_all("thead button").expect("selector");
    assert_eq!(buttons.length(), 7);
    let tuesday: HtmlElement = buttons.item(1).expect("Tuesday").unchecked_into();
    assert_eq!(tuesday.inner_text(), "Út 24. 11.");
    assert_eq!(
        tuesday.get_attribute("aria-label").as_deref(),
        Some("Út 24. 11. na tabuli")
    );
    assert_eq!(
        tuesday.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    tuesday.click();
    assert_eq!(day.get_untracked(), monday() + chrono::Duration::days(1));
    leptos::task::tick().await;
    assert_eq!(
        tuesday.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn a_day_of_sickness_or_leave_says_so_in_the_overview_not_a_day_off() {
    let mut week = janas_week();
    week.caregivers[0].absences = vec![
        Absence {
            from: monday(),
            to: monday(),
            from_time: chrono::NaiveTime::from_hms_opt(10, 0, 0),
            reason: "nemoc".to_owned(),
        },
        Absence {
            from: monday() + chrono::Duration::days(1),
            to: monday() + chrono::Duration::days(2),
            from_time: None,
            reason: "dovolená".to_owned(),
        },
    ];
    let day = RwSignal::new(monday());
    let host = mount(move || view! { <WeekOverview week=week day=day /> });
    assert_eq!(
        texts(&host, "tbody td")[..4],
        [
            "nemoc od 10:00; 1 návštěva, 1 h / 8 h",
            "dovolená",
            "dovolená",
            "volno"
        ]
    );
    assert_eq!(texts(&host, "tbody td.away").len(), 3);
}
