//! `/rodina/{client_id}/kalendar`: the secret address a phone calendar subscribes to. Only
//! its hash is kept on the server, so the address is shown once, when made; making a new
//! one stops the old at once.

use leptos::prelude::*;
use shared::family::CalendarFeedState;
use shared::identity::roles;

use crate::family::{api, client_param};
use crate::paths;
use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::form::Alert;
use crate::ui::format::short_date_time;
use crate::ui::remote_view;

/// `/rodina/{client_id}/kalendar`.
#[component]
pub fn FamilyCalendarPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::FAMILY>
            <CalendarLoader />
        </RequireRole>
    }
}

/// The page's origin, to make the address whole (read through JS: the app does not carry
/// web-sys's `Location` for one string).
fn origin() -> String {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &"location".into()).ok())
        .and_then(|location| js_sys::Reflect::get(&location, &"origin".into()).ok())
        .and_then(|origin| origin.as_string())
        .unwrap_or_default()
}

/// Puts the text on the clipboard, where the browser allows it.
fn copy(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into());
    if let Ok(clipboard) = clipboard
        && let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        && let Some(write) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&write)
    {
        let _ = write.call1(&clipboard, &text.into());
    }
}

#[component]
fn CalendarLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let client_id = client_param();
    let (reload, state) = loader(session, move || api::feed_state(client_id.get_untracked()));
    let address = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let make = Callback::new(move |()| {
        pending.set(true);
        error.set(None);
        copied.set(false);
        leptos::task::spawn_local(async move {
            let result = api::new_feed(client_id.get_untracked()).await;
            let _ = pending.try_set(false);
            match result {
                Ok(feed) => {
                    let _ = address.try_set(Some(format!("{}{}", origin(), feed.path)));
                    let _ = state.try_set(crate::ui::Remote::Loaded(CalendarFeedState {
                        created_at: Some(feed.created_at),
                    }));
                }
                Err(failure) => {
                    signed_out_if_expired(session, &failure);
                    let _ = error.try_set(Some(failure.message().to_owned()));
                }
            }
        });
    });
    let revoke = Callback::new(move |()| {
        pending.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = api::revoke_feed(client_id.get_untracked()).await;
            let _ = pending.try_set(false);
            match result {
                Ok(()) => {
                    let _ = address.try_set(None);
                    let _ = state.try_set(crate::ui::Remote::Loaded(CalendarFeedState {
                        created_at: None,
                    }));
                }
                Err(failure) => {
                    signed_out_if_expired(session, &failure);
                    let _ = error.try_set(Some(failure.message().to_owned()));
                }
            }
        });
    });
    view! {
        <section class="family family-calendar" aria-labelledby="calendar-heading">
            <p>
                <a href=paths::FAMILY>"← Zpět na přehled"</a>
            </p>
            <h1 id="calendar-heading">"Rozpis v kalendáři telefonu"</h1>
            <p class="lead">
                "Odkaz vložte do kalendáře v telefonu (přidat kalendář podle adresy). Uvidíte v něm příští návštěvy s časem a křestním jménem pracovníka; změny se v kalendáři samy aktualizují."
            </p>
            <Alert message=error />
            {move || {
                address
                    .get()
                    .map(|address| {
                        let shown = address.clone();
                        view! {
                            <div class="feed-address stack">
                                <label for="feed-address">"Váš odkaz (zobrazí se jen teď)"</label>
                                <input id="feed-address" type="text" readonly value=shown />
                                <button
                                    type="button"
                                    class="button button-large"
                                    on:click=move |_| {
                                        copy(&address);
                                        copied.set(true);
                                    }
                                >
                                    "Zkopírovat odkaz"
                                </button>
                                {move || copied.get().then(|| view! { <p role="status">"Zkopírováno."</p> })}
                            </div>
                        }
                    })
            }}
            {remote_view(
                state.into(),
                reload,
                move |feed: CalendarFeedState| {
                    match feed.created_at {
                        Some(at) => view! {
                            <p class="feed-state">
                                "Odkaz platí od " {short_date_time(at)}
                                ". Když ho vytvoříte znovu, starý přestane fungovat."
                            </p>
                            <div class="actions">
                                <button
                                    type="button"
                                    class="button"
                                    disabled=move || pending.get()
                                    on:click=move |_| make.run(())
                                >
                                    "Vytvořit nový odkaz"
                                </button>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    disabled=move || pending.get()
                                    on:click=move |_| revoke.run(())
                                >
                                    "Zrušit odkaz"
                                </button>
                            </div>
                        }
                        .into_any(),
                        None => view! {
                            <p class="feed-state">"Odkaz zatím nemáte."</p>
                            <button
                                type="button"
                                class="button button-large"
                                disabled=move || pending.get()
                                on:click=move |_| make.run(())
                            >
                                "Vytvořit odkaz"
                            </button>
                        }
                        .into_any(),
                    }
                },
            )}
        </section>
    }
}
