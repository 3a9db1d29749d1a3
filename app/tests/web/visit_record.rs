//! Visit records and sync.

use super::*;

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

/// A record opened by the tap on "arrived" just now.
fn arrived_now() -> app::visit_record::state::RecordDraft {
    let now = Utc::now();
    app::visit_record::state::RecordDraft {
        clock_arrived_at: Some(now),
        arrived: app::visit_record::state::time_input_value(now),
        ..Default::default()
    }
}

fn check(host: &HtmlElement, selector: &str) {
    find(host, selector).click();
}

#[wasm_bindgen_test]
async fn the_record_form_offers_the_plan_first_asks_units_and_hands_over_what_was_filled_in() {
    use app::visit_record::state::RecordDraft;
    use app::visit_record::view::VisitRecordForm;
    let saved: Arc<Mutex<Option<RecordDraft>>> = Arc::default();
    let sink = saved.clone();
    let host = mount(move || {
        view! {
            <VisitRecordForm
                visit=visit("v1", "Josef Novák", "2026-11-23T07:00:00Z", "2026-11-23T08:30:00Z")
                catalogue=catalogue()
                draft=arrived_now()
                pending=Signal::stored(false)
                error=Signal::stored(None::<ErrorDetail>)
                on_change=Callback::new(|_| {})
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
    use app::visit_record::view::VisitRecordForm;
    let error = RwSignal::new(None::<ErrorDetail>);
    let host = mount(move || {
        view! {
            <VisitRecordForm
                visit=visit("v1", "Josef Novák", "2026-11-23T07:00:00Z", "2026-11-23T08:30:00Z")
                catalogue=catalogue()
                draft=arrived_now()
                pending=Signal::stored(false)
                error=error
                on_change=Callback::new(|_| {})
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
    use app::visit_record::outbox::SyncNotice;
    use app::visit_record::sync_status::SyncStatus;
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
