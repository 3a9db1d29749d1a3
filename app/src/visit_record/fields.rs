//! The pieces of a form both the record and the correction are made of: the marks of a
//! field the error names, the tasks to tick, the note, and the form's end.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::schedule::VisitView;

use crate::ui::form::Alert;
use crate::visit_record::state::{planned_tasks, units_label};

/// Marks the inputs a form's error names: `aria-invalid`, and `aria-describedby` pointing
/// at the error.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks {
    error: Signal<Option<ErrorDetail>>,
    error_id: StoredValue<String>,
}

impl Marks {
    pub(crate) fn new(error: Signal<Option<ErrorDetail>>, error_id: String) -> Self {
        Marks {
            error,
            error_id: StoredValue::new(error_id),
        }
    }

    /// `aria-invalid` of the input of `field`.
    pub(crate) fn invalid(self, field: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
        move || names_field(self.error, field).then_some("true")
    }

    /// `aria-describedby` of the input of `field`.
    pub(crate) fn described(self, field: &'static str) -> impl Fn() -> Option<String> + Copy {
        move || names_field(self.error, field).then(|| self.error_id.get_value())
    }
}

/// Keeps what is typed into an input in `signal`.
pub(crate) fn typed(signal: RwSignal<String>) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| signal.set(event_target_value(&ev))
}

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

/// A labelled input of a record or correction form, marked while the error names `name`.
#[component]
pub(crate) fn TextInput(
    id: String,
    label: &'static str,
    name: &'static str,
    /// `text` or `time`.
    kind: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
    value: RwSignal<String>,
    marks: Marks,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind
                name=name
                maxlength=maxlength
                prop:value=move || value.get()
                on:input=typed(value)
                aria-invalid=marks.invalid(name)
                aria-describedby=marks.described(name)
            />
        </div>
    }
}

/// A labelled text area, marked while the error names `field`: the note of a record or of
/// a correction, or what happened at an incident.
#[component]
pub(crate) fn TextArea(
    id: String,
    label: &'static str,
    name: &'static str,
    field: &'static str,
    maxlength: u32,
    rows: u32,
    value: RwSignal<String>,
    marks: Marks,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=name
                maxlength=maxlength
                rows=rows
                prop:value=move || value.get()
                on:input=typed(value)
                aria-invalid=marks.invalid(field)
                aria-describedby=marks.described(field)
            ></textarea>
        </div>
    }
}

/// The note of a record or of a correction.
pub(crate) fn note_field(id: String, note: RwSignal<String>, marks: Marks) -> impl IntoView {
    view! {
        <TextArea
            id=id
            label="Poznámka"
            name="note"
            field="note"
            maxlength=1000
            rows=3
            value=note
            marks=marks
        />
    }
}

/// The end of a record or correction form: its error, saving, and the way back.
#[component]
pub(crate) fn FormEnd(
    error_id: String,
    error: Signal<Option<ErrorDetail>>,
    pending: Signal<bool>,
    save: &'static str,
    cancel: &'static str,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <Alert id=error_id message=Signal::derive(move || error.get().map(|error| error.message)) />
        <div class="record-actions">
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Ukládám…" } else { save }}
            </button>
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                {cancel}
            </button>
        </div>
    }
}

/// The tasks to tick: the visit's plan first, the rest of the catalogue folded below.
pub(crate) fn task_choices(
    visit: &VisitView,
    catalogue: &[CareTask],
    id_prefix: String,
    checked: RwSignal<Vec<(String, String)>>,
) -> impl IntoView + use<> {
    let planned: Vec<CareTask> = planned_tasks(visit, catalogue)
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
            .map(|task| view! { <TaskChoice task=task id_prefix=prefix.clone() checked=checked /> })
            .collect_view()
    };
    let planned_view = if planned.is_empty() {
        view! { <p class="hint">"Plán návštěvy neuvádí žádné úkony."</p> }.into_any()
    } else {
        view! { <ul class="task-choices">{choices(planned, id_prefix.clone())}</ul> }.into_any()
    };
    view! {
        {planned_view}
        <details class="record-more">
            <summary>"Další úkony z katalogu"</summary>
            <ul class="task-choices">{choices(others, id_prefix)}</ul>
        </details>
    }
}
