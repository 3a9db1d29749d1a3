//! Care plans (individuální plán): goals and agreed tasks, saved as versions so the plan's
//! history is kept; the plan's recurring visits are its visit templates.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::planning::input::{CarePlanInput, check_care_plan};
use shared::schedule::CarePlan;

use crate::facts::{ClientFrom, own_client};
use crate::store;
use crate::store::care_plans::NewVersion;

/// `GET /api/schedule/clients/{client_id}/care-plan`: the plan in force, its history
/// (newest first) and its recurring visits.
pub async fn show<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.require("client_id")?;
    own_client(cx, client_id, ClientFrom::Path).await?;
    let mut history = store::care_plans::versions(cx.db, client_id).await?;
    let current = (!history.is_empty()).then(|| history.remove(0));
    let templates = store::facts::client_templates(cx.db, client_id).await?;
    cx.audit(Action::Read, "care_plan", Some(client_id), Some(client_id))
        .await?;
    Ok(ApiResponse::ok(&CarePlan {
        client_id: client_id.to_owned(),
        current,
        history,
        templates,
    }))
}

/// `PUT /api/schedule/clients/{client_id}/care-plan`: saves a new version; earlier versions
/// stay as the plan's history.
pub async fn save<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let client_id = cx.params.require("client_id")?;
    own_client(cx, client_id, ClientFrom::Path).await?;
    let input: CarePlanInput = json_body(&cx.request.body)?;
    let tasks = check_care_plan(&input)?;
    crate::week::check_catalogue_tasks(cx.db, &tasks, "agreed_tasks").await?;
    let version = NewVersion {
        id: new_id(),
        provider_id,
        client_id,
        goals: input.goals.trim(),
        agreed_tasks: &tasks,
        valid_from: input.valid_from,
        note: input
            .note
            .as_deref()
            .map(str::trim)
            .filter(|note| !note.is_empty()),
        created_by: &caller.user.user_id,
        created_at: cx.now,
    };
    db::in_transaction(cx.db, async || {
        store::care_plans::insert_version(cx.db, &version).await?;
        cx.audit(
            Action::Create,
            "care_plan",
            Some(client_id),
            Some(client_id),
        )
        .await
    })
    .await?;
    let saved = store::care_plans::versions(cx.db, client_id)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("a care plan just saved is missing".into()))?;
    Ok(ApiResponse::json(201, &saved))
}
