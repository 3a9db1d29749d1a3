//! Presentational components: they take data and callbacks as props, never fetch, never
//! navigate. The DOM tests mount them directly.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::Me;
use shared::schedule::VisitView;

use crate::view_state::{
    TodayState, capitalized, czech_date, machine_instant, time_range, visit_count,
};

/// "Loading" in one place, announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status" role="status">"Načítám…"</p> }
}

/// A failure the user can retry.
#[component]
pub fn ErrorPanel(
    #[prop(into)] message: String,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-message">{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Zkusit znovu"
            </button>
        </div>
    }
}

/// The top bar: brand, who is signed in, connection state, logout.
#[component]
pub fn AppHeader(
    #[prop(into)] me: Signal<Option<Me>>,
    #[prop(into)] online: Signal<bool>,
    #[prop(into)] logout_pending: Signal<bool>,
    #[prop(into)] logout_error: Signal<Option<String>>,
    #[prop(into)] on_logout: Callback<()>,
) -> impl IntoView {
    view! {
        <header class="app-header">
            <a class="brand" href="/">
                "E-péče"
            </a>
            <p
                class="net"
                class:net-offline=move || !online.get()
                role="status"
                aria-live="polite"
            >
                <span class="net-dot" aria-hidden="true"></span>
                {move || if online.get() { "Připojeno" } else { "Bez připojení" }}
            </p>
            {move || {
                me.get()
                    .map(|me| {
                        view! {
                            <div class="user">
                                <p class="user-who">
                                    <span class="user-name">{me.display_name}</span>
                                    <span class="user-role">{me.role.label()}</span>
                                </p>
                                <button
                                    type="button"
                                    class="button button-quiet"
                                    disabled=move || logout_pending.get()
                                    on:click=move |_| on_logout.run(())
                                >
                                    {move || {
                                        if logout_pending.get() { "Odhlašuji…" } else { "Odhlásit se" }
                                    }}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                logout_error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="header-error" role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
        </header>
    }
}

/// The sign-in form. Reads the inputs on submit (so browser autofill counts) and hands
/// `(username, password)` to `on_submit`.
#[component]
pub fn LoginForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<(String, String)>,
) -> impl IntoView {
    let username = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let invalid = move |name: &'static str| {
        move || {
            error
                .with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(name))
                .then_some("true")
        }
    };
    let described = move |name: &'static str| {
        move || {
            error
                .with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(name))
                .then_some("login-error")
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let value = |input: NodeRef<leptos::html::Input>| {
            input.get_untracked().map(|i| i.value()).unwrap_or_default()
        };
        on_submit.run((value(username), value(password)));
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
                    aria-invalid=invalid("username")
                    aria-describedby=described("username")
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
                    aria-invalid=invalid("password")
                    aria-describedby=described("password")
                />
            </div>
            {move || {
                error
                    .get()
                    .map(|error| {
                        view! {
                            <p id="login-error" class="form-error" role="alert">
                                {error.message}
                            </p>
                        }
                    })
            }}
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Přihlašuji…" } else { "Přihlásit se" }}
            </button>
        </form>
    }
}

/// The caregiver's day: heading with the Czech date, then loading, empty, failed or the
/// list of visits.
#[component]
pub fn TodayView(
    /// The Prague date on this device, shown until the server says which day it is.
    #[prop(into)]
    today: Signal<NaiveDate>,
    #[prop(into)] state: Signal<TodayState>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let date = move || state.with(TodayState::date).unwrap_or_else(|| today.get());
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h1 id="today-heading">
                <span class="eyebrow">"Dnešní návštěvy"</span>
                <time class="today-date" datetime=move || date().to_string()>
                    {move || capitalized(&czech_date(date()))}
                </time>
            </h1>
            {move || match state.get() {
                TodayState::Loading => view! { <Loading /> }.into_any(),
                TodayState::Empty { .. } => {
                    view! { <p class="empty">"Dnes nemáte žádné návštěvy."</p> }.into_any()
                }
                TodayState::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
                }
                TodayState::Loaded(day) => {
                    view! {
                        <p class="summary">{visit_count(day.visits.len())}</p>
                        <ol class="visits">
                            {day
                                .visits
                                .into_iter()
                                .map(|visit| view! { <VisitCard visit=visit /> })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// One visit on the route.
#[component]
pub fn VisitCard(visit: VisitView) -> impl IntoView {
    let heading_id = format!("visit-{}", visit.id);
    let labelled_by = heading_id.clone();
    let range = time_range(visit.starts_at, visit.ends_at);
    let starts = machine_instant(visit.starts_at);
    let status = visit.status;
    let tasks = (!visit.tasks.is_empty()).then(|| {
        view! {
            <ul class="visit-tasks" aria-label="Úkony">
                {visit.tasks.into_iter().map(|task| view! { <li>{task}</li> }).collect_view()}
            </ul>
        }
    });
    let note = visit.doorstep_note.map(|note| {
        view! {
            <p class="visit-note">
                <strong>"U dveří: "</strong>
                {note}
            </p>
        }
    });
    view! {
        <li class="visit" data-status=status.as_str()>
            <article aria-labelledby=labelled_by>
                <div class="visit-head">
                    <p class="visit-time">
                        <time datetime=starts>{range}</time>
                    </p>
                    <span class=format!("badge badge-{}", status.as_str())>{status.label()}</span>
                </div>
                <h2 id=heading_id class="visit-client">
                    {visit.client_name}
                </h2>
                <address class="visit-address">
                    {visit.address} ", " {visit.municipality}
                </address>
                {tasks}
                {note}
            </article>
        </li>
    }
}
