//! Who is signed in: the session every page reads through context, the guard that shows a
//! page only to its roles, and the helpers pages load and sign in with.

pub mod nav;
pub mod state;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_location, use_navigate};
use shared::identity::{DemoStatus, Me, Role};

use crate::offline_store::{self, keys};
use crate::paths;
use crate::remote::{self, ApiError};
use crate::ui::chrome::{AppHeader, MainNav};
use crate::ui::form::FormAction;
use crate::ui::{DemoBanner, ErrorPanel, Loading, Remote};
pub use nav::nav_items;
pub use state::{Gate, SessionState, home_for};

/// How long a sign-in opens the app offline: as long as a session lasts at most (12 h).
const KEPT_SIGN_IN_MILLIS: f64 = 12.0 * 60.0 * 60.0 * 1000.0;

/// The signed-in user, shared by every page through context.
#[derive(Clone, Copy)]
pub(crate) struct Session {
    state: RwSignal<SessionState>,
    gate: Memo<Gate>,
    /// Asks the server who we are; dispatched at start, on retry and when back online.
    check: Action<(), Result<Me, ApiError>>,
    /// `navigator.onLine`, kept current.
    online: ReadSignal<bool>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("state", &self.state.get_untracked())
            .finish_non_exhaustive()
    }
}

impl Session {
    /// Asks the server who is signed in (or, offline, what the device kept), keeps the
    /// answer on the device, asks again when back online, and provides the session.
    pub(crate) fn start() -> Self {
        let state = RwSignal::new(SessionState::Checking);
        let gate = Memo::new(move |_| state.with(SessionState::gate));
        let check = Action::new_local(|_: &()| remote::me());
        // Signed in from what the device kept, the server not reached yet (offline).
        let kept = RwSignal::new(false);
        Effect::new(move |_| match check.value().get() {
            // Offline: the caregiver who signed in on this device goes on with what it kept.
            Some(Err(ApiError::Unreachable)) => leptos::task::spawn_local(async move {
                // The kept sign-in expires like a session does.
                let until = offline_store::load::<f64>(keys::ME_UNTIL).await;
                let fresh = matches!(until, Ok(Some(until)) if until > js_sys::Date::now());
                match offline_store::load::<Me>(keys::ME).await {
                    Ok(Some(me)) if fresh => {
                        kept.set(true);
                        state.set(SessionState::SignedIn(me));
                    }
                    _ => state.set(SessionState::from_me(Err(ApiError::Unreachable))),
                }
            }),
            Some(result) => {
                kept.set(false);
                state.set(SessionState::from_me(result));
            }
            None => {}
        });
        // The device remembers who signed in, and forgets them (and their route) on signing out.
        Effect::new(move |_| match state.get() {
            SessionState::SignedIn(me) => leptos::task::spawn_local(async move {
                let _ = offline_store::save(keys::ME, &me).await;
                if !kept.get_untracked() {
                    let until = js_sys::Date::now() + KEPT_SIGN_IN_MILLIS;
                    let _ = offline_store::save(keys::ME_UNTIL, &until).await;
                }
            }),
            // Nothing readable stays on a shared phone; sign-out waited for unsent records.
            SessionState::SignedOut => leptos::task::spawn_local(async {
                let _ = offline_store::forget_all_but_device_and_unsent().await;
            }),
            SessionState::Checking | SessionState::Unavailable(_) => {}
        });
        check.dispatch(());
        let online = online_signal();
        let session = Session {
            state,
            gate,
            check,
            online,
        };
        provide_context(session);
        // Back online after the server could not be reached: ask again.
        Effect::new(move |_| {
            if online.get()
                && (gate.get() == Gate::Unavailable || kept.get())
                && !check.pending().get_untracked()
            {
                check.dispatch(());
            }
        });
        session
    }

    /// The signed-in user's id and role (tracked).
    pub(crate) fn me(&self) -> Option<(String, Role)> {
        self.state
            .with(|state| state.me().map(|me| (me.user_id.clone(), me.role)))
    }

    /// The signed-in user, as of now (untracked).
    pub(crate) fn me_now(&self) -> Option<Me> {
        self.state.with_untracked(|state| state.me().cloned())
    }

    /// Whether the device is online (tracked).
    pub(crate) fn online(&self) -> ReadSignal<bool> {
        self.online
    }

    /// The coarse state pages are guarded by (tracked).
    pub(crate) fn gate(&self) -> Gate {
        self.gate.get()
    }

    /// Where the signed-in user starts, once known (untracked).
    pub(crate) fn home(&self) -> Option<&'static str> {
        self.state.with_untracked(SessionState::home)
    }

    pub(crate) fn sign_in(&self, me: Me) {
        self.state.set(SessionState::SignedIn(me));
    }

    pub(crate) fn sign_out(&self) {
        self.state.set(SessionState::SignedOut);
    }
}

/// Redirects replace the history entry: "back" must not land on a redirect again.
pub(crate) fn replace() -> NavigateOptions {
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

/// The header with the signed-in user and signing out.
#[component]
pub fn SessionHeader() -> impl IntoView {
    let session = expect_context::<Session>();
    // Unsent records would be lost with the device's data: sign out only once they are sent.
    let logout = Action::new_local(|_: &()| async {
        match offline_store::waiting_records().await {
            Ok(0) => remote::logout().await,
            Ok(waiting) => Err(unsent_records(waiting)),
            Err(_) => Err(unsent_records(1)),
        }
    });
    Effect::new(move |_| match logout.value().get() {
        Some(Ok(())) => session.sign_out(),
        Some(Err(error)) if error.is_unauthenticated() => session.sign_out(),
        _ => {}
    });
    let logout_error = Signal::derive(move || match logout.value().get() {
        Some(Err(error)) if !error.is_unauthenticated() && !logout.pending().get() => {
            Some(format!("Odhlášení se nepodařilo. {}", error.message()))
        }
        _ => None,
    });
    let me = Signal::derive(move || session.state.with(|s| s.me().cloned()));
    // Asked once per page load; a failure shows no banner (the server says so next time).
    let (demo, set_demo) = signal(false);
    leptos::task::spawn_local(async move {
        if let Ok(status) = remote::get::<DemoStatus>("/api/auth/demo").await {
            set_demo.set(status.demo_accounts);
        }
    });
    view! {
        <Show when=move || demo.get()>
            <DemoBanner />
        </Show>
        <AppHeader
            me=me
            online=session.online
            logout_pending=logout.pending()
            logout_error=logout_error
            on_logout=Callback::new(move |()| {
                logout.dispatch(());
            })
        />
    }
}

/// Refuses signing out while records wait: Czech, with the count.
fn unsent_records(waiting: usize) -> ApiError {
    let records = match waiting {
        1 => "je 1 neodeslaný záznam".to_owned(),
        2..=4 => format!("jsou {waiting} neodeslané záznamy"),
        _ => format!("je {waiting} neodeslaných záznamů"),
    };
    ApiError::Http {
        status: 409,
        error: shared::ErrorDetail {
            code: "unsent_records".into(),
            message: format!(
                "V telefonu {records}. Připojte se k internetu a nechte je odeslat; pak se odhlaste, jinak by se ztratily."
            ),
            field: None,
        },
    }
}

/// The main navigation for the signed-in user's role.
#[component]
pub fn Navigation() -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    let role = Memo::new(move |_| session.state.with(SessionState::role));
    let current = Signal::derive(move || location.pathname.get());
    move || {
        role.get().map(|role| {
            view! { <MainNav items=nav_items(role) current=current /> }
        })
    }
}

#[component]
fn Forbidden() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Sem nemáte přístup"</h1>
            <p>"Tato stránka je určena jiné roli."</p>
            <p>
                <a href="/">"Zpět na úvod"</a>
            </p>
        </section>
    }
}

/// Shows `children` only to a signed-in user of one of `roles`; sends the signed-out to the
/// sign-in form.
#[component]
pub(crate) fn RequireRole(roles: &'static [Role], children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let allowed = Memo::new(move |_| {
        session
            .state
            .with(SessionState::role)
            .is_some_and(|role| roles.contains(&role))
    });
    move || match session.gate() {
        Gate::SignedIn if allowed.get() => children().into_any(),
        Gate::SignedIn => view! { <Forbidden /> }.into_any(),
        Gate::SignedOut => view! { <Redirect path=paths::LOGIN options=replace() /> }.into_any(),
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::Unavailable => view! { <SessionUnavailable /> }.into_any(),
    }
}

/// A request failed because the session ended: the app goes back to the sign-in form.
pub(crate) fn signed_out_if_expired(session: Session, error: &ApiError) {
    if error.is_unauthenticated() {
        session.sign_out();
    }
}

/// A public form whose success signs the user in: the session is set and the user lands on
/// their role's home.
pub(crate) fn signs_in<I: Clone + Send + Sync + 'static>(form: FormAction<I, Me>) {
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(me)) = form.value().get() {
            let home = home_for(me.role);
            session.sign_in(me);
            navigate(home, replace());
        }
    });
}

/// The session could not be checked: say why and offer a retry.
#[component]
pub(crate) fn SessionUnavailable() -> impl IntoView {
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
            _ => remote::UNREACHABLE_MESSAGE.to_owned(),
        };
        view! { <ErrorPanel message=message on_retry=retry /> }.into_any()
    }
}

/// A page's data: loaded once on mount and again through the returned callback (retry).
/// Plain tasks rather than an `Action` per type: the same behaviour, less code to download.
pub(crate) fn loader<T, F, Fut>(session: Session, fetch: F) -> (Callback<()>, RwSignal<Remote<T>>)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let state = RwSignal::new(Remote::Loading);
    let load = Callback::new(move |()| {
        state.set(Remote::Loading);
        let request = fetch();
        leptos::task::spawn_local(async move {
            let result = request.await;
            if let Err(error) = &result {
                signed_out_if_expired(session, error);
            }
            // The page may have been left meanwhile.
            let _ = state.try_set(Remote::from_result(result));
        });
    });
    load.run(());
    (load, state)
}
