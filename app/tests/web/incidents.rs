//! The coordinator's incidents.

use super::*;

#[wasm_bindgen_test]
fn the_coordinator_sees_each_open_incident_and_acknowledges_it_with_one_button() {
    use app::incidents::view::IncidentList;
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
