//! A caregiver's route for today and the coming days; a coordinator's or manager's whole
//! provider's day; with the provider's office phone. Every visit read is audited.

use chrono::{DateTime, Duration, Utc};
use platform::audit::{self, Action, Subject};
use platform::{ApiError, ApiResponse, Context, Database};
use shared::identity::Role;
use shared::schedule::{TodayVisits, UPCOMING_DAYS, UpcomingVisits, VisitView};
use shared::time::{prague_date, prague_day_bounds};

use crate::store;

/// `GET /api/schedule/visits/today`.
pub async fn today<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let date = prague_date(cx.now);
    let visits = route_visits(cx, prague_day_bounds(date)).await?;
    let office_phone = store::route::office_phone(cx.db, cx.caller()?.provider_id()?).await?;
    Ok(ApiResponse::ok(&TodayVisits {
        date,
        visits,
        office_phone,
    }))
}

/// `GET /api/schedule/visits/upcoming`: today's route and the next days', for the
/// caregiver's phone to keep offline.
pub async fn upcoming<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let from = prague_date(cx.now);
    let to = from + Duration::days(UPCOMING_DAYS - 1);
    let span = (prague_day_bounds(from).0, prague_day_bounds(to).1);
    let visits = route_visits(cx, span).await?;
    let office_phone = store::route::office_phone(cx.db, cx.caller()?.provider_id()?).await?;
    Ok(ApiResponse::ok(&UpcomingVisits {
        from,
        to,
        visits,
        office_phone,
    }))
}

/// The visits starting in `[from, to)`: a caregiver's own, in either position of a
/// two-person visit; a coordinator's or manager's whole provider's.
async fn route_visits<D: Database>(
    cx: &Context<'_, D>,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<VisitView>, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let caregiver = (caller.role() == Role::Caregiver).then_some(caller.user.user_id.as_str());
    let visits = store::route::route_visits(cx.db, provider_id, caregiver, from, to).await?;
    let subjects: Vec<Subject> = visits
        .iter()
        .map(|(visit, client_id)| Subject {
            entity: "visit",
            entity_id: Some(&visit.id),
            client_id: Some(client_id),
            provider_id: Some(provider_id),
        })
        .collect();
    audit::record_many(cx.db, caller, Action::Read, &subjects, cx.now).await?;
    Ok(visits.into_iter().map(|(visit, _)| visit).collect())
}
