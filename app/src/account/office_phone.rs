//! The manager's provider on `/ucet`: the office phone her caregivers call with one tap
//! ("Zavolat do kanceláře" under their day), set and changed here.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::ProviderContact;

use crate::account::api;
use crate::account::state::parse_office_phone;
use crate::account::view::DoneAndSubmit;
use crate::session::{Session, loader, signed_out_if_expired};
use crate::ui::form::{Alert, CheckedInput, FormAction};
use crate::ui::{Remote, remote_view};

/// Loads the manager's provider and offers its office phone to set.
#[component]
pub fn OfficePhoneCard() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, state) = loader(session, api::provider);
    let save = FormAction::new(api::set_office_phone);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(provider)) => state.set(Remote::Loaded(provider)),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let saved = Signal::derive(move || matches!(save.value().get(), Some(Ok(_))));
    let form = move |provider: ProviderContact| {
        view! {
            <OfficePhoneForm
                current=provider.office_phone.unwrap_or_default()
                pending=save.pending()
                error=save.error()
                saved=saved
                on_submit=Callback::new(move |typed: String| save.submit(parse_office_phone(&typed)))
            />
        }
    };
    view! {
        <section class="card" aria-labelledby="office-phone-heading">
            <h2 id="office-phone-heading">"Telefon do kanceláře"</h2>
            <p class="lead">
                "Pečovatelky ho vytočí jedním ťuknutím z přehledu dne, i bez připojení."
            </p>
            {remote_view(state.into(), load, form)}
        </section>
    }
}

/// The office phone as it stands, to change; the error beside the field. Hands what was
/// typed to `on_submit`.
#[component]
pub fn OfficePhoneForm(
    current: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    /// The server took the phone: the form says so.
    #[prop(into)]
    saved: Signal<bool>,
    #[prop(into)] on_submit: Callback<String>,
) -> impl IntoView {
    let typed = RwSignal::new(current.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !pending.get_untracked() {
            on_submit.run(typed.get_untracked());
        }
    };
    let other_error = Signal::derive(move || {
        error
            .get()
            .filter(|error| error.field.is_none())
            .map(|error| error.message)
    });
    view! {
        <form class="card-form office-phone-form" on:submit=submit novalidate=true>
            <CheckedInput
                id="office-phone"
                field="office_phone"
                label="Telefon kanceláře"
                kind="tel"
                value=current
                on_change=Callback::new(move |phone| typed.set(phone))
                error=error
            />
            <Alert message=other_error />
            <DoneAndSubmit
                done=saved
                error=error
                done_text="Uloženo. Pečovatelky ho uvidí při příštím načtení dne."
                pending=pending
                submit="Uložit telefon"
                busy="Ukládám…"
            />
        </form>
    }
}
