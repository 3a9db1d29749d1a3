//! The caregiver's visit record form and the sync status: presentational, props in, DOM
//! out. Tapping "leaving" and opening the form read the device's clock; nothing here
//! stores or sends.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::records::IncidentKind;
use shared::schedule::VisitView;

use crate::ui::form::Alert;
use crate::ui::format::short_date_time;
use crate::visit_record::outbox::{OutboxItem, SyncNotice, record_count};
use crate::visit_record::state::{RecordDraft, planned_tasks, time_input_value, units_label};

/// Whether the error names `field` or a part of it (`tasks` covers `tasks.units`).
fn names_field(error: Signal<Option<ErrorDetail>>, field: &'static str) -> bool {
    error.with(|e| {
        e.as_ref()
            .and_then(|e| e.field.as_deref())
            .is_some_and(|named| named == field || named.starts_with(&format!("{field}.")))
    })
}

/// One task of the catalogue as a checkbox; a per-unit task asks for its count once checked.
#[component]
fn TaskChoice(
    task: CareTask,
    id_prefix: String,
    checked: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let id = format!("{id_prefix}-task-{}", task.code);
    let units_id = format!("{id}-units");
    let code = task.code.clone();
    let is_checked = {
        let code = code.clone();
        Signal::derive(move || checked.with(|tasks| tasks.iter().any(|(c, _)| *c == code)))
    };
    let toggle = {
        let code = code.clone();
        move |_| {
            checked.update(|tasks| {
                if let Some(index) = tasks.iter().position(|(c, _)| *c == code) {
                    tasks.remove(index);
                } else {
                    let units = if units_label(task.unit).is_some() {
                        "1"
                    } else {
                        ""
                    };
                    tasks.push((code.clone(), units.to_owned()));
                }
            })
        }
    };
    let units = units_label(task.unit).map(|label| {
        let code = code.clone();
        let value = {
            let code = code.clone();
            move || {
                checked.with(|tasks| {
                    tasks
                        .iter()
                        .find(|(c, _)| *c == code)
                        .map(|(_, units)| units.clone())
                        .unwrap_or_default()
                })
            }
        };
        let set = move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            checked.update(|tasks| {
                if let Some(slot) = tasks.iter_mut().find(|(c, _)| *c == code) {
                    slot.1 = typed;
                }
            });
        };
        move || {
            is_checked.get().then(|| {
                view! {
                    <span class="task-units">
                        <label for=units_id.clone()>{label}</label>
                        <input
                            id=units_id.clone()
                            name="units"
                            type="number"
                            inputmode="numeric"
                            min="1"
                            max="100"
                            prop:value=value.clone()
                            on:input=set.clone()
                        />
                    </span>
                }
            })
        }
    });
    view! {
        <li class="task-choice">
            <input
                id=id.clone()
                type="checkbox"
                name="task"
                value=task.code.clone()
                prop:checked=is_checked
                on:change=toggle
            />
            <label for=id>{task.name}</label>
            {units}
        </li>
    }
}

/// The record of one visit: arrival (the clock when the form opened), leaving (a tap),
/// both editable with a reason; tasks from the plan and the rest of the catalogue; units;
/// a note; incidents for the coordinator. Hands what was filled in to `on_save`.
#[component]
pub fn VisitRecordForm(
    visit: VisitView,
    /// The legal catalogue as kept on the device.
    catalogue: Vec<CareTask>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_save: Callback<RecordDraft>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let prefix = format!("record-{}", visit.id);
    let heading_id = format!("{prefix}-heading");
    let error_id = format!("{prefix}-error");
    let opened_at = Utc::now();
    let arrived = RwSignal::new(time_input_value(opened_at));
    let clock_left_at = RwSignal::new(None::<DateTime<Utc>>);
    let left = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let incident_note = RwSignal::new(String::new());
    let tasks = RwSignal::new(Vec::<(String, String)>::new());
    let incidents = RwSignal::new(Vec::<IncidentKind>::new());
    let edited = Memo::new(move |_| {
        arrived.get() != time_input_value(opened_at)
            || clock_left_at
                .get()
                .is_some_and(|clock| left.get() != time_input_value(clock))
    });

    let planned: Vec<CareTask> = planned_tasks(&visit, &catalogue)
        .into_iter()
        .cloned()
        .collect();
    let others: Vec<CareTask> = catalogue
        .iter()
        .filter(|task| !planned.contains(task))
        .cloned()
        .collect();
    let choices = move |list: Vec<CareTask>, prefix: String| {
        list.into_iter()
            .map(|task| view! { <TaskChoice task=task id_prefix=prefix.clone() checked=tasks /> })
            .collect_view()
    };
    let planned_view = if planned.is_empty() {
        view! { <p class="hint">"Plán návštěvy neuvádí žádné úkony."</p> }.into_any()
    } else {
        view! { <ul class="task-choices">{choices(planned, prefix.clone())}</ul> }.into_any()
    };
    let others_view = choices(others, prefix.clone());

    let invalid = move |field: &'static str| move || names_field(error, field).then_some("true");
    let error_ref = StoredValue::new(error_id.clone());
    let described =
        move |field: &'static str| move || names_field(error, field).then(|| error_ref.get_value());
    let text =
        |signal: RwSignal<String>| move |ev: leptos::ev::Event| signal.set(event_target_value(&ev));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_save.run(RecordDraft {
            clock_arrived_at: Some(opened_at),
            clock_left_at: clock_left_at.get_untracked(),
            arrived: arrived.get_untracked(),
            left: left.get_untracked(),
            time_edit_reason: reason.get_untracked(),
            tasks: tasks.get_untracked(),
            note: note.get_untracked(),
            incidents: incidents.get_untracked(),
            incident_note: incident_note.get_untracked(),
        });
    };

    let id = move |suffix: &str| format!("{prefix}-{suffix}");
    let leave_id = id("left");
    let leaving = move || match clock_left_at.get() {
        None => view! {
            <div class="field">
                <span class="field-label">"Odchod"</span>
                <button
                    type="button"
                    class="button record-leave"
                    on:click=move |_| {
                        let now = Utc::now();
                        clock_left_at.set(Some(now));
                        left.set(time_input_value(now));
                    }
                >
                    "Odcházím"
                </button>
            </div>
        }
        .into_any(),
        Some(_) => view! {
            <div class="field">
                <label for=leave_id.clone()>"Odchod"</label>
                <input
                    id=leave_id.clone()
                    type="time"
                    name="left_at"
                    prop:value=move || left.get()
                    on:input=text(left)
                    aria-invalid=invalid("left_at")
                    aria-describedby=described("left_at")
                />
            </div>
        }
        .into_any(),
    };
    let reason_id = id("reason");
    let reason_field = move || {
        edited.get().then(|| {
            view! {
                <div class="field">
                    <label for=reason_id.clone()>"Proč je čas upraven"</label>
                    <input
                        id=reason_id.clone()
                        type="text"
                        name="time_edit_reason"
                        maxlength="200"
                        prop:value=move || reason.get()
                        on:input=text(reason)
                        aria-invalid=invalid("time_edit_reason")
                        aria-describedby=described("time_edit_reason")
                    />
                </div>
            }
        })
    };
    let incident_choices = IncidentKind::ALL
        .into_iter()
        .map(|kind| {
            let incident_id = id(&format!("incident-{}", kind.as_str()));
            let on = Signal::derive(move || incidents.with(|list| list.contains(&kind)));
            view! {
                <li class="task-choice">
                    <input
                        id=incident_id.clone()
                        type="checkbox"
                        name="incident"
                        value=kind.as_str()
                        prop:checked=on
                        on:change=move |_| {
                            incidents
                                .update(|list| {
                                    if let Some(index) = list.iter().position(|k| *k == kind) {
                                        list.remove(index);
                                    } else {
                                        list.push(kind);
                                    }
                                })
                        }
                    />
                    <label for=incident_id>{kind.label()}</label>
                </li>
            }
        })
        .collect_view();
    let incident_note_id = id("incident-note");
    let incident_note_field = move || {
        incidents.with(|list| !list.is_empty()).then(|| {
            view! {
                <div class="field">
                    <label for=incident_note_id.clone()>"Co se stalo (pro koordinátora)"</label>
                    <textarea
                        id=incident_note_id.clone()
                        name="incident_note"
                        maxlength="500"
                        rows="2"
                        prop:value=move || incident_note.get()
                        on:input=text(incident_note)
                        aria-invalid=invalid("incidents")
                        aria-describedby=described("incidents")
                    ></textarea>
                </div>
            }
        })
    };
    let arrived_id = id("arrived");
    let note_id = id("note");
    let labelled_by = heading_id.clone();

    view! {
        <form class="record-form" aria-labelledby=labelled_by on:submit=submit novalidate=true>
            <h3 id=heading_id>"Záznam návštěvy"</h3>
            <fieldset class="record-times">
                <legend>"Čas podle telefonu"</legend>
                <div class="field">
                    <label for=arrived_id.clone()>"Příchod"</label>
                    <input
                        id=arrived_id
                        type="time"
                        name="arrived_at"
                        prop:value=move || arrived.get()
                        on:input=text(arrived)
                        aria-invalid=invalid("arrived_at")
                        aria-describedby=described("arrived_at")
                    />
                </div>
                {leaving}
                {reason_field}
            </fieldset>
            <fieldset class="record-tasks" aria-invalid=invalid("tasks")>
                <legend>"Provedené úkony podle plánu"</legend>
                {planned_view}
                <details class="record-more">
                    <summary>"Další úkony z katalogu"</summary>
                    <ul class="task-choices">{others_view}</ul>
                </details>
            </fieldset>
            <fieldset class="record-incidents">
                <legend>"Událost pro koordinátora"</legend>
                <ul class="task-choices">{incident_choices}</ul>
                {incident_note_field}
            </fieldset>
            <div class="field">
                <label for=note_id.clone()>"Poznámka"</label>
                <textarea
                    id=note_id
                    name="note"
                    maxlength="1000"
                    rows="3"
                    prop:value=move || note.get()
                    on:input=text(note)
                    aria-invalid=invalid("note")
                    aria-describedby=described("note")
                ></textarea>
            </div>
            <Alert
                id=error_id.clone()
                message=Signal::derive(move || error.get().map(|error| error.message))
            />
            <div class="record-actions">
                <button type="submit" class="button button-primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Ukládám…" } else { "Uložit záznam" }}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    "Zrušit"
                </button>
            </div>
        </form>
    }
}

/// The sync status every caregiver sees: records waiting, the last sync, what the server
/// refused or resolved.
#[component]
pub fn SyncStatus(
    #[prop(into)] online: Signal<bool>,
    #[prop(into)] waiting: Signal<usize>,
    #[prop(into)] last_sync: Signal<Option<DateTime<Utc>>>,
    #[prop(into)] syncing: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] notices: Signal<Vec<SyncNotice>>,
    #[prop(into)] refused: Signal<Vec<OutboxItem>>,
    #[prop(into)] on_sync: Callback<()>,
    #[prop(into)] on_dismiss: Callback<()>,
    #[prop(into)] on_discard: Callback<String>,
) -> impl IntoView {
    let waiting_text = move || match waiting.get() {
        0 => "Všechny záznamy jsou odeslané".to_owned(),
        count => format!("Čeká na odeslání: {}", record_count(count)),
    };
    let last_text = move || match last_sync.get() {
        Some(at) => short_date_time(at),
        None => "zatím žádná".to_owned(),
    };
    let action = move || {
        if syncing.get() {
            Some(view! { <span class="sync-busy">"Odesílám…"</span> }.into_any())
        } else if online.get() && waiting.get() > 0 {
            Some(
                view! {
                    <button type="button" class="button" on:click=move |_| on_sync.run(())>
                        "Odeslat teď"
                    </button>
                }
                .into_any(),
            )
        } else {
            None
        }
    };
    let refused_view = move || {
        let items = refused.get();
        (!items.is_empty()).then(|| {
            view! {
                <ul class="sync-refused" role="alert">
                    {items
                        .into_iter()
                        .map(|item| {
                            let id = item.record.record_id.clone();
                            let message = item.refused.map(|e| e.message).unwrap_or_default();
                            view! {
                                <li>
                                    <p>
                                        "Záznam návštěvy u klienta " {item.client_name}
                                        " server nepřijal: " {message}
                                    </p>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| on_discard.run(id.clone())
                                    >
                                        "Zahodit záznam"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    };
    let notices_view = move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="sync-notices" role="alert">
                    <p class="sync-notices-heading">"Při odeslání se ukázalo:"</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|notice| {
                                view! {
                                    <li>
                                        <strong>{notice.client_name}</strong>
                                        ": "
                                        {notice.message}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=move |_| on_dismiss.run(())>
                        "Rozumím"
                    </button>
                </div>
            }
        })
    };
    view! {
        <section class="sync" aria-label="Odesílání záznamů">
            <p class="sync-state" role="status" aria-live="polite">
                <span class="sync-waiting">{waiting_text}</span>
                <span class="sync-last">"Poslední synchronizace: " {last_text}</span>
            </p>
            {action}
            <Alert message=error />
            {refused_view}
            {notices_view}
        </section>
    }
}
