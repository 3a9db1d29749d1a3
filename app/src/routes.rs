//! Data-loading wrappers: they own the requests and the session, and hand plain data to
//! the presentational components.

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::path;
use shared::ErrorDetail;
use shared::identity::{
    LoginRequest, Me, OneTimeCode, Password, Role, StaffChange, StaffMember, Username,
};
use shared::time::prague_date;

use crate::api::{self, ApiError};
use crate::attention_page::AttentionPage;
use crate::caregiver_page::CaregiverPage;
use crate::clients_page::{CarePlanPage, ClientsPage};
use crate::components::{
    AccountSummary, AppHeader, AuditTable, ConfirmAction, ErrorPanel, FamilyLinksList,
    FamilySchedule, InvitationForm, Loading, LoginForm, MainNav, NewStaffForm, OneTimeCodePanel,
    PasswordChangeForm, PasswordResetForm, StaffList, TodayView,
};
use crate::offline::{self, CaregiverSyncStatus, Offline, VisitRecordSlot};
use crate::offline_store::{self, keys};
use crate::paths;
use crate::view_state::{
    ClientSchedule, Gate, Remote, SessionState, TodayState, access, group_by_prague_day, home_for,
    nav_items, parse_invitation, parse_new_staff, parse_password_change, parse_password_reset,
    short_date_time, sort_staff,
};
use crate::week_page::WeekPage;

/// The signed-in user, shared by every page through context.
#[derive(Clone, Copy)]
pub(crate) struct Session {
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

impl Session {
    /// The signed-in user's id and role (tracked).
    pub(crate) fn me(&self) -> Option<(String, Role)> {
        self.state
            .with(|state| state.me().map(|me| (me.user_id.clone(), me.role)))
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
    // Signed in from what the device kept, the server not reached yet (offline).
    let kept = RwSignal::new(false);
    Effect::new(move |_| match check.value().get() {
        // Offline: the caregiver who signed in on this device goes on with what it kept.
        Some(Err(ApiError::Unreachable)) => leptos::task::spawn_local(async move {
            match offline_store::load::<Me>(keys::ME).await {
                Ok(Some(me)) => {
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
        }),
        SessionState::SignedOut => leptos::task::spawn_local(async {
            let _ = offline_store::remove(keys::ME).await;
            let _ = offline_store::remove(keys::ROUTE).await;
        }),
        SessionState::Checking | SessionState::Unavailable(_) => {}
    });
    check.dispatch(());
    let session = Session { state, gate, check };
    provide_context(session);

    let online = online_signal();
    // Back online after the server could not be reached: ask again.
    Effect::new(move |_| {
        if online.get()
            && (gate.get() == Gate::Unavailable || kept.get())
            && !check.pending().get_untracked()
        {
            check.dispatch(());
        }
    });
    Offline::provide(session, online);

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
            <Navigation />
            <CaregiverSyncStatus />
            <main id="obsah" class="content" tabindex="-1" node_ref=main>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/prihlaseni") view=LoginPage />
                    <Route path=path!("/dnes") view=TodayPage />
                    <Route path=path!("/ucet") view=AccountPage />
                    <Route path=path!("/pracovnici") view=StaffPage />
                    <Route path=path!("/klienti") view=ClientsPage />
                    <Route path=path!("/klienti/:client_id/plan") view=CarePlanPage />
                    <Route path=path!("/klienti/:client_id/rodina") view=ClientFamilyPage />
                    <Route path=path!("/rodina") view=FamilyPage />
                    <Route path=path!("/audit") view=AuditPage />
                    <Route path=path!("/tyden") view=WeekPage />
                    <Route path=path!("/tyden/:monday") view=WeekPage />
                    <Route path=path!("/udalosti") view=AttentionPage />
                    <Route path=path!("/pecovatele/:id") view=CaregiverPage />
                    <Route path=path!("/pozvanka") view=InvitationPage />
                    <Route path=path!("/obnova-hesla") view=PasswordResetPage />
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

/// The main navigation for the signed-in user's role.
#[component]
fn Navigation() -> impl IntoView {
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
fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Stránka nenalezena"</h1>
            <p>"Tato adresa v aplikaci neexistuje. Možná je v ní překlep."</p>
            <p>
                <a href="/">"Zpět na úvod"</a>
            </p>
        </section>
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
    move || match session.gate.get() {
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
        session.state.set(SessionState::SignedOut);
    }
}

/// The error of an action to show in its form: a local check's, else the server's.
/// A form's request to the server and the error the form shows: its own check before
/// sending, or else the server's answer.
pub(crate) struct FormAction<I: 'static, O: 'static> {
    action: Action<I, Result<O, ApiError>>,
    local_error: RwSignal<Option<ErrorDetail>>,
}

impl<I: 'static, O: 'static> Clone for FormAction<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for FormAction<I, O> {}

impl<I, O> FormAction<I, O>
where
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    pub(crate) fn new<F, Fut>(call: F) -> Self
    where
        F: Fn(I) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<O, ApiError>> + 'static,
    {
        Self {
            action: Action::new_local(move |input: &I| call(input.clone())),
            local_error: RwSignal::new(None),
        }
    }

    /// Sends what the form checked, or shows why it was not sent.
    pub(crate) fn submit(self, checked: Result<I, ErrorDetail>) {
        match checked {
            Ok(input) => {
                self.local_error.set(None);
                self.action.dispatch(input);
            }
            Err(error) => {
                self.action.value().set(None);
                self.local_error.set(Some(error));
            }
        }
    }

    pub(crate) fn pending(self) -> Memo<bool> {
        self.action.pending()
    }

    pub(crate) fn value(self) -> MappedSignal<Option<Result<O, ApiError>>> {
        self.action.value()
    }

    pub(crate) fn error(self) -> Signal<Option<ErrorDetail>> {
        form_error(self.action, self.local_error)
    }
}

/// A public form whose success signs the user in: the session is set and the user lands on
/// their role's home.
fn signs_in<I: Clone + Send + Sync + 'static>(form: FormAction<I, Me>) {
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(me)) = form.value().get() {
            let home = home_for(me.role);
            session.state.set(SessionState::SignedIn(me));
            navigate(home, replace());
        }
    });
}

fn form_error<I: 'static, O: Clone + Send + Sync + 'static>(
    action: Action<I, Result<O, ApiError>>,
    local: RwSignal<Option<ErrorDetail>>,
) -> Signal<Option<ErrorDetail>> {
    Signal::derive(move || {
        if action.pending().get() {
            return None;
        }
        local.get().or_else(|| match action.value().get() {
            Some(Err(error)) => Some(error.detail()),
            _ => None,
        })
    })
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

/// `/`: to the role's home when signed in, else to the sign-in form.
#[component]
fn Home() -> impl IntoView {
    let session = expect_context::<Session>();
    move || match session.gate.get() {
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::Unavailable => view! { <SessionUnavailable /> }.into_any(),
        _ => {
            let path = session
                .state
                .with_untracked(SessionState::home)
                .unwrap_or(paths::LOGIN);
            view! { <Redirect path=path options=replace() /> }.into_any()
        }
    }
}

/// `/prihlaseni`.
#[component]
fn LoginPage() -> impl IntoView {
    let session = expect_context::<Session>();
    // Only signing in changes this page. Checking → signed out must not rebuild the form:
    // that would drop what the user has typed while the session check was under way.
    let signed_in = Memo::new(move |_| session.gate.get() == Gate::SignedIn);
    move || {
        if signed_in.get() {
            let path = session
                .state
                .with_untracked(SessionState::home)
                .unwrap_or(paths::ACCOUNT);
            view! { <Redirect path=path options=replace() /> }.into_any()
        } else {
            view! { <LoginLoader /> }.into_any()
        }
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
    let login = FormAction::new(api::login);
    // Signing in is all this page does: `LoginPage` sends the user home.
    Effect::new(move |_| {
        if let Some(Ok(me)) = login.value().get() {
            session.state.set(SessionState::SignedIn(me));
        }
    });
    let pending = login.pending();
    let error = login.error();
    let submit = Callback::new(move |(username, password): (String, String)| {
        login.submit(parse_credentials(&username, &password));
    });
    view! {
        <section class="login" aria-labelledby="login-heading">
            <h1 id="login-heading">"Přihlášení"</h1>
            <p class="lead">"E-péče – pečovatelská služba Ústeckého kraje"</p>
            <LoginForm pending=pending error=error on_submit=submit />
        </section>
    }
}

/// `/dnes`: the day's visits, for the staff who have them.
#[component]
fn TodayPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::TODAY>
            <TodayLoader />
        </RequireRole>
    }
}

#[component]
fn TodayLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let offline = expect_context::<Offline>();
    let (user_id, role) = session
        .state
        .with_untracked(|s| s.me().map(|me| (me.user_id.clone(), Some(me.role))))
        .unwrap_or_default();
    let kept_at = RwSignal::new(None);
    let fetch = move || offline::today_visits(user_id.clone(), role, kept_at);
    let fetch = StoredValue::new(fetch);
    let (load, visits) = loader(session, move || fetch.with_value(|fetch| fetch()));
    // Back online: the day from the server, quietly: the cards (and a half-filled record)
    // stay unless the day has changed.
    Effect::new(move |was_online: Option<bool>| {
        let online = offline.online.get();
        if was_online == Some(false) && online {
            let request = fetch.with_value(|fetch| fetch());
            leptos::task::spawn_local(async move {
                let fresh = Remote::from_result(request.await);
                if visits.with_untracked(|current| *current != fresh) {
                    let _ = visits.try_set(fresh);
                }
            });
        }
        online
    });
    let state = Signal::derive(move || TodayState::from_remote(visits.get()));
    let notice = Signal::derive(move || {
        kept_at.get().map(|at| {
            format!(
                "Bez připojení: návštěvy uložené v telefonu {}.",
                short_date_time(at)
            )
        })
    });
    let record = (role == Some(Role::Caregiver))
        .then(|| Callback::new(|visit| view! { <VisitRecordSlot visit=visit /> }.into_any()));
    view! {
        <TodayView
            today=prague_date(Utc::now())
            state=state
            on_retry=load
            notice=notice
            record=record
        />
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

/// `/ucet`: who I am, my password, signing out everywhere. Every role.
#[component]
fn AccountPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::ACCOUNT>
            <AccountLoader />
        </RequireRole>
    }
}

#[component]
fn AccountLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let me = session.state.with_untracked(|s| s.me().cloned());
    let username = me
        .as_ref()
        .map(|me| me.username.clone())
        .unwrap_or_default();

    let change = FormAction::new(api::change_password);
    Effect::new(move |_| {
        if let Some(Err(error)) = change.value().get() {
            signed_out_if_expired(session, &error);
        }
    });
    let done = Signal::derive(move || matches!(change.value().get(), Some(Ok(()))));
    let submit = Callback::new(move |(current, new, again): (String, String, String)| {
        change.submit(parse_password_change(&current, &new, &again, &username));
    });

    let everywhere = Action::new_local(|_: &()| api::logout_everywhere());
    Effect::new(move |_| match everywhere.value().get() {
        Some(Ok(())) => session.state.set(SessionState::SignedOut),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let everywhere_error = move || match everywhere.value().get() {
        Some(Err(error)) if !everywhere.pending().get() => Some(view! {
            <p class="form-error" role="alert">
                {error.message().to_owned()}
            </p>
        }),
        _ => None,
    };

    view! {
        <section class="account" aria-labelledby="account-heading">
            <h1 id="account-heading">"Můj účet"</h1>
            {me.map(|me| view! { <AccountSummary me=me /> })}
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
                {everywhere_error}
            </section>
        </section>
    }
}

/// A one-time code to show, with the heading and instructions the panel needs.
#[derive(Debug, Clone, PartialEq)]
struct ShownCode {
    heading: String,
    instructions: String,
    code: OneTimeCode,
}

/// `/pracovnici`: the manager's staff list, new accounts, roles, deactivation, new codes.
#[component]
fn StaffPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::STAFF>
            <StaffLoader />
        </RequireRole>
    }
}

const STAFF_CODE_INSTRUCTIONS: &str =
    "Předejte kód pracovníkovi. Zadá ho spolu s novým heslem a tím se poprvé přihlásí.";

#[component]
fn StaffLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let self_id = session
        .state
        .with_untracked(|s| s.me().map(|me| me.user_id.clone()))
        .unwrap_or_default();
    let (load, state) = loader(session, api::staff);
    let shown = RwSignal::new(None::<ShownCode>);
    let busy = RwSignal::new(None::<String>);
    let list_error = RwSignal::new(None::<String>);

    let replace_member = move |member: StaffMember| {
        state.update(|state| {
            if let Remote::Loaded(staff) = state {
                match staff.iter_mut().find(|m| m.user_id == member.user_id) {
                    Some(slot) => *slot = member,
                    None => staff.push(member),
                }
                sort_staff(staff);
            }
        });
    };
    let name_of = move |user_id: &str| {
        state.with_untracked(|state| match state {
            Remote::Loaded(staff) => staff
                .iter()
                .find(|m| m.user_id == user_id)
                .map(|m| m.display_name.clone()),
            _ => None,
        })
    };

    // New staff member.
    let create = FormAction::new(api::create_staff);
    Effect::new(move |_| match create.value().get() {
        Some(Ok(created)) => {
            shown.set(Some(ShownCode {
                heading: format!("Jednorázový kód pro účet {}", created.member.display_name),
                instructions: format!(
                    "{STAFF_CODE_INSTRUCTIONS} Přihlašovací jméno: {}.",
                    created.member.username
                ),
                code: created.one_time_code,
            }));
            replace_member(created.member);
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let submit = Callback::new(
        move |(username, display_name, role): (String, String, String)| {
            create.submit(parse_new_staff(&username, &display_name, &role));
        },
    );

    // Changes to one member: role, active, password reset.
    let update = Action::new_local(|(id, change): &(String, StaffChange)| {
        api::update_staff(id.clone(), change.clone())
    });
    Effect::new(move |_| {
        if update.pending().get() {
            return;
        }
        match update.value().get() {
            Some(Ok(member)) => {
                busy.set(None);
                replace_member(member);
            }
            Some(Err(error)) => {
                busy.set(None);
                signed_out_if_expired(session, &error);
                list_error.set(Some(error.message().to_owned()));
            }
            None => {}
        }
    });
    let reset = Action::new_local(|id: &String| api::reset_staff_password(id.clone()));
    Effect::new(move |_| {
        if reset.pending().get() {
            return;
        }
        let Some(result) = reset.value().get() else {
            return;
        };
        let id = busy.get_untracked().unwrap_or_default();
        busy.set(None);
        match result {
            Ok(code) => {
                let name = name_of(&id).unwrap_or_default();
                shown.set(Some(ShownCode {
                    heading: format!("Jednorázový kód pro účet {name}"),
                    instructions: STAFF_CODE_INSTRUCTIONS.to_owned(),
                    code,
                }));
            }
            Err(error) => {
                signed_out_if_expired(session, &error);
                list_error.set(Some(error.message().to_owned()));
            }
        }
    });
    let change = move |id: String, change: StaffChange| {
        list_error.set(None);
        busy.set(Some(id.clone()));
        update.dispatch((id, change));
    };
    let on_role = Callback::new(move |(id, role): (String, Role)| {
        change(
            id,
            StaffChange {
                role: Some(role),
                active: None,
            },
        )
    });
    let on_active = Callback::new(move |(id, active): (String, bool)| {
        change(
            id,
            StaffChange {
                role: None,
                active: Some(active),
            },
        )
    });
    let on_reset = Callback::new(move |id: String| {
        list_error.set(None);
        busy.set(Some(id.clone()));
        reset.dispatch(id);
    });

    let staff = Signal::derive(move || match state.get() {
        Remote::Loaded(staff) => staff,
        _ => Vec::new(),
    });
    let list = move || match state.get() {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => view! {
            <ErrorPanel
                message=error.message
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        }
        .into_any(),
        Remote::Loaded(_) => view! {
            <StaffList
                staff=staff
                self_id=self_id.clone()
                busy=busy
                on_role=on_role
                on_active=on_active
                on_reset=on_reset
            />
        }
        .into_any(),
    };

    view! {
        <section class="staff-page" aria-labelledby="staff-heading">
            <h1 id="staff-heading" class="no-print">"Pracovníci"</h1>
            {move || {
                shown
                    .get()
                    .map(|shown_code| {
                        view! {
                            <OneTimeCodePanel
                                heading=shown_code.heading
                                code=shown_code.code
                                redeem_path=paths::REDEEM_PASSWORD_RESET
                                instructions=shown_code.instructions
                                on_close=Callback::new(move |()| shown.set(None))
                            />
                        }
                    })
            }}
            <section class="card no-print" aria-labelledby="new-staff-heading">
                <h2 id="new-staff-heading">"Přidat pracovníka"</h2>
                <p class="lead">
                    "Nový účet dostane jednorázový kód, kterým si pracovník nastaví heslo."
                </p>
                <NewStaffForm
                    pending=create.pending()
                    error=create.error()
                    done=Signal::derive(move || matches!(create.value().get(), Some(Ok(_))))
                    on_submit=submit
                />
            </section>
            <section class="no-print" aria-labelledby="staff-list-heading">
                <h2 id="staff-list-heading">"Seznam pracovníků"</h2>
                {move || {
                    list_error
                        .get()
                        .map(|message| {
                            view! {
                                <p class="form-error" role="alert">
                                    {message}
                                </p>
                            }
                        })
                }}
                {list}
            </section>
        </section>
    }
}

/// `/klienti/:client_id/rodina`: who of the family sees the client's schedule; invitations.
#[component]
fn ClientFamilyPage() -> impl IntoView {
    let params = use_params_map();
    // A new client id (the router keeps the page) means a fresh page: links, codes, errors.
    let client_id = Memo::new(move |_| params.with(|p| p.get("client_id").unwrap_or_default()));
    view! {
        <RequireRole roles=access::CLIENT_FAMILY>
            {move || view! { <ClientFamilyLoader client_id=client_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn ClientFamilyLoader(client_id: String) -> impl IntoView {
    let session = expect_context::<Session>();

    let (load, state) = {
        let client_id = client_id.clone();
        loader(session, move || api::family_links(client_id.clone()))
    };

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
    let invite_error = move || match invite.value().get() {
        Some(Err(error)) if !invite.pending().get() => Some(view! {
            <p class="form-error" role="alert">
                {error.message().to_owned()}
            </p>
        }),
        _ => None,
    };

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
                if let Remote::Loaded(links) = state {
                    links.retain(|link| link.link_id != id);
                }
            }),
            Err(error) => {
                signed_out_if_expired(session, &error);
                revoke_error.set(Some(error.message().to_owned()));
            }
        }
    });

    let invite_id = client_id.clone();
    view! {
        <section class="client-family" aria-labelledby="client-family-heading">
            <h1 id="client-family-heading" class="no-print">
                "Rodina klienta"
            </h1>
            <p class="lead no-print">
                "Klient " <code>{client_id}</code>
                ": kdo z rodiny vidí rozpis návštěv, a pozvánky pro další."
            </p>
            {move || {
                shown
                    .get()
                    .map(|shown_code| {
                        view! {
                            <OneTimeCodePanel
                                heading=shown_code.heading
                                code=shown_code.code
                                redeem_path=paths::REDEEM_INVITATION
                                instructions=shown_code.instructions
                                on_close=Callback::new(move |()| shown.set(None))
                            />
                        }
                    })
            }}
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
                {invite_error}
            </section>
            <section class="no-print" aria-labelledby="links-heading">
                <h2 id="links-heading">"Kdo z rodiny má přístup"</h2>
                {move || {
                    revoke_error
                        .get()
                        .map(|message| {
                            view! {
                                <p class="form-error" role="alert">
                                    {message}
                                </p>
                            }
                        })
                }}
                <FamilyLinksList
                    state=state
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
        </section>
    }
}

/// The linked clients and each one's next two weeks; one client's failure stays with them.
async fn family_schedules() -> Result<Vec<ClientSchedule>, ApiError> {
    let clients = api::my_clients().await?;
    let mut schedules = Vec::with_capacity(clients.len());
    for client in clients {
        let schedule = match api::client_visits(client.client_id.clone()).await {
            Ok(visits) => Remote::Loaded(group_by_prague_day(visits.visits)),
            Err(error) if error.is_unauthenticated() => return Err(error),
            Err(error) => Remote::Failed(error.detail()),
        };
        schedules.push(ClientSchedule { client, schedule });
    }
    Ok(schedules)
}

/// `/rodina`: the family member's home, "kdo přijde kdy".
#[component]
fn FamilyPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::FAMILY>
            <FamilyLoader />
        </RequireRole>
    }
}

#[component]
fn FamilyLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, state) = loader(session, family_schedules);
    view! {
        <section class="family" aria-labelledby="family-heading">
            <h1 id="family-heading">
                <span class="eyebrow">"Příští dva týdny"</span>
                "Kdo přijde kdy"
            </h1>
            <FamilySchedule
                state=state
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        </section>
    }
}

/// `/audit`: the manager's log of who read or changed what.
#[component]
fn AuditPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::AUDIT>
            <AuditLoader />
        </RequireRole>
    }
}

#[component]
fn AuditLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, state) = loader(session, api::audit);
    view! {
        <section class="audit-page" aria-labelledby="audit-heading">
            <h1 id="audit-heading">"Záznam přístupů"</h1>
            <AuditTable
                state=state
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        </section>
    }
}

/// `/obnova-hesla`: public; a one-time code from the manager and a new password.
#[component]
fn PasswordResetPage() -> impl IntoView {
    let redeem = FormAction::new(api::redeem_password_reset);
    signs_in(redeem);
    let submit = Callback::new(move |(code, new, again): (String, String, String)| {
        redeem.submit(parse_password_reset(&code, &new, &again));
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
fn InvitationPage() -> impl IntoView {
    let redeem = FormAction::new(api::redeem_invitation);
    signs_in(redeem);
    let submit = Callback::new(
        move |(code, username, display_name, password, again): (
            String,
            String,
            String,
            String,
            String,
        )| {
            redeem.submit(parse_invitation(
                &code,
                &username,
                &display_name,
                &password,
                &again,
            ));
        },
    );
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
