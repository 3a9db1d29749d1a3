//! The caregiver's correction form: presentational, props in, DOM out.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::schedule::VisitView;

use crate::visit_record::correction::state::CorrectionDraft;
use crate::visit_record::fields::{FormEnd, Marks, TextInput, note_field, task_choices};

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
    let marks = Marks::new(error, error_id.get_value());
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
    let field = move |label: &'static str,
                      name: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        view! { <TextInput id=id(name) label=label name=name kind=kind value=value marks=marks /> }
    };
    let labelled_by = heading_id.clone();
    view! {
        <form class="correction-form" aria-labelledby=labelled_by on:submit=submit novalidate=true>
            <h3 id=heading_id>"Oprava záznamu"</h3>
            <p class="hint">"Původní záznam zůstane uložen; oprava se uloží jako nová verze."</p>
            <fieldset class="record-times">
                <legend>"Čas návštěvy"</legend>
                {field("Příchod", "arrived_at", "time", arrived)}
                {field("Odchod", "left_at", "time", left)}
            </fieldset>
            <fieldset class="record-tasks" aria-invalid=marks.invalid("tasks")>
                <legend>"Provedené úkony"</legend>
                {task_choices(&visit, &catalogue, prefix.get_value(), tasks)}
            </fieldset>
            {note_field(id("note"), note, marks)}
            {field("Důvod opravy", "reason", "text", reason)}
            <FormEnd
                error_id=error_id.get_value()
                error=error
                pending=pending
                save="Uložit opravu"
                cancel="Zpět"
                on_cancel=on_cancel
            />
        </form>
    }
}
