//! The caregiver's visit record form: presentational, props in, DOM out. Tapping "leaving"
//! reads the device's clock; every change is handed out to be kept; nothing here stores or
//! sends.

use chrono::Utc;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::records::IncidentKind;
use shared::schedule::VisitView;

use shared::records::deviation::{OTHER_REASON, REASONS};

use crate::visit_record::fields::{
    FormEnd, Marks, TextArea, TextInput, note_field, task_choices, typed,
};
use crate::visit_record::state::{RecordDraft, draft_deviation, time_input_value};

/// The record of one visit: arrival (the clock at the tap on "arrived"), leaving (a tap),
/// both editable with a reason; a reason asked when the times stray far from the plan;
/// tasks from the plan and the rest of the catalogue; units; a note; incidents for the
/// coordinator. Starts from `draft` (what was kept), hands every change to `on_change` and
/// what was filled in to `on_save`.
#[component]
pub fn VisitRecordForm(
    visit: VisitView,
    /// The legal catalogue as kept on the device.
    catalogue: Vec<CareTask>,
    /// What the caregiver has filled in so far; its arrival is when she tapped "arrived".
    draft: RecordDraft,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_change: Callback<RecordDraft>,
    #[prop(into)] on_save: Callback<RecordDraft>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let prefix = format!("record-{}", visit.id);
    let heading_id = format!("{prefix}-heading");
    let error_id = format!("{prefix}-error");
    let opened_at = draft.clock_arrived_at.unwrap_or_else(Utc::now);
    let arrived = RwSignal::new(draft.arrived);
    let clock_left_at = RwSignal::new(draft.clock_left_at);
    let left = RwSignal::new(draft.left);
    let reason = RwSignal::new(draft.time_edit_reason);
    let note = RwSignal::new(draft.note);
    let incident_note = RwSignal::new(draft.incident_note);
    let tasks = RwSignal::new(draft.tasks);
    let incidents = RwSignal::new(draft.incidents);
    let deviation_reason = RwSignal::new(draft.deviation_reason);
    let deviation_detail = RwSignal::new(draft.deviation_detail);
    let current = move || RecordDraft {
        clock_arrived_at: Some(opened_at),
        clock_left_at: clock_left_at.get(),
        arrived: arrived.get(),
        left: left.get(),
        time_edit_reason: reason.get(),
        tasks: tasks.get(),
        note: note.get(),
        incidents: incidents.get(),
        incident_note: incident_note.get(),
        deviation_reason: deviation_reason.get(),
        deviation_detail: deviation_detail.get(),
    };
    // Every change is kept at once, so a reload or another page loses nothing.
    Effect::new(move |first: Option<()>| {
        let draft = current();
        if first.is_some() {
            on_change.run(draft);
        }
    });
    let visit_plan = visit.clone();
    let asked = Memo::new(move |_| {
        draft_deviation(&visit_plan, &current()).map(|deviation| deviation.question())
    });
    let edited = Memo::new(move |_| {
        arrived.get() != time_input_value(opened_at)
            || clock_left_at
                .get()
                .is_some_and(|clock| left.get() != time_input_value(clock))
    });

    let task_choices = task_choices(&visit, &catalogue, prefix.clone(), tasks);

    let marks = Marks::new(error, error_id.clone());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_save.run(untrack(current));
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
            <TextInput
                id=leave_id.clone()
                label="Odchod"
                name="left_at"
                kind="time"
                value=left
                marks=marks
            />
        }
        .into_any(),
    };
    let reason_id = id("reason");
    let reason_field = move || {
        edited.get().then(|| {
            view! {
                <TextInput
                    id=reason_id.clone()
                    label="Proč je čas upraven"
                    name="time_edit_reason"
                    kind="text"
                    maxlength=200
                    value=reason
                    marks=marks
                />
            }
        })
    };
    let deviation_id = id("deviation");
    let detail_id = id("deviation-detail");
    let deviation_field = move || {
        asked.get().map(|question| {
            let options = REASONS
                .into_iter()
                .map(|answer| {
                    view! {
                        <option
                            value=answer
                            selected=move || deviation_reason.with(|chosen| chosen == answer)
                        >
                            {answer}
                        </option>
                    }
                })
                .collect_view();
            let detail_label = move || {
                if deviation_reason.with(|chosen| chosen == OTHER_REASON) {
                    "Jiný důvod, vlastními slovy"
                } else {
                    "Upřesnění (nepovinné)"
                }
            };
            view! {
                <div class="deviation" role="group" aria-labelledby=deviation_id.clone()>
                    <p id=deviation_id.clone() class="deviation-question">{question}</p>
                    <div class="field">
                        <label for=format!("{}-reason", deviation_id)>"Důvod"</label>
                        <select
                            id=format!("{}-reason", deviation_id)
                            name="deviation_reason"
                            on:change=typed(deviation_reason)
                            aria-invalid=marks.invalid("deviation_reason")
                            aria-describedby=marks.described("deviation_reason")
                        >
                            <option value="" selected=move || deviation_reason.with(String::is_empty)>
                                "Vyberte důvod"
                            </option>
                            {options}
                        </select>
                    </div>
                    <div class="field">
                        <label for=detail_id.clone()>{detail_label}</label>
                        <input
                            id=detail_id.clone()
                            type="text"
                            name="deviation_detail"
                            maxlength="120"
                            prop:value=move || deviation_detail.get()
                            on:input=typed(deviation_detail)
                            aria-invalid=marks.invalid("deviation_detail")
                            aria-describedby=marks.described("deviation_detail")
                        />
                    </div>
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
                <TextArea
                    id=incident_note_id.clone()
                    label="Co se stalo (pro koordinátora)"
                    name="incident_note"
                    field="incidents"
                    maxlength=500
                    rows=2
                    value=incident_note
                    marks=marks
                />
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
                <TextInput
                    id=arrived_id
                    label="Příchod"
                    name="arrived_at"
                    kind="time"
                    value=arrived
                    marks=marks
                />
                {leaving}
                {reason_field}
                {deviation_field}
            </fieldset>
            <fieldset class="record-tasks" aria-invalid=marks.invalid("tasks")>
                <legend>"Provedené úkony podle plánu"</legend>
                {task_choices}
            </fieldset>
            <fieldset class="record-incidents">
                <legend>"Událost pro koordinátora"</legend>
                <ul class="task-choices">{incident_choices}</ul>
                {incident_note_field}
            </fieldset>
            {note_field(note_id, note, marks)}
            <FormEnd
                error_id=error_id.clone()
                error=error
                pending=pending
                save="Uložit záznam"
                cancel="Zrušit příchod"
                on_cancel=on_cancel
            />
        </form>
    }
}
