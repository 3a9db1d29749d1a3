//! A new password typed twice: the two fields of every form that sets a password, and what
//! they hold. The rule itself is `shared`'s [`Password::parse_new_pair`].
//!
//! [`Password::parse_new_pair`]: shared::identity::Password::parse_new_pair

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::NewPasswordPair;

use crate::ui::form::{Field, clear, value_of};

/// What a new password must be, said under its field.
const HINT: &str = "Alespoň 10 znaků, ne jen číslice, bez přihlašovacího jména.";

/// A new password and its second copy as typed, named so the two cannot be swapped.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PasswordPairDraft {
    pub password: String,
    pub again: String,
}

impl PasswordPairDraft {
    /// The pair as `shared`'s password rule takes it.
    pub fn as_pair(&self) -> NewPasswordPair<'_> {
        NewPasswordPair {
            password: &self.password,
            again: &self.again,
        }
    }
}

impl std::fmt::Debug for PasswordPairDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordPairDraft(***)")
    }
}

/// The two inputs of a pair, read when the form is submitted.
#[derive(Debug, Clone, Copy)]
pub struct PasswordPairInputs {
    password: NodeRef<leptos::html::Input>,
    again: NodeRef<leptos::html::Input>,
}

impl PasswordPairInputs {
    pub fn new() -> Self {
        Self {
            password: NodeRef::new(),
            again: NodeRef::new(),
        }
    }

    /// What the two inputs hold now.
    pub fn draft(self) -> PasswordPairDraft {
        PasswordPairDraft {
            password: value_of(self.password),
            again: value_of(self.again),
        }
    }

    pub fn clear(self) {
        clear(&[self.password, self.again]);
    }
}

impl Default for PasswordPairInputs {
    fn default() -> Self {
        Self::new()
    }
}

/// The new password and the same again, each marked when the error names it.
#[component]
pub fn NewPasswordFields(
    /// The id of the first input; the second's is `again_id`.
    id: &'static str,
    again_id: &'static str,
    /// The field the first input's errors name (`new_password`, or `password` on a new
    /// account); the second's is always `new_password_again`.
    name: &'static str,
    label: &'static str,
    again_label: &'static str,
    /// The id of the form's error message.
    error_id: &'static str,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    inputs: PasswordPairInputs,
) -> impl IntoView {
    view! {
        <Field
            id=id
            name=name
            label=label
            kind="password"
            autocomplete="new-password"
            hint=HINT
            error_id=error_id
            error=error
            input=inputs.password
        />
        <Field
            id=again_id
            name="new_password_again"
            label=again_label
            kind="password"
            autocomplete="new-password"
            error_id=error_id
            error=error
            input=inputs.again
        />
    }
}
