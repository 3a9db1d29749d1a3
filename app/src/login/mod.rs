//! `/prihlaseni`: signing in. Every role's first screen.

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::paths;
use crate::session::{Gate, Session, replace};
use crate::ui::form::FormAction;
use state::{LoginDraft, parse_credentials};
use view::LoginForm;

/// `/prihlaseni`.
#[component]
pub fn LoginPage() -> impl IntoView {
    let session = expect_context::<Session>();
    // Only signing in changes this page. Checking → signed out must not rebuild the form:
    // that would drop what the user has typed while the session check was under way.
    let signed_in = Memo::new(move |_| session.gate() == Gate::SignedIn);
    move || {
        if signed_in.get() {
            let path = session.home().unwrap_or(paths::ACCOUNT);
            view! { <Redirect path=path options=replace() /> }.into_any()
        } else {
            view! { <LoginLoader /> }.into_any()
        }
    }
}

#[component]
fn LoginLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let login = FormAction::new(api::login);
    // Signing in is all this page does: `LoginPage` sends the user home.
    Effect::new(move |_| {
        if let Some(Ok(me)) = login.value().get() {
            session.sign_in(me);
        }
    });
    let pending = login.pending();
    let error = login.error();
    let submit = Callback::new(move |draft: LoginDraft| {
        login.submit(parse_credentials(&draft));
    });
    view! {
        <section class="login" aria-labelledby="login-heading">
            <h1 id="login-heading">"Přihlášení"</h1>
            <p class="lead">"E-péče – pečovatelská služba Ústeckého kraje"</p>
            <LoginForm pending=pending error=error on_submit=submit />
        </section>
    }
}
