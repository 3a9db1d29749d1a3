//! `/rodina`: the family member's home — today's visits as they go, the count of unseen
//! changes, how many caregivers came, the next two weeks — and one screen each for what
//! changed, a request to the coordinator and the calendar link. What was last loaded stays
//! readable without a connection, with the time it was kept.

pub mod api;
pub mod calendar;
pub mod changes;
pub mod requests;
pub mod state;
pub mod view;
pub mod wording;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::identity::roles;

use crate::offline_store::{self, keys};
use crate::remote::ApiError;
use crate::session::{RequireRole, Session, loader};
use crate::ui::Remote;
use crate::ui::format::short_date_time;
pub use calendar::FamilyCalendarPage;
pub use changes::FamilyChangesPage;
pub use requests::FamilyRequestPage;
use state::{ClientOverview, ClientSchedule, KeptFamily};
use view::FamilySchedule;

/// One client's overview, all of it or the first failure.
async fn client_overview(client_id: &str) -> Result<ClientOverview, ApiError> {
    Ok(ClientOverview {
        today: api::today(client_id).await?,
        changes: api::changes(client_id).await?,
        continuity: api::continuity(client_id).await?,
        visits: api::client_visits(client_id).await?.visits,
    })
}

/// The linked clients and each one's overview; one client's failure stays with them. When
/// the server cannot be reached, what the device kept (`kept_at` says when it was kept).
async fn family_home(
    user_id: String,
    kept_at: RwSignal<Option<DateTime<Utc>>>,
) -> Result<Vec<ClientSchedule>, ApiError> {
    let clients = match api::my_clients().await {
        Ok(clients) => clients,
        Err(ApiError::Unreachable) => return kept_home(&user_id, kept_at).await,
        Err(error) => return Err(error),
    };
    let mut schedules = Vec::with_capacity(clients.len());
    let mut kept = Vec::new();
    for client in clients {
        let overview = match client_overview(&client.client_id).await {
            Ok(overview) => {
                kept.push((client.clone(), overview.clone()));
                Remote::Loaded(overview)
            }
            Err(error) if error.is_unauthenticated() => return Err(error),
            Err(error) => Remote::Failed(error.detail()),
        };
        schedules.push(ClientSchedule { client, overview });
    }
    let kept = KeptFamily {
        user_id,
        saved_at: Utc::now(),
        clients: kept,
    };
    // A failure to keep it does not spoil showing it.
    let _ = offline_store::save(keys::FAMILY, &kept).await;
    let _ = kept_at.try_set(None);
    Ok(schedules)
}

/// The home as the device kept it, if it is this user's.
async fn kept_home(
    user_id: &str,
    kept_at: RwSignal<Option<DateTime<Utc>>>,
) -> Result<Vec<ClientSchedule>, ApiError> {
    let kept = kept_family(user_id).await.ok_or(ApiError::Unreachable)?;
    let _ = kept_at.try_set(Some(kept.saved_at));
    Ok(kept
        .clients
        .into_iter()
        .map(|(client, overview)| ClientSchedule {
            client,
            overview: Remote::Loaded(overview),
        })
        .collect())
}

/// What the device kept for this user.
pub(crate) async fn kept_family(user_id: &str) -> Option<KeptFamily> {
    offline_store::load::<KeptFamily>(keys::FAMILY)
        .await
        .ok()
        .flatten()
        .filter(|kept| kept.user_id == user_id)
}

/// The notice shown while a page shows what the device kept.
pub(crate) fn kept_notice(kept_at: DateTime<Utc>) -> String {
    format!(
        "Bez připojení: zobrazujeme údaje naposledy aktualizované {}.",
        short_date_time(kept_at)
    )
}

/// The signed-in user's id, for what the device keeps.
pub(crate) fn signed_in_user(session: Session) -> String {
    session.me_now().map(|me| me.user_id).unwrap_or_default()
}

/// The client of a `/rodina/{client_id}/…` screen.
pub(crate) fn client_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("client_id").unwrap_or_default()))
}

/// `/rodina`: the family member's home.
#[component]
pub fn FamilyPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::FAMILY>
            <FamilyLoader />
        </RequireRole>
    }
}

#[component]
fn FamilyLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let user_id = signed_in_user(session);
    let kept_at = RwSignal::new(None);
    let (load, state) = loader(session, move || family_home(user_id.clone(), kept_at));
    view! {
        <section class="family" aria-labelledby="family-heading">
            <h1 id="family-heading">
                <span class="eyebrow">"Dnes a příští dva týdny"</span>
                "Kdo přijde kdy"
            </h1>
            {move || {
                kept_at
                    .get()
                    .map(|at| view! { <p class="kept-notice" role="status">{kept_notice(at)}</p> })
            }}
            <FamilySchedule
                state=state
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        </section>
    }
}
