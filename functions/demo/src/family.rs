//! The family view's part: for Marie Ukázková's family, a lunch visit cancelled on their
//! request (answered), a visit moved by the planner, and an open request waiting for the
//! coordinator; an open request in Louny too. Nothing is marked seen.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use platform::{ApiError, Database, timestamp};
use shared::family::reason::FAMILY_REQUEST;
use shared::planning::change::HistoryEntry;
use shared::time::prague_date;

use crate::data::{user_id, visit_id};

/// Route stops of the demo (see `data::DAILY_ROUTES`).
const MARIE_MORNING: usize = 0;
const MARIE_LUNCH: usize = 3;
const LOUNY_CL_L2: usize = 9;

pub async fn changes_and_requests(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let today = prague_date(now);
    let coordinator = user_id("koordinator.decin");
    let earlier = |hours: i64| timestamp::format(now - Duration::hours(hours));

    let lunch_day = today + Duration::days(4);
    let lunch = visit_id(lunch_day, MARIE_LUNCH);
    request(
        db,
        (
            "req-demo-decin-lunch",
            "prov-decin",
            "cl-d1",
            "rodina.decin",
        ),
        (&lunch, lunch_day),
        (
            "cancel",
            "Ten den přivezeme oběd sami, návštěvu s obědem prosím zrušte.",
        ),
        &earlier(5),
    )
    .await?;
    db.execute(
        "UPDATE family_requests SET state = 'accepted', answered_by = $1, answered_at = $2, \
         reply = 'Rozumíme, ten den oběd nevezeme.' WHERE id = 'req-demo-decin-lunch'",
        &[coordinator.as_str().into(), earlier(4).into()],
    )
    .await?;
    db.execute(
        "UPDATE visits SET status = 'cancelled' WHERE id = $1",
        &[lunch.as_str().into()],
    )
    .await?;
    event(
        db,
        ("ev-demo-lunch", &lunch),
        &HistoryEntry::Cancelled,
        FAMILY_REQUEST,
        &earlier(4),
    )
    .await?;
    db.execute(
        "INSERT INTO visit_event_requests (event_id, request_id) \
         VALUES ('ev-demo-lunch', 'req-demo-decin-lunch')",
        &[],
    )
    .await?;

    // The planner moves a lunch visit a quarter of an hour later.
    let moved = visit_id(today + Duration::days(9), MARIE_LUNCH);
    let row = db
        .query_one(
            "SELECT starts_at FROM visits WHERE id = $1",
            &[moved.as_str().into()],
        )
        .await?
        .ok_or_else(|| ApiError::Internal(format!("demo visit {moved} is missing")))?;
    let from = row.instant("starts_at")?;
    let to = from + Duration::minutes(15);
    db.execute(
        "UPDATE visits SET starts_at = $1, ends_at = $2 WHERE id = $3",
        &[
            timestamp::format(to).into(),
            timestamp::format(to + Duration::minutes(20)).into(),
            moved.as_str().into(),
        ],
    )
    .await?;
    event(
        db,
        ("ev-demo-moved", &moved),
        &HistoryEntry::Moved { from, to },
        "Přeplánování trasy",
        &earlier(2),
    )
    .await?;

    let asked_day = today + Duration::days(6);
    request(
        db,
        ("req-demo-decin", "prov-decin", "cl-d1", "rodina.decin"),
        (&visit_id(asked_day, MARIE_MORNING), asked_day),
        (
            "later",
            "Prosím přijďte ten den až po deváté, jdeme k lékaři.",
        ),
        &earlier(1),
    )
    .await?;
    request(
        db,
        ("req-demo-louny", "prov-louny", "cl-l2", "rodina.louny"),
        (&visit_id(asked_day, LOUNY_CL_L2), asked_day),
        ("earlier", "Prosím o dřívější příchod, odpoledne odjíždíme."),
        &earlier(1),
    )
    .await
}

/// An open request: (id, provider, client, family username), (the visit, its day),
/// (kind, text).
async fn request(
    db: &impl Database,
    (id, provider, client, username): (&str, &str, &str, &str),
    (visit, day): (&str, NaiveDate),
    (kind, text): (&str, &str),
    sent_at: &str,
) -> Result<(), ApiError> {
    db.execute(
        "INSERT INTO family_requests (id, provider_id, client_id, user_id, visit_id, day, kind, \
         text, sent_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open')",
        &[
            id.into(),
            provider.into(),
            client.into(),
            user_id(username).into(),
            visit.into(),
            day.to_string().into(),
            kind.into(),
            text.into(),
            sent_at.into(),
        ],
    )
    .await?;
    Ok(())
}

/// A history event by the Děčín coordinator.
async fn event(
    db: &impl Database,
    (id, visit): (&str, &str),
    entry: &HistoryEntry,
    reason: &str,
    at: &str,
) -> Result<(), ApiError> {
    db.execute(
        "INSERT INTO visit_events (id, visit_id, at, user_id, kind, detail, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            id.into(),
            visit.into(),
            at.into(),
            user_id("koordinator.decin").into(),
            entry.kind().into(),
            entry.detail().into(),
            reason.into(),
        ],
    )
    .await?;
    Ok(())
}
