//! The form kit: labelled fields marked by the error that names them (with its message
//! beside them, for long forms), the one alert paragraph every form shows its error in,
//! and the request a form sends.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::error::FieldError;

use crate::remote::ApiError;

/// An input the app rejects before sending, named like the server names it.
pub fn field_error(field: &str, message: impl Into<String>) -> ErrorDetail {
    ErrorDetail {
        code: "invalid_input".to_owned(),
        message: message.into(),
        field: Some(field.to_owned()),
    }
}

/// A shared parser's rejection as the error the forms show.
pub fn rejected(error: FieldError) -> ErrorDetail {
    field_error(error.field, error.message)
}

/// Whether the error names `field`.
pub(crate) fn names(error: Signal<Option<ErrorDetail>>, field: &'static str) -> bool {
    error.with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(field))
}

/// `aria-invalid` for an input: "true" while the error names `field`.
pub(crate) fn invalid_when_named(
    error: Signal<Option<ErrorDetail>>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || names(error, field).then_some("true")
}

/// `aria-describedby` for an input: `error_id` while the error names `field`.
pub(crate) fn described_when_named(
    error: Signal<Option<ErrorDetail>>,
    field: &'static str,
    error_id: &'static str,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || names(error, field).then_some(error_id)
}

/// A labelled input that is marked `aria-invalid` (and described by the error) when the
/// error names its `name`.
#[component]
pub fn Field(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The id of the form's error message.
    error_id: &'static str,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    input: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let hint_view = hint.map(|hint| {
        let hint_id = hint_id.clone();
        view! {
            <p id=hint_id class="hint">
                {hint}
            </p>
        }
    });
    let described = move || {
        if names(error, name) {
            Some(error_id.to_owned())
        } else {
            hint.map(|_| format!("{id}-hint"))
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint_view}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                autocapitalize="none"
                spellcheck="false"
                node_ref=input
                aria-invalid=move || names(error, name).then_some("true")
                aria-describedby=described
            />
        </div>
    }
}

/// The error's message beside the field it names; `aria-invalid` and the description follow.
#[component]
pub fn FieldNote(#[prop(into)] field: String, error: Signal<Option<ErrorDetail>>) -> impl IntoView {
    let id = note_id(&field);
    move || {
        error
            .get()
            .filter(|error| error.field.as_deref() == Some(field.as_str()))
            .map(|error| {
                view! {
                    <p id=id.clone() class="field-error">
                        {error.message}
                    </p>
                }
            })
    }
}

fn note_id(field: &str) -> String {
    format!("chyba-{}", field.replace('.', "-"))
}

/// `aria-invalid` and `aria-describedby` of an input whose field is `field`.
pub(crate) fn marks(
    error: Signal<Option<ErrorDetail>>,
    field: String,
) -> (
    impl Fn() -> Option<&'static str> + Clone,
    impl Fn() -> Option<String> + Clone,
) {
    let named = move |field: &str| {
        error.with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(field))
    };
    let invalid_field = field.clone();
    (
        move || named(&invalid_field).then_some("true"),
        move || named(&field).then(|| note_id(&field)),
    )
}

/// A labelled input whose every change goes to `on_change`, marked by the error that names
/// its `field` and with that error's message beside it.
#[component]
pub fn CheckedInput(
    #[prop(into)] id: String,
    #[prop(into)] field: String,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: String,
    #[prop(into)] on_change: Callback<String>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let (invalid, described) = marks(error, field.clone());
    let input_id = id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <input
                id=input_id
                type=kind
                prop:value=value
                aria-invalid=invalid
                aria-describedby=described
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
            <FieldNote field=field error=error />
        </div>
    }
}

/// A labelled text area marked by the error that names `field`, with its message beside it.
#[component]
pub fn CheckedTextArea(
    id: &'static str,
    field: &'static str,
    label: &'static str,
    value: String,
    on_change: Callback<String>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let (invalid, described) = marks(error, field.to_owned());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea
                id=id
                rows="3"
                aria-invalid=invalid
                aria-describedby=described
                on:input=move |ev| on_change.run(event_target_value(&ev))
            >
                {value}
            </textarea>
            <FieldNote field=field error=error />
        </div>
    }
}

/// A labelled list of `(value, name)` with "any" (empty) first and `selected` chosen,
/// writing the chosen value to `set`; marked by the error that names `field`, with its
/// message beside it.
#[component]
pub fn ChoiceList(
    id: &'static str,
    field: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] selected: String,
    #[prop(into)] set: Callback<String>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let (invalid, described) = marks(error, field.to_owned());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                aria-invalid=invalid
                aria-describedby=described
                on:change=move |event| set.run(event_target_value(&event))
            >
                <option value="">{any}</option>
                {options
                    .into_iter()
                    .map(|(value, name)| {
                        let chosen = value == selected;
                        view! { <option value=value selected=chosen>{name}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldNote field=field error=error />
        </div>
    }
}

/// An error announced to screen readers: the one `role="alert"` paragraph of every form
/// and list. `id` is what marked inputs point at.
#[component]
pub fn Alert(
    #[prop(optional, into)] id: Option<String>,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <p id=id.clone() class="form-error" role="alert">
                    {message}
                </p>
            }
        })
    }
}

/// The form's error, announced; its id is what marked inputs point at.
#[component]
pub fn FormError(
    id: &'static str,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    view! { <Alert id=id message=Signal::derive(move || error.get().map(|error| error.message)) /> }
}

/// What an input holds now.
pub(crate) fn value_of(input: NodeRef<leptos::html::Input>) -> String {
    input.get_untracked().map(|i| i.value()).unwrap_or_default()
}

/// Empties the inputs, e.g. after the server accepted what they held.
pub(crate) fn clear(inputs: &[NodeRef<leptos::html::Input>]) {
    for input in inputs {
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    }
}

/// A form's request to the server and the error the form shows: its own check before
/// sending, or else the server's answer.
pub struct FormAction<I: 'static, O: 'static> {
    action: Action<I, Result<O, ApiError>>,
    local_error: RwSignal<Option<ErrorDetail>>,
}

impl<I: 'static, O: 'static> Clone for FormAction<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for FormAction<I, O> {}

impl<I: 'static, O: 'static> std::fmt::Debug for FormAction<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormAction").finish_non_exhaustive()
    }
}

impl<I, O> FormAction<I, O>
where
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    pub(crate) fn new<F, Fut>(call: F) -> Self
    where
        F: Fn(I) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<O, ApiError>> + 'static,
    {
        Self {
            action: Action::new_local(move |input: &I| call(input.clone())),
            local_error: RwSignal::new(None),
        }
    }

    /// Sends what the form checked, or shows why it was not sent.
    pub(crate) fn submit(self, checked: Result<I, ErrorDetail>) {
        match checked {
            Ok(input) => {
                self.local_error.set(None);
                self.action.dispatch(input);
            }
            Err(error) => {
                self.action.value().set(None);
                self.local_error.set(Some(error));
            }
        }
    }

    pub(crate) fn pending(self) -> Memo<bool> {
        self.action.pending()
    }

    pub(crate) fn value(self) -> MappedSignal<Option<Result<O, ApiError>>> {
        self.action.value()
    }

    pub(crate) fn error(self) -> Signal<Option<ErrorDetail>> {
        form_error(self.action, self.local_error)
    }
}

fn form_error<I: 'static, O: Clone + Send + Sync + 'static>(
    action: Action<I, Result<O, ApiError>>,
    local: RwSignal<Option<ErrorDetail>>,
) -> Signal<Option<ErrorDetail>> {
    Signal::derive(move || {
        if action.pending().get() {
            return None;
        }
        local.get().or_else(|| match action.value().get() {
            Some(Err(error)) => Some(error.detail()),
            _ => None,
        })
    })
}

/// Checkboxes of choices (code, label), each toggling its code in `chosen`.
#[component]
pub fn CheckList(choices: Vec<(String, String)>, chosen: RwSignal<Vec<String>>) -> impl IntoView {
    choices
        .into_iter()
        .map(|(code, label)| {
            let toggled = code.clone();
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || chosen.with(|c| c.contains(&code))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen
                                .update(|c| {
                                    c.retain(|known| known != &toggled);
                                    if on {
                                        c.push(toggled.clone());
                                    }
                                });
                        }
                    />
                    {label}
                </label>
            }
        })
        .collect_view()
}
