//! Data-loading wrappers: they own the requests and the session, and hand plain data to
//! the presentational components.

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use shared::ErrorDetail;
use shared::identity::{LoginRequest, Me, Password, Username};
use shared::schedule::TodayVisits;
use shared::time::prague_date;

use crate::api::{self, ApiError};
use crate::components::{AppHeader, ErrorPanel, Loading, LoginForm, TodayView};
use crate::paths;
use crate::view_state::{Gate, SessionState, TodayState};

/// The signed-in user, shared by every page through context.
#[derive(Clone, Copy)]
struct Session {
    state: RwSignal<SessionState>,
    gate: Memo<Gate>,
    /// Asks the server who we are; dispatched at start, on retry and when back online.
    check: Action<(), Result<Me, ApiError>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("state", &self.state.get_untracked())
            .finish_non_exhaustive()
    }
}

fn replace() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    }
}

/// `navigator.onLine`, kept current by the window's `online` and `offline` events.
fn online_signal() -> ReadSignal<bool> {
    let (online, set_online) = signal(window().navigator().on_line());
    // The app root lives as long as the page: the listeners never need removing.
    let _ = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    online
}

/// The whole app: header, routes, session.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(SessionState::Checking);
    let gate = Memo::new(move |_| state.with(SessionState::gate));
    let check = Action::new_local(|_: &()| api::me());
    Effect::new(move |_| {
        if let Some(result) = check.value().get() {
            state.set(SessionState::from_me(result));
        }
    });
    check.dispatch(());
    let session = Session { state, gate, check };
    provide_context(session);

    let online = online_signal();
    // Back online after the server could not be reached: ask again.
    Effect::new(move |_| {
        if online.get() && gate.get() == Gate::Unavailable && !check.pending().get_untracked() {
            check.dispatch(());
        }
    });

    let logout = Action::new_local(|_: &()| api::logout());
    Effect::new(move |_| match logout.value().get() {
        Some(Ok(())) => state.set(SessionState::SignedOut),
        Some(Err(error)) if error.is_unauthenticated() => state.set(SessionState::SignedOut),
        _ => {}
    });
    let logout_error = Signal::derive(move || match logout.value().get() {
        Some(Err(error)) if !error.is_unauthenticated() && !logout.pending().get() => {
            Some(format!("Odhlášení se nepodařilo. {}", error.message()))
        }
        _ => None,
    });
    let me = Signal::derive(move || state.with(|s| s.me().cloned()));
    let main = NodeRef::<leptos::html::Main>::new();

    view! {
        <Router>
            <FocusOnNavigation target=main />
            <a class="skip-link" href="#obsah">
                "Přeskočit na obsah"
            </a>
            <AppHeader
                me=me
                online=online
                logout_pending=logout.pending()
                logout_error=logout_error
                on_logout=Callback::new(move |()| {
                    logout.dispatch(());
                })
            />
            <main id="obsah" class="content" tabindex="-1" node_ref=main>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/prihlaseni") view=LoginPage />
                    <Route path=path!("/dnes") view=TodayPage />
                </Routes>
            </main>
        </Router>
    }
}

/// After each route change, moves focus to the new content, so keyboard and screen-reader
/// users start there rather than on a button that no longer exists.
#[component]
fn FocusOnNavigation(target: NodeRef<leptos::html::Main>) -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path)
            && let Some(target) = target.get_untracked()
        {
            let _ = target.focus();
        }
        path
    });
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Stránka nenalezena"</h1>
            <p>
                <a href="/">"Zpět na úvod"</a>
            </p>
        </section>
    }
}

/// The session could not be checked: say why and offer a retry.
#[component]
fn SessionUnavailable() -> impl IntoView {
    let session = expect_context::<Session>();
    let retry = Callback::new(move |()| {
        session.check.dispatch(());
    });
    move || {
        if session.check.pending().get() {
            return view! { <Loading /> }.into_any();
        }
        let message = match session.state.get() {
            SessionState::Unavailable(error) => error.message,
            _ => api::UNREACHABLE_MESSAGE.to_owned(),
        };
        view! { <ErrorPanel message=message on_retry=retry /> }.into_any()
    }
}

/// `/`: to the day when signed in, else to the sign-in form.
#[component]
fn Home() -> impl IntoView {
    let session = expect_context::<Session>();
    move || match session.gate.get() {
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::Unavailable => view! { <SessionUnavailable /> }.into_any(),
        gate => {
            let path = gate.home().unwrap_or(paths::LOGIN);
            view! { <Redirect path=path options=replace() /> }.into_any()
        }
    }
}

/// `/prihlaseni`.
#[component]
fn LoginPage() -> impl IntoView {
    let session = expect_context::<Session>();
    move || match session.gate.get() {
        Gate::SignedIn => view! { <Redirect path=paths::TODAY options=replace() /> }.into_any(),
        _ => view! { <LoginLoader /> }.into_any(),
    }
}

fn parse_credentials(username: &str, password: &str) -> Result<LoginRequest, ErrorDetail> {
    let invalid = |error: shared::error::FieldError| ErrorDetail {
        code: "invalid_input".to_owned(),
        message: error.message,
        field: Some(error.field.to_owned()),
    };
    let username = Username::parse(username).map_err(invalid)?;
    let password = Password::parse(password).map_err(invalid)?;
    Ok(LoginRequest {
        username: username.as_str().to_owned(),
        password: password.expose().to_owned(),
    })
}

#[component]
fn LoginLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let login = Action::new_local(|request: &LoginRequest| api::login(request.clone()));
    let local_error = RwSignal::new(None::<ErrorDetail>);
    Effect::new(move |_| {
        if let Some(Ok(me)) = login.value().get() {
            session.state.set(SessionState::SignedIn(me));
        }
    });
    let pending = login.pending();
    let error = Signal::derive(move || {
        if pending.get() {
            return None;
        }
        local_error.get().or_else(|| match login.value().get() {
            Some(Err(error)) => Some(error.detail()),
            _ => None,
        })
    });
    let submit =
        Callback::new(move |(username, password): (String, String)| {
            match parse_credentials(&username, &password) {
                Ok(request) => {
                    local_error.set(None);
                    login.dispatch(request);
                }
                Err(error) => local_error.set(Some(error)),
            }
        });
    view! {
        <section class="login" aria-labelledby="login-heading">
            <h1 id="login-heading">"Přihlášení"</h1>
            <p class="lead">"E-péče – pečovatelská služba Ústeckého kraje"</p>
            <LoginForm pending=pending error=error on_submit=submit />
        </section>
    }
}

/// `/dnes`: only for the signed-in.
#[component]
fn TodayPage() -> impl IntoView {
    let session = expect_context::<Session>();
    move || match session.gate.get() {
        Gate::SignedIn => view! { <TodayLoader /> }.into_any(),
        Gate::SignedOut => view! { <Redirect path=paths::LOGIN options=replace() /> }.into_any(),
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::Unavailable => view! { <SessionUnavailable /> }.into_any(),
    }
}

#[component]
fn TodayLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let load: Action<(), Result<TodayVisits, ApiError>> =
        Action::new_local(|_: &()| api::today_visits());
    load.dispatch(());
    Effect::new(move |_| {
        if let Some(Err(error)) = load.value().get()
            && error.is_unauthenticated()
        {
            session.state.set(SessionState::SignedOut);
        }
    });
    let state = Signal::derive(move || {
        if load.pending().get() {
            return TodayState::Loading;
        }
        match load.value().get() {
            None => TodayState::Loading,
            Some(result) => TodayState::from_result(result),
        }
    });
    view! {
        <TodayView
            today=prague_date(Utc::now())
            state=state
            on_retry=Callback::new(move |()| {
                load.dispatch(());
            })
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_parsed_before_they_are_sent() {
        let request = parse_credentials("  Pecovatelka.Decin ", "demo1234").expect("valid");
        assert_eq!(request.username, "pecovatelka.decin");
        assert_eq!(request.password, "demo1234");
    }

    #[test]
    fn a_missing_password_names_the_password_field() {
        let error = parse_credentials("pecovatelka.decin", "").expect_err("empty password");
        assert_eq!(error.field.as_deref(), Some("password"));
        assert_eq!(error.message, "Zadejte heslo.");
    }

    #[test]
    fn a_missing_username_names_the_username_field() {
        let error = parse_credentials("", "x").expect_err("empty username");
        assert_eq!(error.field.as_deref(), Some("username"));
    }
}
