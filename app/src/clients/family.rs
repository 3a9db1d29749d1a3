//! `/klienti/{id}/rodina`: who of the client's family sees the schedule; invitations.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::identity::roles;

use crate::clients::api;
use crate::clients::feeds::CalendarFeeds;
use crate::clients::view::FamilyLinksList;
use crate::paths;
use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::code_panel::{ShownCode, ShownCodeSlot};
use crate::ui::form::Alert;
use crate::ui::{Remote, page_title};

/// `/klienti/:client_id/rodina`: who of the family sees the client's schedule; invitations.
#[component]
pub fn ClientFamilyPage() -> impl IntoView {
    let params = use_params_map();
    // A new client id (the router keeps the page) means a fresh page: links, codes, errors.
    let client_id = Memo::new(move |_| params.with(|p| p.get("client_id").unwrap_or_default()));
    view! {
        <RequireRole roles=roles::PLANNERS>
            {move || view! { <ClientFamilyLoader client_id=client_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn ClientFamilyLoader(client_id: String) -> impl IntoView {
    let session = expect_context::<Session>();

    let (load, state) = {
        let client_id = client_id.clone();
        loader(session, move || api::client_family(client_id.clone()))
    };
    // Named once the server answers; never by the client's id.
    let heading = move || match state.get() {
        Remote::Loaded(family) => {
            page_title(&format!("Rodina klienta – {}", family.client_name));
            format!("Rodina klienta: {}", family.client_name)
        }
        _ => "Rodina klienta".to_owned(),
    };
    let links = Signal::derive(move || state.get().map(|family| family.links));
    let links_changed = Signal::derive(move || {
        state.with(|state| match state {
            Remote::Loaded(family) => Some(family.links.len()),
            _ => None,
        })
    });

    let shown = RwSignal::new(None::<ShownCode>);
    let invite = Action::new_local(|client_id: &String| api::create_invitation(client_id.clone()));
    Effect::new(move |_| {
        match invite.value().get() {
        Some(Ok(invitation)) => shown.set(Some(ShownCode {
            heading: format!("Pozvánka pro rodinu klienta {}", invitation.client_name),
            instructions: "Předejte kód členovi rodiny. Při zadání kódu si založí vlastní účet a uvidí, kdo ke klientovi kdy přijde."
                .to_owned(),
            code: invitation.one_time_code,
        })),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    }
    });
    let invite_error = Signal::derive(move || match invite.value().get() {
        Some(Err(error)) if !invite.pending().get() => Some(error.message().to_owned()),
        _ => None,
    });

    let busy = RwSignal::new(None::<String>);
    let revoke_error = RwSignal::new(None::<String>);
    let revoke = Action::new_local(|id: &String| api::revoke_family_link(id.clone()));
    Effect::new(move |_| {
        if revoke.pending().get() {
            return;
        }
        let Some(result) = revoke.value().get() else {
            return;
        };
        let id = busy.get_untracked().unwrap_or_default();
        busy.set(None);
        match result {
            Ok(()) => state.update(|state| {
                if let Remote::Loaded(family) = state {
                    family.links.retain(|link| link.link_id != id);
                }
            }),
            Err(error) => {
                signed_out_if_expired(session, &error);
                revoke_error.set(Some(error.message().to_owned()));
            }
        }
    });

    let invite_id = client_id.clone();
    let feeds_id = client_id.clone();
    view! {
        <section class="client-family" aria-labelledby="client-family-heading">
            <h1 id="client-family-heading" class="no-print">
                {heading}
            </h1>
            <p class="lead no-print">"Kdo z rodiny vidí rozpis návštěv, a pozvánky pro další."</p>
            <ShownCodeSlot shown=shown redeem_path=paths::REDEEM_INVITATION />
            <section class="card no-print" aria-labelledby="invite-heading">
                <h2 id="invite-heading">"Pozvat člena rodiny"</h2>
                <p class="lead">"Vytvoří jednorázový kód, kterým si člen rodiny založí účet."</p>
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || invite.pending().get()
                    on:click=move |_| {
                        invite.dispatch(invite_id.clone());
                    }
                >
                    {move || {
                        if invite.pending().get() { "Vytvářím pozvánku…" } else { "Vytvořit pozvánku" }
                    }}
                </button>
                <Alert message=invite_error />
            </section>
            <section class="no-print" aria-labelledby="links-heading">
                <h2 id="links-heading">"Kdo z rodiny má přístup"</h2>
                <Alert message=revoke_error />
                <FamilyLinksList
                    state=links
                    busy=busy
                    on_revoke=Callback::new(move |id: String| {
                        revoke_error.set(None);
                        busy.set(Some(id.clone()));
                        revoke.dispatch(id);
                    })
                    on_retry=Callback::new(move |()| {
                        load.run(());
                    })
                />
            </section>
            <CalendarFeeds client_id=feeds_id links_changed=links_changed />
        </section>
    }
}
