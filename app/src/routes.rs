//! The router: the app's shell and one line per page. The only module that knows every
//! feature; features know only the common layer (session, remote, paths, ui).
//!
//! Which role opens which feature (for loading each role's code when first needed):
//! everyone: `login`, `account`; caregiver: `today`, `visit_record`; office (coordinator,
//! manager): `today`, `office_today`, `week`, `visit_page`, `clients`, `caregivers`, `incidents`, `staff`,
//! `audit`;
//! family: `family`; lecturer: `lecturing`; staff and the region: `training`; region (and
//! managers): `reports`; anyone: `certificates` (verification and printing, no sign-in).

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use leptos_router::{Lazy, LazyRoute};
use shared::identity::Role;

use crate::account::{AccountPage, InvitationPage, PasswordResetPage};
use crate::audit::AuditPage;
use crate::caregivers::CaregiverPage;
use crate::clients::{CarePlanPage, ClientFamilyPage, ClientsPage, IntakePage};
use crate::family::{FamilyCalendarPage, FamilyChangesPage, FamilyPage, FamilyRequestPage};
use crate::incidents::AttentionPage;
use crate::login::LoginPage;
use crate::office_today::OfficeTodayPage;
use crate::paths;
use crate::reports::{DictionaryPage, NetworkParametersPage, ProviderReportPage, RegionReportPage};
use crate::session::{Gate, Navigation, Session, SessionHeader, SessionUnavailable, replace};
use crate::staff::StaffPage;
use crate::titles::title_for;
use crate::today::TodayPage;
use crate::training::{
    CertificatePage, LecturerPage, RegionTrainingPage, TrainingPage, VerifyPage,
};
use crate::ui::{Loading, page_title};
use crate::visit_page::VisitPage;
use crate::visit_record::{self, CaregiverSyncStatus, Offline};
use crate::week::WeekPage;

/// The whole app: header, navigation, the caregiver's sync status, routes.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::start();
    Offline::provide(session);
    let main = NodeRef::<leptos::html::Main>::new();
    view! {
        <Router>
            <FocusOnNavigation target=main />
            <TitleFromRoute />
            <a class="skip-link" href="#obsah">
                "Přeskočit na obsah"
            </a>
            <SessionHeader />
            <Navigation />
            <CaregiverBar />
            <main id="obsah" class="content" tabindex="-1" node_ref=main>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/prihlaseni") view=LoginPage />
                    <Route path=path!("/dnes") view={Lazy::<TodayRoute>::new()} />
                    <Route path=path!("/ucet") view={Lazy::<AccountRoute>::new()} />
                    <Route path=path!("/pracovnici") view={Lazy::<StaffRoute>::new()} />
                    <Route path=path!("/klienti") view={Lazy::<ClientsRoute>::new()} />
                    <Route path=path!("/klienti/novy") view={Lazy::<IntakeRoute>::new()} />
                    <Route path=path!("/klienti/:client_id/plan") view={Lazy::<CarePlanRoute>::new()} />
                    <Route path=path!("/klienti/:client_id/rodina") view={Lazy::<ClientFamilyRoute>::new()} />
                    <Route path=path!("/rodina") view={Lazy::<FamilyRoute>::new()} />
                    <Route path=path!("/rodina/:client_id/zmeny") view={Lazy::<FamilyChangesRoute>::new()} />
                    <Route path=path!("/rodina/:client_id/zadost") view={Lazy::<FamilyRequestRoute>::new()} />
                    <Route path=path!("/rodina/:client_id/kalendar") view={Lazy::<FamilyCalendarRoute>::new()} />
                    <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()} />
                    <Route path=path!("/tyden") view={Lazy::<WeekRoute>::new()} />
                    <Route path=path!("/tyden/:monday") view={Lazy::<WeekRoute>::new()} />
                    <Route path=path!("/udalosti") view={Lazy::<AttentionRoute>::new()} />
                    <Route path=path!("/pecovatele/:id") view={Lazy::<CaregiverRoute>::new()} />
                    <Route path=path!("/navstevy/:visit_id") view={Lazy::<VisitRoute>::new()} />
                    <Route path=path!("/prehled") view={Lazy::<OfficeTodayRoute>::new()} />
                    <Route path=path!("/pozvanka") view={Lazy::<InvitationRoute>::new()} />
                    <Route path=path!("/obnova-hesla") view={Lazy::<PasswordResetRoute>::new()} />
                    <Route path=path!("/skoleni") view={Lazy::<TrainingRoute>::new()} />
                    <Route path=path!("/skoleni/kraj") view={Lazy::<RegionTrainingRoute>::new()} />
                    <Route path=path!("/lektor") view={Lazy::<LecturerRoute>::new()} />
                    <Route path=path!("/overeni/:code") view={Lazy::<VerifyRoute>::new()} />
                    <Route path=path!("/osvedceni/:code") view={Lazy::<CertificateRoute>::new()} />
                    <Route path=path!("/vykazy") view={Lazy::<ProviderReportRoute>::new()} />
                    <Route path=path!("/vykazy/slovnik") view={Lazy::<DictionaryRoute>::new()} />
                    <Route path=path!("/kraj") view={Lazy::<RegionReportRoute>::new()} />
                    <Route path=path!("/kraj/parametry") view={Lazy::<NetworkParametersRoute>::new()} />
                </Routes>
            </main>
        </Router>
    }
}

/// A signed-in caregiver's sync status on every page. Its code comes with her day's module
/// (`today`), which her phone keeps: the main module every role loads holds none of it.
#[component]
fn CaregiverBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let caregiver = Memo::new(move |_| matches!(session.me(), Some((_, Role::Caregiver))));
    move || {
        caregiver.get().then(|| {
            crate::ui::split_part!(
                today,
                load_caregiver_sync_status => CaregiverSyncStatus,
                "Stav odesílání záznamů se zobrazí po připojení k internetu.",
                quietly
            )
        })
    }
}

/// `/dnes`: the day's visits, each ending with the caregiver's record of it.
#[component]
fn CaregiverDay() -> impl IntoView {
    let offline = expect_context::<Offline>();
    view! {
        <TodayPage
            record_slot=Callback::new(visit_record::record_slot)
            phone=Callback::new(move |visit_id: String| offline.on_phone(&visit_id))
        />
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

/// Names the browser's tab after the page on every navigation.
#[component]
fn TitleFromRoute() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| page_title(title_for(&location.pathname.get())));
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

/// A page whose code could not be fetched: offline before it was ever opened on this device.
#[cfg(feature = "split")]
#[component]
fn PageUnavailable() -> impl IntoView {
    view! {
        <section class="not-found" role="alert">
            <h1>"Stránku se nepodařilo načíst"</h1>
            <p>"Tuto stránku jste na tomto zařízení ještě neotevřeli a teď nejste připojeni k internetu. Zkuste to znovu po připojení."</p>
            <p>
                <a href="/">"Zpět na úvod"</a>
            </p>
        </section>
    }
}

/// `/`: to the role's home when signed in, else to the sign-in form.
#[component]
fn Home() -> impl IntoView {
    let session = expect_context::<Session>();
    move || match session.gate() {
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::Unavailable => view! { <SessionUnavailable /> }.into_any(),
        _ => {
            let path = session.home().unwrap_or(paths::LOGIN);
            view! { <Redirect path=path options=replace() /> }.into_any()
        }
    }
}

/// Every page but sign-in is loaded when first opened. Each group below becomes a wasm module
/// of its own (split out by `app/build.sh`), so a caregiver's phone never downloads the
/// office's pages; `app/chunks.mjs` names the groups each role opens. A group that cannot be
/// fetched (offline, never opened before) shows [`PageUnavailable`] instead of stopping the app.
macro_rules! lazy_pages {
    ($($group:ident: $($route:ident => $page:ident),+;)*) => { $($(
        struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            #[cfg(feature = "split")]
            async fn view(_this: Self) -> AnyView {
                #[allow(non_snake_case)]
                #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn $route() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                    Ok(view! { <$page /> }.into_any())
                }
                $route().await.unwrap_or_else(|_| view! { <PageUnavailable /> }.into_any())
            }

            #[cfg(not(feature = "split"))]
            async fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )+)* };
}

lazy_pages! {
    today: TodayRoute => CaregiverDay;
    account: AccountRoute => AccountPage;
    office: StaffRoute => StaffPage, ClientsRoute => ClientsPage, IntakeRoute => IntakePage,
        CarePlanRoute => CarePlanPage,
        ClientFamilyRoute => ClientFamilyPage, AuditRoute => AuditPage, WeekRoute => WeekPage,
        AttentionRoute => AttentionPage, CaregiverRoute => CaregiverPage, VisitRoute => VisitPage,
        OfficeTodayRoute => OfficeTodayPage;
    family: FamilyRoute => FamilyPage, FamilyChangesRoute => FamilyChangesPage,
        FamilyRequestRoute => FamilyRequestPage, FamilyCalendarRoute => FamilyCalendarPage;
    public: InvitationRoute => InvitationPage, PasswordResetRoute => PasswordResetPage,
        VerifyRoute => VerifyPage, CertificateRoute => CertificatePage;
    training: TrainingRoute => TrainingPage;
    lecturing: LecturerRoute => LecturerPage;
    // The region's training compliance goes with the reports the region opens anyway, not
    // with the staff's training pages, which the region never opens.
    reports: ProviderReportRoute => ProviderReportPage, RegionReportRoute => RegionReportPage,
        DictionaryRoute => DictionaryPage, NetworkParametersRoute => NetworkParametersPage,
        RegionTrainingRoute => RegionTrainingPage;
}
