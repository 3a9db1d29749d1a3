//! The lecturer's offer on `/lektor`: the courses her centres keep, a form for a course and
//! a form for a run with its sessions (Prague times), new or changed. Each field shows the
//! error that names it beside it.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::error::FieldError;
use shared::training::{Centre, Course, Run, TargetGroup};

use super::api;
use super::state::drafts::{CourseDraft, RunDraft, SessionDraft};
use super::state::hours;
use crate::remote::ApiError;
use crate::session::{Session, loader};
use crate::ui::form::{
    CheckedInput, CheckedTextArea, ChoiceList, FieldNote, FormAction, FormError, marks, rejected,
};
use crate::ui::remote_view;

/// What the lecturer is writing, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    Nothing,
    /// A new course, or a change to this one.
    Course(Option<Course>),
    /// A new run, or a change to this one.
    Run(Option<Run>),
}

/// The offer: her centres' courses with their edit buttons, and the form being written.
#[component]
pub fn OfferPanel(editing: RwSignal<Editing>, on_saved: Callback<String>) -> impl IntoView {
    let session = expect_context::<Session>();
    let (reload, offer) = loader(session, || async {
        Ok((api::centres().await?, api::courses().await?))
    });
    let done = Callback::new(move |saved: String| {
        editing.set(Editing::Nothing);
        reload.run(());
        on_saved.run(saved);
    });
    let cancel = Callback::new(move |()| editing.set(Editing::Nothing));
    view! {
        <section class="offer" aria-labelledby="offer-heading">
            <h2 id="offer-heading">"Nabídka kurzů"</h2>
            <p class="actions">
                <button class="button" type="button" on:click=move |_| editing.set(Editing::Course(None))>
                    "Nový kurz"
                </button>
                <button class="button" type="button" on:click=move |_| editing.set(Editing::Run(None))>
                    "Nový termín"
                </button>
            </p>
            {remote_view(
                Signal::derive(move || offer.get()),
                reload,
                move |(centres, courses): (Vec<Centre>, Vec<Course>)| {
                    let own: Vec<Course> = courses
                        .iter()
                        .filter(|c| {
                            c.centre_id.as_ref().is_some_and(|id| centres.iter().any(|x| &x.id == id))
                        })
                        .cloned()
                        .collect();
                    view! {
                        <OwnCourses courses=own editing=editing />
                        {move || match editing.get() {
                            Editing::Nothing => ().into_any(),
                            Editing::Course(course) => {
                                view! {
                                    <CourseForm course=course centres=centres.clone() on_done=done on_cancel=cancel />
                                }
                                    .into_any()
                            }
                            Editing::Run(run) => {
                                view! {
                                    <RunForm
                                        run=run
                                        centres=centres.clone()
                                        courses=courses.clone()
                                        on_done=done
                                        on_cancel=cancel
                                    />
                                }
                                    .into_any()
                            }
                        }}
                    }
                },
            )}
        </section>
    }
}

#[component]
fn OwnCourses(courses: Vec<Course>, editing: RwSignal<Editing>) -> impl IntoView {
    if courses.is_empty() {
        return view! { <p class="empty">"Vaše centra zatím nevedou žádný kurz."</p> }.into_any();
    }
    view! {
        <ul class="course-list">
            {courses
                .into_iter()
                .map(|course| {
                    let label = format!("Upravit kurz {}", course.title);
                    let line = format!(
                        "{} · {} · {}",
                        course.title,
                        hours(course.minutes),
                        course.target_group.label(),
                    );
                    view! {
                        <li>
                            {line}
                            <button class="button"
                                type="button"
                                aria-label=label
                                on:click=move |_| editing.set(Editing::Course(Some(course.clone())))
                            >
                                "Upravit"
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn centre_options(centres: &[Centre]) -> Vec<(String, String)> {
    centres
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect()
}

/// A form's save button (busy while sending) and its cancel or close button.
pub(super) fn form_buttons(
    pending: Memo<bool>,
    cancel: &'static str,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <button class="button" type="submit" disabled=move || pending.get()>
            {move || if pending.get() { "Ukládám…" } else { "Uložit" }}
        </button>
        <button class="button" type="button" on:click=move |_| on_cancel.run(())>
            {cancel}
        </button>
    }
}

/// What both offer forms share: the draft and its save (new, or a change to an id).
struct DraftForm<D: Send + Sync + 'static, I: 'static, O: 'static> {
    draft: RwSignal<D>,
    save: FormAction<(Option<String>, I), O>,
}

impl<D: Send + Sync + 'static, I: 'static, O: 'static> Clone for DraftForm<D, I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static, I: 'static, O: 'static> Copy for DraftForm<D, I, O> {}

impl<D, I, O> DraftForm<D, I, O>
where
    D: Send + Sync + 'static,
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    /// A form over `initial`, sent by `send`; `on_done` is told what was saved.
    fn new<Fut>(
        initial: D,
        send: fn(Option<String>, I) -> Fut,
        saved: fn(&O) -> String,
        on_done: Callback<String>,
    ) -> Self
    where
        Fut: Future<Output = Result<O, ApiError>> + 'static,
    {
        let save = FormAction::new(move |(id, input): (Option<String>, I)| send(id, input));
        Effect::new(move |_| {
            if let Some(Ok(done)) = save.value().get() {
                on_done.run(saved(&done));
            }
        });
        Self {
            draft: RwSignal::new(initial),
            save,
        }
    }

    /// What a field's input does to the draft.
    fn set(self, edit: fn(&mut D, String)) -> Callback<String> {
        Callback::new(move |value: String| self.draft.update(|d| edit(d, value)))
    }

    /// Checks the draft, then sends it as new or as a change to `id`.
    fn submit(
        self,
        id: Option<String>,
        check: fn(&D) -> Result<I, FieldError>,
    ) -> impl Fn(leptos::ev::SubmitEvent) + Clone {
        move |ev| {
            ev.prevent_default();
            let id = id.clone();
            self.save.submit(
                self.draft
                    .with_untracked(check)
                    .map(|input| (id, input))
                    .map_err(rejected),
            );
        }
    }
}

fn heading(change: bool, changing: &'static str, new: &'static str) -> &'static str {
    if change { changing } else { new }
}

#[component]
fn CourseForm(
    course: Option<Course>,
    centres: Vec<Centre>,
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let id = course.as_ref().map(|c| c.id.clone());
    let mut initial = course
        .as_ref()
        .map(CourseDraft::from_course)
        .unwrap_or_default();
    if initial.centre_id.is_empty() && centres.len() == 1 {
        initial.centre_id = centres[0].id.clone();
    }
    let form = DraftForm::new(
        initial.clone(),
        api::save_course,
        |course: &Course| format!("Kurz {} je uložen.", course.title),
        on_done,
    );
    let (draft, error, pending) = (form.draft, form.save.error(), form.save.pending());
    let set = move |edit: fn(&mut CourseDraft, String)| form.set(edit);
    let submit = form.submit(id, CourseDraft::input);
    let groups: Vec<(String, String)> = TargetGroup::ALL
        .iter()
        .map(|g| (g.as_str().to_owned(), g.label().to_owned()))
        .collect();
    let (in_house_invalid, in_house_described) = marks(error, "in_house".to_owned());
    let heading = heading(course.is_some(), "Upravit kurz", "Nový kurz");
    view! {
        <form class="form offer-form" on:submit=submit novalidate aria-label=heading>
            <h3>{heading}</h3>
            <FormError id="course-error" error=error />
            <ChoiceList
                id="course-centre"
                field="centre_id"
                label="Centrum, které kurz vede"
                any="— vyberte —"
                options=centre_options(&centres)
                selected=initial.centre_id.clone()
                set=set(|d, v| d.centre_id = v)
                error=error
            />
            <CheckedInput id="course-title" field="title" label="Název" value=initial.title.clone() on_change=set(|d, v| d.title = v) error=error />
            <CheckedInput
                id="course-hours"
                field="minutes"
                label="Rozsah v hodinách"
                hint="Např. 4 nebo 4,5."
                value=initial.hours.clone()
                on_change=set(|d, v| d.hours = v)
                error=error
            />
            <ChoiceList
                id="course-group"
                field="target_group"
                label="Cílová skupina"
                any="— vyberte —"
                options=groups
                selected=initial.target_group.clone()
                set=set(|d, v| d.target_group = v)
                error=error
            />
            <CheckedInput
                id="course-accreditation"
                field="accreditation_number"
                label="Číslo akreditace MPSV (je-li)"
                value=initial.accreditation_number.clone()
                on_change=set(|d, v| d.accreditation_number = v)
                error=error
            />
            <CheckedInput
                id="course-valid-until"
                field="accreditation_valid_until"
                label="Akreditace platí do"
                kind="date"
                value=initial.accreditation_valid_until.clone()
                on_change=set(|d, v| d.accreditation_valid_until = v)
                error=error
            />
            <div class="field">
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=initial.in_house
                        aria-invalid=in_house_invalid
                        aria-describedby=in_house_described
                        on:change=move |ev| draft.update(|d| d.in_house = event_target_checked(&ev))
                    />
                    "Vnitřní školicí akce (ne akreditovaný kurz)"
                </label>
                <p class="hint">
                    "Sociálním pracovníkům se vnitřní akce započítávají nejvýše 8 hodin ročně."
                </p>
                <FieldNote field="in_house" error=error />
            </div>
            <CheckedTextArea id="course-description" field="description" label="Popis" value=initial.description.clone() on_change=set(|d, v| d.description = v) error=error />
            <CheckedTextArea id="course-bring" field="what_to_bring" label="Co s sebou" value=initial.what_to_bring.clone() on_change=set(|d, v| d.what_to_bring = v) error=error />
            <p class="actions">{form_buttons(pending, "Zrušit", on_cancel)}</p>
        </form>
    }
}

/// One session's day, start and end; the errors about sessions are shown under the list.
fn session_row(
    index: usize,
    session: SessionDraft,
    draft: RwSignal<RunDraft>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let number = index + 1;
    let edit = move |change: fn(&mut SessionDraft, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            draft.update(|d| {
                if let Some(session) = d.sessions.get_mut(index) {
                    change(session, value);
                }
            });
        }
    };
    let (start_invalid, start_described) = marks(error, "sessions.starts_at".to_owned());
    let (end_invalid, end_described) = marks(error, "sessions.ends_at".to_owned());
    let day_id = format!("session-{number}-day");
    let start_id = format!("session-{number}-start");
    let end_id = format!("session-{number}-end");
    view! {
        <li class="inline-field">
            <label for=day_id.clone()>{format!("{number}. setkání, den")}</label>
            <input id=day_id type="date" prop:value=session.day on:input=edit(|s, v| s.day = v) aria-invalid=start_invalid.clone() aria-describedby=start_described.clone() />
            <label for=start_id.clone()>"od"</label>
            <input id=start_id type="time" prop:value=session.start on:input=edit(|s, v| s.start = v) aria-invalid=start_invalid aria-describedby=start_described />
            <label for=end_id.clone()>"do"</label>
            <input id=end_id type="time" prop:value=session.end on:input=edit(|s, v| s.end = v) aria-invalid=end_invalid aria-describedby=end_described />
            <button class="button"
                type="button"
                aria-label=format!("Odebrat {number}. setkání")
                disabled=move || draft.with(|d| d.sessions.len() < 2)
                on:click=move |_| draft.update(|d| { d.sessions.remove(index); })
            >
                "Odebrat"
            </button>
        </li>
    }
}

#[component]
fn RunForm(
    run: Option<Run>,
    centres: Vec<Centre>,
    courses: Vec<Course>,
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let id = run.as_ref().map(|r| r.id.clone());
    let mut initial = run.as_ref().map(RunDraft::from_run).unwrap_or_default();
    if run.is_none() {
        if centres.len() == 1 {
            initial.centre_id = centres[0].id.clone();
        }
        initial.lecturer_id = session.me_now().map(|me| me.user_id).unwrap_or_default();
    }
    let form = DraftForm::new(
        initial.clone(),
        api::save_run,
        |run: &Run| format!("Termín kurzu {} je uložen.", run.course.title),
        on_done,
    );
    let (draft, error, pending) = (form.draft, form.save.error(), form.save.pending());
    let set = move |edit: fn(&mut RunDraft, String)| form.set(edit);
    let submit = form.submit(id, RunDraft::input);
    let course_options: Vec<(String, String)> = courses
        .iter()
        .map(|c| (c.id.clone(), format!("{} ({})", c.title, hours(c.minutes))))
        .collect();
    let centre = Memo::new(move |_| draft.with(|d| d.centre_id.clone()));
    let lecturers = {
        let centres = centres.clone();
        move || {
            let centre = centre.get();
            centres
                .iter()
                .find(|c| c.id == centre)
                .map(|c| {
                    c.lecturers
                        .iter()
                        .map(|l| (l.id.clone(), l.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    };
    let heading = heading(run.is_some(), "Upravit termín", "Nový termín");
    view! {
        <form class="form offer-form" on:submit=submit novalidate aria-label=heading>
            <h3>{heading}</h3>
            <FormError id="run-error" error=error />
            <ChoiceList id="run-course" field="course_id" label="Kurz" any="— vyberte —" options=course_options selected=initial.course_id.clone() set=set(|d, v| d.course_id = v) error=error />
            <ChoiceList id="run-centre" field="centre_id" label="Centrum" any="— vyberte —" options=centre_options(&centres) selected=initial.centre_id.clone() set=set(|d, v| d.centre_id = v) error=error />
            {move || {
                let selected = draft.with_untracked(|d| d.lecturer_id.clone());
                view! {
                    <ChoiceList id="run-lecturer" field="lecturer_id" label="Lektor" any="— vyberte —" options=lecturers() selected=selected set=set(|d, v| d.lecturer_id = v) error=error />
                }
            }}
            <CheckedInput id="run-capacity" field="capacity" label="Kapacita (míst)" kind="number" value=initial.capacity.clone() on_change=set(|d, v| d.capacity = v) error=error />
            <CheckedInput id="run-room" field="room" label="Místnost" value=initial.room.clone() on_change=set(|d, v| d.room = v) error=error />
            <fieldset>
                <legend>"Setkání (pražský čas)"</legend>
                <ol class="session-list">
                    {move || {
                        // Only adding or removing a session draws the rows again: typing
                        // into one keeps its focus.
                        let count = draft.with(|d| d.sessions.len());
                        (0..count)
                            .map(|index| {
                                let s = draft.with_untracked(|d| d.sessions[index].clone());
                                session_row(index, s, draft, error)
                            })
                            .collect_view()
                    }}
                </ol>
                <FieldNote field="sessions" error=error />
                <FieldNote field="sessions.starts_at" error=error />
                <FieldNote field="sessions.ends_at" error=error />
                <button class="button" type="button" on:click=move |_| draft.update(|d| d.sessions.push(SessionDraft::default()))>
                    "Přidat setkání"
                </button>
            </fieldset>
            <CheckedInput id="run-enrol-by" field="enrol_by" label="Přihlášky do" kind="datetime-local" value=initial.enrol_by.clone() on_change=set(|d, v| d.enrol_by = v) error=error />
            <CheckedInput id="run-cancel-by" field="cancel_by" label="Odhlásit se lze do" kind="datetime-local" value=initial.cancel_by.clone() on_change=set(|d, v| d.cancel_by = v) error=error />
            <p class="actions">{form_buttons(pending, "Zrušit", on_cancel)}</p>
        </form>
    }
}
