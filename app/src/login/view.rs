//! The sign-in form.

use leptos::prelude::*;
use shared::ErrorDetail;

use crate::login::state::LoginDraft;
use crate::ui::form::{FormError, described_when_named, invalid_when_named, value_of};

/// The sign-in form. Reads the inputs on submit (so browser autofill counts) and hands
/// what was typed to `on_submit`.
#[component]
pub fn LoginForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<LoginDraft>,
) -> impl IntoView {
    let username = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run(LoginDraft {
            username: value_of(username),
            password: value_of(password),
        });
    };
    view! {
        <form class="login-form" on:submit=submit novalidate=true>
            <div class="field">
                <label for="login-username">"Přihlašovací jméno"</label>
                <input
                    id="login-username"
                    name="username"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required=true
                    node_ref=username
                    aria-invalid=invalid_when_named(error, "username")
                    aria-describedby=described_when_named(error, "username", "login-error")
                />
            </div>
            <div class="field">
                <label for="login-password">"Heslo"</label>
                <input
                    id="login-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required=true
                    node_ref=password
                    aria-invalid=invalid_when_named(error, "password")
                    aria-describedby=described_when_named(error, "password", "login-error")
                />
            </div>
            <FormError id="login-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Přihlašuji…" } else { "Přihlásit se" }}
            </button>
        </form>
    }
}
