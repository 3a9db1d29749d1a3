//! `/ucet`: who I am, my password, signing out everywhere (every role), the provider's
//! office phone (its manager); and the public pages that redeem a one-time code:
//! `/obnova-hesla` and `/pozvanka`.

pub mod api;
pub mod office_phone;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::identity::roles;

use crate::paths;
use crate::session::{RequireRole, Session, signed_out_if_expired, signs_in};
use crate::ui::confirm::ConfirmAction;
use crate::ui::form::{Alert, FormAction};
use office_phone::OfficePhoneCard;
use state::{
    InvitationDraft, PasswordChangeDraft, PasswordResetDraft, parse_invitation,
    parse_password_change, parse_password_reset,
};
use view::{AccountSummary, InvitationForm, PasswordChangeForm, PasswordResetForm};

/// `/ucet`: who I am, my password, signing out everywhere. Every role.
#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::EVERYONE>
            <AccountLoader />
        </RequireRole>
    }
}

#[component]
fn AccountLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let me = session.me_now();
    let username = me
        .as_ref()
        .map(|me| me.username.clone())
        .unwrap_or_default();
    let manager = me
        .as_ref()
        .is_some_and(|me| roles::MANAGERS.contains(&me.role));

    let change = FormAction::new(api::change_password);
    Effect::new(move |_| {
        if let Some(Err(error)) = change.value().get() {
            signed_out_if_expired(session, &error);
        }
    });
    let done = Signal::derive(move || matches!(change.value().get(), Some(Ok(()))));
    let submit = Callback::new(move |draft: PasswordChangeDraft| {
        change.submit(parse_password_change(&draft, &username));
    });

    let everywhere = Action::new_local(|_: &()| api::logout_everywhere());
    Effect::new(move |_| match everywhere.value().get() {
        Some(Ok(())) => session.sign_out(),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let everywhere_error = Signal::derive(move || match everywhere.value().get() {
        Some(Err(error)) if !everywhere.pending().get() => Some(error.message().to_owned()),
        _ => None,
    });

    view! {
        <section class="account" aria-labelledby="account-heading">
            <h1 id="account-heading">"Můj účet"</h1>
            {me.map(|me| view! { <AccountSummary me=me /> })}
            {manager.then(|| view! { <ManagersOfficePhone /> })}
            <section class="card" aria-labelledby="password-heading">
                <h2 id="password-heading">"Změna hesla"</h2>
                <p class="lead">"Po změně hesla vás odhlásíme na všech ostatních zařízeních."</p>
                <PasswordChangeForm
                    pending=change.pending()
                    error=change.error()
                    done=done
                    on_submit=submit
                />
            </section>
            <section class="card" aria-labelledby="everywhere-heading">
                <h2 id="everywhere-heading">"Odhlásit všude"</h2>
                <p class="lead">
                    "Ukončí přihlášení na všech zařízeních včetně tohoto, například když jste ztratili telefon."
                </p>
                <ConfirmAction
                    label="Odhlásit všude"
                    question="Opravdu odhlásit na všech zařízeních, včetně tohoto?"
                    confirm_label="Ano, odhlásit všude"
                    pending=everywhere.pending()
                    danger=true
                    on_confirm=Callback::new(move |()| {
                        everywhere.dispatch(());
                    })
                />
                <Alert message=everywhere_error />
            </section>
        </section>
    }
}

/// The manager's office-phone card. Its code goes with the office's pages, not with the
/// account page every caregiver's phone keeps.
#[component]
fn ManagersOfficePhone() -> impl IntoView {
    crate::ui::split_part!(
        office,
        office_phone_card => OfficePhoneCard,
        "Telefon kanceláře lze nastavit po připojení k internetu."
    )
}

/// `/obnova-hesla`: public; a one-time code from the manager and a new password.
#[component]
pub fn PasswordResetPage() -> impl IntoView {
    let redeem = FormAction::new(api::redeem_password_reset);
    signs_in(redeem);
    let submit = Callback::new(move |draft: PasswordResetDraft| {
        redeem.submit(parse_password_reset(&draft));
    });
    view! {
        <section class="login" aria-labelledby="reset-heading">
            <h1 id="reset-heading">"Nastavení hesla"</h1>
            <p class="lead">
                "Zadejte jednorázový kód, který vám předal vedoucí služby, a zvolte si nové heslo."
            </p>
            <PasswordResetForm
                pending=redeem.pending()
                error=redeem.error()
                on_submit=submit
            />
            <p class="aside">
                <a href=paths::LOGIN>"Heslo znám, chci se přihlásit"</a>
            </p>
        </section>
    }
}

/// `/pozvanka`: public; a family member creates an account with the invitation code.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let redeem = FormAction::new(api::redeem_invitation);
    signs_in(redeem);
    let submit = Callback::new(move |draft: InvitationDraft| {
        redeem.submit(parse_invitation(&draft));
    });
    view! {
        <section class="login" aria-labelledby="invite-heading">
            <h1 id="invite-heading">"Pozvánka pro rodinu"</h1>
            <p class="lead">
                "S kódem od pečovatelské služby si založíte účet a uvidíte, kdo k vašemu blízkému kdy přijde."
            </p>
            <InvitationForm
                pending=redeem.pending()
                error=redeem.error()
                on_submit=submit
            />
            <p class="aside">
                <a href=paths::LOGIN>"Účet už mám, chci se přihlásit"</a>
            </p>
        </section>
    }
}
