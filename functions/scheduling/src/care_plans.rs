//! Care plans (individuální plán): goals and agreed tasks, saved as versions so the plan's
//! history is kept; the plan's recurring visits are its visit templates.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError, db, timestamp};
use shared::planning::input::{CarePlanInput, check_care_plan};
use shared::schedule::{CarePlan, CarePlanVersion};

use crate::facts::{client_templates, own_client};
use crate::week::{parse_date, split_list};

async fn versions(db: &impl Database, client_id: &str) -> Result<Vec<CarePlanVersion>, DbError> {
    db.query(
        "SELECT p.version, p.goals, p.agreed_tasks, p.valid_from, p.note, p.created_at, \
                u.display_name AS created_by \
         FROM care_plans p JOIN users u ON u.id = p.created_by \
         WHERE p.client_id = $1 ORDER BY p.version DESC",
        &[client_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(CarePlanVersion {
            version: row.integer("version")?,
            goals: row.text("goals")?,
            agreed_tasks: split_list(&row.text("agreed_tasks")?),
            valid_from: parse_date(row, "valid_from")?,
            note: row.optional_text("note")?,
            created_by: row.text("created_by")?,
            created_at: timestamp::parse(&row.text("created_at")?)?,
        })
    })
    .collect()
}

/// The plan in force, its history (newest first) and its recurring visits.
pub async fn show<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.get("client_id").unwrap_or_default();
    own_client(cx, client_id, "").await?;
    let mut history = versions(cx.db, client_id).await?;
    let current = (!history.is_empty()).then(|| history.remove(0));
    let templates = client_templates(cx.db, client_id).await?;
    cx.audit(Action::Read, "care_plan", Some(client_id), Some(client_id))
        .await?;
    Ok(ApiResponse::ok(&CarePlan {
        client_id: client_id.to_owned(),
        current,
        history,
        templates,
    }))
}

/// Saves a new version; earlier versions stay as the plan's history.
pub async fn save<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let client_id = cx.params.get("client_id").unwrap_or_default();
    own_client(cx, client_id, "").await?;
    let input: CarePlanInput = json_body(&cx.request.body)?;
    let tasks = check_care_plan(&input)?;
    crate::week::check_catalogue_tasks(cx.db, &tasks, "agreed_tasks").await?;
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|note| !note.is_empty());
    db::in_transaction(cx.db, async || {
        let version = cx
            .db
            .query_one(
                "SELECT MAX(version) AS version FROM care_plans WHERE client_id = $1",
                &[client_id.into()],
            )
            .await?
            .and_then(|row| row.optional_integer("version").ok().flatten())
            .unwrap_or(0)
            + 1;
        cx.db
            .execute(
                "INSERT INTO care_plans (id, provider_id, client_id, version, goals, agreed_tasks, \
                                         valid_from, note, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    new_id().into(),
                    provider_id.into(),
                    client_id.into(),
                    version.into(),
                    input.goals.trim().into(),
                    tasks.join(",").into(),
                    input.valid_from.to_string().into(),
                    note.into(),
                    caller.user.user_id.as_str().into(),
                    timestamp::format(cx.now).into(),
                ],
            )
            .await?;
        cx.audit(
            Action::Create,
            "care_plan",
            Some(client_id),
            Some(client_id),
        )
        .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    let saved = versions(cx.db, client_id)
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("Plán péče"))?;
    Ok(ApiResponse::json(201, &saved))
}
