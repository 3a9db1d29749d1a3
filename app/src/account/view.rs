//! The account's components: who I am, and the forms that set a password.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::Me;

use crate::account::state::{InvitationDraft, PasswordChangeDraft, PasswordResetDraft};
use crate::ui::form::{Field, FormError, clear, value_of};
use crate::ui::password::{NewPasswordFields, PasswordPairInputs};

/// Name, login, role and (for staff) provider of the signed-in user.
#[component]
pub fn AccountSummary(me: Me) -> impl IntoView {
    let provider = me.provider_name.map(|provider| {
        view! {
            <div>
                <dt>"Poskytovatel"</dt>
                <dd class="account-provider">{provider}</dd>
            </div>
        }
    });
    view! {
        <dl class="facts">
            <div>
                <dt>"Jméno"</dt>
                <dd class="account-name">{me.display_name}</dd>
            </div>
            <div>
                <dt>"Přihlašovací jméno"</dt>
                <dd class="account-username">{me.username}</dd>
            </div>
            <div>
                <dt>"Role"</dt>
                <dd class="account-role">{me.role.label()}</dd>
            </div>
            {provider}
        </dl>
    }
}

/// Changing one's own password: current, new, new again. Hands them over as typed.
#[component]
pub fn PasswordChangeForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    /// Set once the server accepted the change: the form is cleared and says so.
    #[prop(into)]
    done: Signal<bool>,
    #[prop(into)] on_submit: Callback<PasswordChangeDraft>,
) -> impl IntoView {
    let current = NodeRef::<leptos::html::Input>::new();
    let new = PasswordPairInputs::new();
    Effect::new(move |_| {
        if done.get() {
            clear(&[current]);
            new.clear();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run(PasswordChangeDraft {
            current: value_of(current),
            new: new.draft(),
        });
    };
    view! {
        <form class="card-form password-form" on:submit=submit novalidate=true>
            <Field
                id="password-current"
                name="current_password"
                label="Současné heslo"
                kind="password"
                autocomplete="current-password"
                error_id="password-error"
                error=error
                input=current
            />
            <NewPasswordFields
                id="password-new"
                again_id="password-again"
                name="new_password"
                label="Nové heslo"
                again_label="Nové heslo znovu"
                error_id="password-error"
                error=error
                inputs=new
            />
            <FormError id="password-error" error=error />
            <DoneAndSubmit
                done=done
                error=error
                done_text="Heslo je změněné. Přihlášení na ostatních zařízeních jsme ukončili."
                pending=pending
                submit="Změnit heslo"
                busy="Měním heslo…"
            />
        </form>
    }
}

/// An account form's end: what the server took, said once it has (while no error stands),
/// and the submit button, busy while the request runs.
#[component]
pub fn DoneAndSubmit(
    #[prop(into)] done: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    done_text: &'static str,
    #[prop(into)] pending: Signal<bool>,
    submit: &'static str,
    busy: &'static str,
) -> impl IntoView {
    view! {
        {move || {
            (done.get() && error.with(Option::is_none))
                .then(|| view! { <p class="form-ok" role="status">{done_text}</p> })
        }}
        <button type="submit" class="button button-primary" disabled=move || pending.get()>
            {move || if pending.get() { busy } else { submit }}
        </button>
    }
}

/// `/obnova-hesla`: the code from the manager and a new password, twice.
#[component]
pub fn PasswordResetForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<PasswordResetDraft>,
) -> impl IntoView {
    let code = NodeRef::<leptos::html::Input>::new();
    let new = PasswordPairInputs::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run(PasswordResetDraft {
            code: value_of(code),
            new: new.draft(),
        });
    };
    view! {
        <form class="card-form reset-form" on:submit=submit novalidate=true>
            <Field
                id="reset-code"
                name="code"
                label="Jednorázový kód"
                autocomplete="one-time-code"
                error_id="reset-error"
                error=error
                input=code
            />
            <NewPasswordFields
                id="reset-new"
                again_id="reset-again"
                name="new_password"
                label="Nové heslo"
                again_label="Nové heslo znovu"
                error_id="reset-error"
                error=error
                inputs=new
            />
            <FormError id="reset-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Nastavuji heslo…" } else { "Nastavit heslo a přihlásit se" }}
            </button>
        </form>
    }
}

/// `/pozvanka`: a family member creates their account with the code from the invitation.
#[component]
pub fn InvitationForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<InvitationDraft>,
) -> impl IntoView {
    let code = NodeRef::<leptos::html::Input>::new();
    let display_name = NodeRef::<leptos::html::Input>::new();
    let username = NodeRef::<leptos::html::Input>::new();
    let password = PasswordPairInputs::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run(InvitationDraft {
            code: value_of(code),
            username: value_of(username),
            display_name: value_of(display_name),
            password: password.draft(),
        });
    };
    view! {
        <form class="card-form invitation-form" on:submit=submit novalidate=true>
            <Field
                id="invite-code"
                name="code"
                label="Kód z pozvánky"
                autocomplete="one-time-code"
                error_id="invite-error"
                error=error
                input=code
            />
            <Field
                id="invite-display-name"
                name="display_name"
                label="Vaše jméno a příjmení"
                autocomplete="name"
                error_id="invite-error"
                error=error
                input=display_name
            />
            <Field
                id="invite-username"
                name="username"
                label="Přihlašovací jméno"
                autocomplete="username"
                hint="Vyberte si: malá písmena bez diakritiky, číslice, tečka nebo pomlčka."
                error_id="invite-error"
                error=error
                input=username
            />
            <NewPasswordFields
                id="invite-password"
                again_id="invite-again"
                name="password"
                label="Heslo"
                again_label="Heslo znovu"
                error_id="invite-error"
                error=error
                inputs=password
            />
            <FormError id="invite-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Zakládám účet…" } else { "Založit účet a přihlásit se" }}
            </button>
        </form>
    }
}
