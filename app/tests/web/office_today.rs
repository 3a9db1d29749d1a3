//! The office's today page.

use super::*;

#[wasm_bindgen_test]
async fn a_sync_conflict_shows_its_visits_time_and_its_button_says_when_sending_and_why_it_failed()
{
    use app::office_today::state::{Acknowledgement, ConflictKey};
    use app::office_today::view::ConflictItems;
    use shared::records::ConflictView;
    use shared::records::sync::{RecordState, SyncConflictKind};
    let pressed: Arc<Mutex<Vec<ConflictKey>>> = Arc::default();
    let sink = pressed.clone();
    let kind = SyncConflictKind::VisitMoved;
    let conflict = ConflictView {
        record_id: "r1".to_owned(),
        visit_id: "v1".to_owned(),
        client_name: "František Dvořák".to_owned(),
        caregiver_id: "u1".to_owned(),
        caregiver_name: "Martin Pečovatel".to_owned(),
        kind,
        state: RecordState::Accepted,
        message: kind.message(RecordState::Accepted).to_owned(),
        detected_at: utc("2026-11-05T10:00:00Z"),
        visit_starts_at: utc("2026-11-05T08:30:00Z"),
        acknowledged_at: None,
        acknowledged_by_name: None,
    };
    let acknowledgement = RwSignal::new(Acknowledgement::Idle);
    let host = mount(move || {
        view! {
            <ConflictItems
                items=Signal::stored(Remote::Loaded(vec![conflict]))
                acknowledgement=acknowledgement
                on_acknowledge=Callback::new(move |key| sink.lock().expect("lock").push(key))
                on_retry=Callback::new(|()| {})
            />
        }
    });
    assert!(
        text(&host, ".waiting-conflict")
            .contains("František Dvořák (Martin Pečovatel), návštěva 5. 11. 2026 9:30: "),
        "{}",
        text(&host, ".waiting-conflict")
    );
    let button = find(&host, ".waiting-conflict button");
    assert_eq!(button.inner_text(), "Vzato na vědomí");
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Vzato na vědomí: František Dvořák, návštěva 5. 11. 2026 9:30")
    );

    button.click();
    let key: ConflictKey = ("r1".to_owned(), kind);
    assert_eq!(
        pressed.lock().expect("lock").as_slice(),
        std::slice::from_ref(&key)
    );

    acknowledgement.set(Acknowledgement::Sending(key.clone()));
    leptos::task::tick().await;
    assert_eq!(button.inner_text(), "Ukládám…");
    assert!(button.has_attribute("disabled"));

    acknowledgement.set(Acknowledgement::Failed(
        key,
        "Server neodpovídá.".to_owned(),
    ));
    leptos::task::tick().await;
    assert!(!button.has_attribute("disabled"), "pressed again to retry");
    assert_eq!(
        text(&host, ".waiting-conflict [role=alert]"),
        "Server neodpovídá."
    );
}
