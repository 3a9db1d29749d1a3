//! The caregiver's correction form: presentational, props in, DOM out.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::schedule::VisitView;

use crate::ui::form::Alert;
use crate::visit_record::correction::state::CorrectionDraft;
use crate::visit_record::view::{names_field, task_choices};

/// Her record as it now stands, to correct: the times, the tasks, the note, and why she
/// corrects it (required). Hands what was filled in to `on_save`.
#[component]
pub fn CorrectionForm(
    visit: VisitView,
    catalogue: Vec<CareTask>,
    draft: CorrectionDraft,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    /// Any change to the form (an error shown goes once she edits).
    #[prop(into)]
    on_edit: Callback<()>,
    #[prop(into)] on_save: Callback<CorrectionDraft>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let prefix = StoredValue::new(format!("correction-{}", visit.id));
    let id = move |suffix: &str| prefix.with_value(|prefix| format!("{prefix}-{suffix}"));
    let heading_id = id("heading");
    let error_id = StoredValue::new(id("error"));
    let arrived = RwSignal::new(draft.arrived);
    let left = RwSignal::new(draft.left);
    let tasks = RwSignal::new(draft.tasks);
    let note = RwSignal::new(draft.note);
    let reason = RwSignal::new(draft.reason);
    Effect::new(move |first: Option<()>| {
        arrived.track();
        left.track();
        tasks.track();
        note.track();
        reason.track();
        if first.is_some() {
            on_edit.run(());
        }
    });
    let invalid = move |field: &'static str| move || names_field(error, field).then_some("true");
    let described =
        move |field: &'static str| move || names_field(error, field).then(|| error_id.get_value());
    let text =
        |signal: RwSignal<String>| move |ev: leptos::ev::Event| signal.set(event_target_value(&ev));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_save.run(CorrectionDraft {
            arrived: arrived.get_untracked(),
            left: left.get_untracked(),
            tasks: tasks.get_untracked(),
            note: note.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    let time_field = move |label: &'static str, name: &'static str, value: RwSignal<String>| {
        let field_id = id(name);
        view! {
            <div class="field">
                <label for=field_id.clone()>{label}</label>
                <input
                    id=field_id
                    type="time"
                    name=name
                    prop:value=move || value.get()
                    on:input=text(value)
                    aria-invalid=invalid(name)
                    aria-describedby=described(name)
                />
            </div>
        }
    };
    let note_id = id("note");
    let reason_id = id("reason");
    let labelled_by = heading_id.clone();
    view! {
        <form class="correction-form" aria-labelledby=labelled_by on:submit=submit novalidate=true>
            <h3 id=heading_id>"Oprava záznamu"</h3>
            <p class="hint">"Původní záznam zůstane uložen; oprava se uloží jako nová verze."</p>
            <fieldset class="record-times">
                <legend>"Čas návštěvy"</legend>
                {time_field("Příchod", "arrived_at", arrived)}
                {time_field("Odchod", "left_at", left)}
            </fieldset>
            <fieldset class="record-tasks" aria-invalid=invalid("tasks")>
                <legend>"Provedené úkony"</legend>
                {task_choices(&visit, &catalogue, prefix.get_value(), tasks)}
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
            <div class="field">
                <label for=reason_id.clone()>"Důvod opravy"</label>
                <input
                    id=reason_id
                    type="text"
                    name="reason"
                    maxlength="200"
                    required=true
                    prop:value=move || reason.get()
                    on:input=text(reason)
                    aria-invalid=invalid("reason")
                    aria-describedby=described("reason")
                />
            </div>
            <Alert
                id=error_id.get_value()
                message=Signal::derive(move || error.get().map(|error| error.message))
            />
            <div class="record-actions">
                <button type="submit" class="button button-primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Ukládám…" } else { "Uložit opravu" }}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    "Zpět"
                </button>
            </div>
        </form>
    }
}
