//! `/dnes`: the day's visits, for the provider's staff who have them. A caregiver's next
//! days are kept on the device, so her day shows offline too.

pub mod api;
pub mod state;
pub mod view;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::family::live::OnPhone;
use shared::identity::{Role, roles};
use shared::schedule::{TodayVisits, VisitView};
use shared::time::prague_date;

use crate::offline_store::{self, keys};
use crate::remote::ApiError;
use crate::session::{RequireRole, Session, loader};
use crate::ui::Remote;
use crate::ui::format::short_date_time;
use state::{KeptRoute, TodayState};
use view::TodayView;

/// `/dnes`: the day's visits, for the staff who have them. `record_slot` ends each visit's
/// card for a caregiver: her record of the visit (the router hands in the visit record).
#[component]
pub fn TodayPage(
    #[prop(optional)] record_slot: Option<Callback<VisitView, AnyView>>,
    /// What a caregiver's phone knows of a visit, by visit id (the router hands in the
    /// outbox's answer).
    #[prop(optional)]
    phone: Option<Callback<String, OnPhone>>,
) -> impl IntoView {
    view! {
        <RequireRole roles=roles::PROVIDER_STAFF>
            <TodayLoader record_slot=record_slot phone=phone />
        </RequireRole>
    }
}

#[component]
fn TodayLoader(
    record_slot: Option<Callback<VisitView, AnyView>>,
    phone: Option<Callback<String, OnPhone>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let (user_id, role) = session
        .me_now()
        .map(|me| (me.user_id, Some(me.role)))
        .unwrap_or_default();
    let kept_at = RwSignal::new(None);
    let tomorrow = RwSignal::new(None);
    let fetch = move || day_visits(user_id.clone(), role, kept_at, tomorrow);
    let fetch = StoredValue::new(fetch);
    let (load, visits) = loader(session, move || fetch.with_value(|fetch| fetch()));
    // Back online: the day from the server, quietly: the cards (and a half-filled record)
    // stay unless the day has changed.
    Effect::new(move |was_online: Option<bool>| {
        let online = session.online().get();
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
    let now = crate::ui::ticking_clock();
    let caregiver = role == Some(Role::Caregiver);
    // The office reads each visit on its own page (what was recorded, its history).
    let office = role.is_some_and(|role| roles::PLANNERS.contains(&role));
    let record = record_slot
        .filter(|_| caregiver)
        .or_else(|| office.then(|| Callback::new(view::visit_page_link)));
    let office_link = office.then(|| {
        view! {
            <p class="office-today-link">
                <a href=crate::paths::OFFICE_TODAY>"Co dnes čeká na rozhodnutí →"</a>
            </p>
        }
    });
    view! {
        {office_link}
        <TodayView
            today=prague_date(Utc::now())
            state=state
            on_retry=load
            notice=notice
            record=record
            phone=phone.filter(|_| caregiver)
            now=now
            tomorrow=tomorrow
        />
    }
}

/// The day's visits. A caregiver's come with her next days, which the device keeps: when
/// the server cannot be reached, her kept route gives the day, if it covers today.
/// `kept_at` says when what is shown was kept (`None`: it is the server's); `tomorrow` gets
/// the kept route's next day.
async fn day_visits(
    user_id: String,
    role: Option<Role>,
    kept_at: RwSignal<Option<DateTime<Utc>>>,
    tomorrow: RwSignal<Option<TodayVisits>>,
) -> Result<TodayVisits, ApiError> {
    if role != Some(Role::Caregiver) {
        return api::today_visits().await;
    }
    match api::upcoming_visits().await {
        Ok(route) => {
            let kept = KeptRoute {
                user_id,
                saved_at: Utc::now(),
                route,
            };
            // A failure to keep the route does not spoil showing the day.
            let _ = offline_store::save(keys::ROUTE, &kept).await;
            let _ = kept_at.try_set(None);
            let next = kept.route.from.succ_opt();
            let _ = tomorrow.try_set(next.and_then(|next| kept.day(&kept.user_id, next)));
            Ok(kept
                .day(&kept.user_id, kept.route.from)
                .expect("a route covers its first day"))
        }
        Err(ApiError::Unreachable) => {
            let kept = offline_store::load::<KeptRoute>(keys::ROUTE)
                .await
                .ok()
                .flatten()
                .ok_or(ApiError::Unreachable)?;
            let day = kept
                .day(&user_id, prague_date(Utc::now()))
                .ok_or(ApiError::Unreachable)?;
            let _ = kept_at.try_set(Some(kept.saved_at));
            let _ = tomorrow.try_set(
                day.date
                    .succ_opt()
                    .and_then(|next| kept.day(&user_id, next)),
            );
            Ok(day)
        }
        Err(error) => Err(error),
    }
}
