//! The calendar feed: a secret address per family member and client that phone calendars
//! subscribe to. Only a hash of the secret is kept, so the address is shown once, when made;
//! making a new one revokes the old at once, and the coordinator can revoke any.

use chrono::Duration;
use platform::auth::token_hash;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::family::calendar::calendar;
use shared::family::{CalendarFeedState, NewCalendarFeed};
use shared::time::{prague_date, prague_day_bounds};

use crate::family::linked_client;
use crate::store;

/// How far ahead a feed reaches.
const FEED_DAYS: i64 = 28;

/// Where a feed is served; the secret follows.
const FEED_PATH: &str = "/api/schedule/calendar/";

/// The family member's live link to the client of the path.
async fn own_link<D: Database>(cx: &Context<'_, D>) -> Result<String, ApiError> {
    let (caller, client_id, _) = linked_client(cx).await?;
    store::calendar_feeds::live_link(cx.db, &caller.user.user_id, client_id)
        .await?
        .ok_or(ApiError::NotFound("Klient"))
}

/// `GET /api/schedule/family/{client_id}/calendar-feed`: whether a feed is live, since when.
pub async fn state<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let link = own_link(cx).await?;
    let created_at = store::calendar_feeds::live_feed(cx.db, &link).await?;
    Ok(ApiResponse::ok(&CalendarFeedState { created_at }))
}

/// `POST /api/schedule/family/{client_id}/calendar-feed`: a new address; the old one stops
/// working at once.
pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let link = own_link(cx).await?;
    let user_id = &cx.caller()?.user.user_id;
    // 256 random bits: the address is the only key to the feed.
    let secret = format!("{}{}", new_id(), new_id());
    db::in_transaction(cx.db, async || {
        store::calendar_feeds::revoke(cx.db, &link, user_id, cx.now).await?;
        store::calendar_feeds::insert(cx.db, &link, &token_hash(&secret), cx.now).await
    })
    .await?;
    Ok(ApiResponse::json(
        201,
        &NewCalendarFeed {
            path: format!("{FEED_PATH}{secret}"),
            created_at: cx.now,
        },
    ))
}

/// `DELETE /api/schedule/family/{client_id}/calendar-feed`: the family member stops it.
pub async fn revoke_own<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let link = own_link(cx).await?;
    store::calendar_feeds::revoke(cx.db, &link, &cx.caller()?.user.user_id, cx.now).await?;
    Ok(ApiResponse::no_content())
}

/// `GET /api/schedule/calendar/{secret}`, without signing in: the client's visits from today
/// for four weeks; a revoked or unknown secret is not found.
pub async fn feed<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let secret = cx.params.require("secret")?;
    let client_id = store::calendar_feeds::client_of_feed(cx.db, &token_hash(secret))
        .await?
        .ok_or(ApiError::NotFound("Kalendář"))?;
    let today = prague_date(cx.now);
    let (start, _) = prague_day_bounds(today);
    let (_, end) = prague_day_bounds(today + Duration::days(FEED_DAYS - 1));
    let visits = store::calendar_feeds::feed_visits(cx.db, &client_id, start, end).await?;
    Ok(ApiResponse::new(200)
        .with_header("content-type", "text/calendar; charset=utf-8")
        .with_header("cache-control", "no-store")
        .with_body(calendar(&visits, cx.now).into_bytes()))
}

/// `GET /api/schedule/clients/{client_id}/calendar-feeds`: each live family link of the
/// provider's client and its feed.
pub async fn of_client<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let client_id = cx.params.require("client_id")?;
    if !store::facts::is_provider_client(cx.db, provider_id, client_id).await? {
        return Err(ApiError::NotFound("Klient"));
    }
    let links = store::calendar_feeds::client_links(cx.db, provider_id, client_id).await?;
    Ok(ApiResponse::ok(&links))
}

/// `DELETE /api/schedule/family-links/{id}/calendar-feed`: staff revoke a link's feed.
pub async fn revoke_of_link<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let link = cx.params.require("id")?;
    if !store::calendar_feeds::is_provider_link(cx.db, caller.provider_id()?, link).await? {
        return Err(ApiError::NotFound("Vazba rodiny"));
    }
    store::calendar_feeds::revoke(cx.db, link, &caller.user.user_id, cx.now).await?;
    cx.audit(
        platform::audit::Action::Update,
        "calendar_feed",
        Some(link),
        None,
    )
    .await?;
    Ok(ApiResponse::no_content())
}
