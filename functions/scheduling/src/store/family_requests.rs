//! Families' requests to the coordinator: sent, listed and answered.

use chrono::{DateTime, NaiveDate, Utc};
use platform::random::new_id;
use platform::{Database, DbError, Row, timestamp};
use shared::family::{FamilyRequestView, RequestKind, RequestState};

/// A request as it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest<'a> {
    pub provider_id: &'a str,
    pub client_id: &'a str,
    pub user_id: &'a str,
    pub visit_id: Option<&'a str>,
    pub day: NaiveDate,
    pub kind: RequestKind,
    pub text: &'a str,
}

/// The visit a family may ask about: the client's, with its start and whether it has begun
/// (a record of it exists) or is cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedVisit {
    pub starts_at: DateTime<Utc>,
    pub recorded: bool,
    pub cancelled: bool,
}

pub async fn client_visit(
    db: &impl Database,
    client_id: &str,
    visit_id: &str,
) -> Result<Option<AskedVisit>, DbError> {
    db.query_one(
        "SELECT v.starts_at, v.status, \
                CASE WHEN EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.visit_id = v.id) \
                THEN 1 ELSE 0 END AS recorded \
         FROM visits v WHERE v.id = $1 AND v.client_id = $2",
        &[visit_id.into(), client_id.into()],
    )
    .await?
    .map(|row| {
        Ok(AskedVisit {
            starts_at: row.instant("starts_at")?,
            recorded: row.flag("recorded")?,
            cancelled: row.text("status")? == "cancelled",
        })
    })
    .transpose()
}

pub async fn insert(
    db: &impl Database,
    request: &NewRequest<'_>,
    now: DateTime<Utc>,
) -> Result<String, DbError> {
    let id = new_id();
    db.execute(
        "INSERT INTO family_requests (id, provider_id, client_id, user_id, visit_id, day, kind, \
         text, sent_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open')",
        &[
            id.as_str().into(),
            request.provider_id.into(),
            request.client_id.into(),
            request.user_id.into(),
            request.visit_id.map(str::to_owned).into(),
            request.day.to_string().into(),
            request.kind.as_str().into(),
            request.text.into(),
            timestamp::format(now).into(),
        ],
    )
    .await?;
    Ok(id)
}

const SELECT_VIEW: &str = "SELECT r.id, r.client_id, c.name AS client_name, \
        u.display_name AS sent_by, r.sent_at, r.visit_id, v.starts_at AS visit_starts_at, \
        r.day, r.kind, r.text, r.state, r.reply, r.answered_at, r.provider_id \
    FROM family_requests r JOIN clients c ON c.id = r.client_id \
    JOIN users u ON u.id = r.user_id LEFT JOIN visits v ON v.id = r.visit_id";

fn view(row: &Row) -> Result<FamilyRequestView, DbError> {
    Ok(FamilyRequestView {
        id: row.text("id")?,
        client_id: row.text("client_id")?,
        client_name: row.text("client_name")?,
        sent_by: row.text("sent_by")?,
        sent_at: row.instant("sent_at")?,
        visit_id: row.optional_text("visit_id")?,
        visit_starts_at: row.optional_instant("visit_starts_at")?,
        day: row.date("day")?,
        kind: row.parsed("kind", "a request kind", RequestKind::parse)?,
        text: row.text("text")?,
        state: row.parsed("state", "a request state", RequestState::parse)?,
        reply: row.optional_text("reply")?,
        answered_at: row.optional_instant("answered_at")?,
    })
}

/// A family member's requests about a client, newest first.
pub async fn sent_by(
    db: &impl Database,
    client_id: &str,
    user_id: &str,
) -> Result<Vec<FamilyRequestView>, DbError> {
    db.query(
        &format!(
            "{SELECT_VIEW} WHERE r.client_id = $1 AND r.user_id = $2 \
             ORDER BY r.sent_at DESC, r.id DESC LIMIT 100"
        ),
        &[client_id.into(), user_id.into()],
    )
    .await?
    .iter()
    .map(view)
    .collect()
}

/// A provider's requests: open ones first, then the latest answered, newest first.
pub async fn of_provider(
    db: &impl Database,
    provider_id: &str,
) -> Result<Vec<FamilyRequestView>, DbError> {
    db.query(
        &format!(
            "{SELECT_VIEW} WHERE r.provider_id = $1 \
             ORDER BY CASE WHEN r.state = 'open' THEN 0 ELSE 1 END, r.sent_at DESC, r.id DESC \
             LIMIT 200"
        ),
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(view)
    .collect()
}

/// One of the provider's requests.
pub async fn one(
    db: &impl Database,
    provider_id: &str,
    id: &str,
) -> Result<Option<FamilyRequestView>, DbError> {
    db.query_one(
        &format!("{SELECT_VIEW} WHERE r.id = $1 AND r.provider_id = $2"),
        &[id.into(), provider_id.into()],
    )
    .await?
    .map(|row| view(&row))
    .transpose()
}

/// Answers an open request; false when it was answered already.
pub async fn answer(
    db: &impl Database,
    id: &str,
    state: RequestState,
    reply: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "UPDATE family_requests SET state = $1, reply = $2, answered_by = $3, answered_at = $4 \
             WHERE id = $5 AND state = 'open'",
            &[
                state.as_str().into(),
                (!reply.is_empty()).then(|| reply.to_owned()).into(),
                user_id.into(),
                timestamp::format(now).into(),
                id.into(),
            ],
        )
        .await?;
    Ok(changed == 1)
}

/// Ties the history events an acceptance made to the request.
pub async fn link_events(
    db: &impl Database,
    request_id: &str,
    event_ids: &[String],
) -> Result<(), DbError> {
    let rows: Vec<[platform::Value; 2]> = event_ids
        .iter()
        .map(|event| [event.as_str().into(), request_id.into()])
        .collect();
    super::insert_rows(db, "visit_event_requests (event_id, request_id)", &rows).await
}
