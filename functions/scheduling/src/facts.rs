//! What the planner tells the system: caregivers' skills, shifts and absences, refused
//! pairings, and care-plan visit templates. The week board's conflicts read these.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError, db};
use serde::Serialize;
use shared::error::FieldError;
use shared::planning::input::{
    AbsenceInput, CaregiverProfileInput, TemplateInput, check_absence, check_profile,
    check_template,
};
use shared::time::prague_date;

use crate::store;

#[derive(Debug, Serialize)]
struct Created {
    id: String,
}

/// A caregiver of the caller's provider; anyone else is "not found".
async fn own_caregiver<D: Database>(cx: &Context<'_, D>, user_id: &str) -> Result<(), ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    if store::facts::is_provider_caregiver(cx.db, provider_id, user_id).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound("Pečovatel"))
    }
}

/// `{id}` of the path: a caregiver of the caller's provider.
pub(crate) async fn caregiver_in_path<'a, D: Database>(
    cx: &'a Context<'_, D>,
) -> Result<&'a str, ApiError> {
    let user_id = cx.params.require("id")?;
    own_caregiver(cx, user_id).await?;
    Ok(user_id)
}

/// Where a client id came from: another provider's client does not exist in a path, and is
/// a wrong field in a body.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ClientFrom {
    Path,
    Field(&'static str),
}

pub(crate) async fn own_client<D: Database>(
    cx: &Context<'_, D>,
    client_id: &str,
    from: ClientFrom,
) -> Result<(), ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    if store::facts::is_provider_client(cx.db, provider_id, client_id).await? {
        return Ok(());
    }
    Err(match from {
        ClientFrom::Path => ApiError::NotFound("Klient"),
        ClientFrom::Field(field) => {
            FieldError::new(field, "Takový klient u poskytovatele není.").into()
        }
    })
}

/// `GET /api/schedule/caregivers`: every caregiver of the provider with contract and skills.
pub async fn list_caregivers<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    Ok(ApiResponse::ok(
        &store::board::caregiver_summaries(cx.db, provider_id).await?,
    ))
}

/// `GET /api/schedule/caregivers/{id}/profile`: her name; skills, weekly shifts, contract,
/// home base.
pub async fn show_profile<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = caregiver_in_path(cx).await?;
    let profile = store::facts::profile(cx.db, user_id)
        .await?
        .ok_or(ApiError::NotFound("Pracovník"))?;
    Ok(ApiResponse::ok(&profile))
}

/// `PUT /api/schedule/caregivers/{id}/profile`.
pub async fn set_profile<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = caregiver_in_path(cx).await?;
    let input: CaregiverProfileInput = json_body(&cx.request.body)?;
    let profile = check_profile(&input)?;
    db::in_transaction(cx.db, async || {
        match store::facts::replace_profile(cx.db, user_id, &profile).await {
            // Skills are deduplicated when checked: only two shifts can collide.
            Err(DbError::UniqueViolation(_)) => Err(FieldError::new(
                "shifts",
                "Dvě směny téhož dne nesmějí začínat ve stejný čas.",
            )
            .into()),
            other => other.map_err(ApiError::from),
        }
    })
    .await?;
    Ok(ApiResponse::no_content())
}

/// `POST /api/schedule/caregivers/{id}/absences`.
pub async fn add_absence<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = caregiver_in_path(cx).await?;
    let input: AbsenceInput = json_body(&cx.request.body)?;
    let reason = check_absence(&input)?;
    let id = new_id();
    store::facts::insert_absence(cx.db, &id, user_id, (input.from, input.to), None, &reason)
        .await?;
    Ok(ApiResponse::json(201, &Created { id }))
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Refusal {
    caregiver_id: String,
}

/// `POST /api/schedule/clients/{client_id}/refused-caregivers`.
pub async fn refuse_caregiver<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.require("client_id")?;
    own_client(cx, client_id, ClientFrom::Path).await?;
    let refusal: Refusal = json_body(&cx.request.body)?;
    own_caregiver(cx, &refusal.caregiver_id)
        .await
        .map_err(|_| FieldError::new("caregiver_id", "Takový pečovatel u poskytovatele není."))?;
    store::facts::refuse_caregiver(cx.db, client_id, &refusal.caregiver_id).await?;
    Ok(ApiResponse::no_content())
}

/// `POST /api/schedule/templates`: a recurring visit of a client's care plan.
pub async fn add_template<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let input: TemplateInput = json_body(&cx.request.body)?;
    let checked = check_template(&input)?;
    own_client(cx, &input.client_id, ClientFrom::Field("client_id")).await?;
    if let Some(caregiver) = &input.preferred_caregiver_id {
        own_caregiver(cx, caregiver).await.map_err(|_| {
            FieldError::new(
                "preferred_caregiver_id",
                "Takový pečovatel u poskytovatele není.",
            )
        })?;
    }
    crate::week::check_catalogue_tasks(cx.db, &input.tasks, "tasks").await?;
    let id = new_id();
    store::facts::insert_template(cx.db, &id, provider_id, &input, &checked).await?;
    cx.audit(
        Action::Create,
        "visit_template",
        Some(&id),
        Some(&input.client_id),
    )
    .await?;
    Ok(ApiResponse::json(201, &Created { id }))
}

/// `GET /api/schedule/caregivers/{id}/absences`.
pub async fn list_absences<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = caregiver_in_path(cx).await?;
    Ok(ApiResponse::ok(
        &store::facts::absences(cx.db, user_id).await?,
    ))
}

/// `DELETE /api/schedule/caregivers/{id}/absences/{absence_id}`.
pub async fn delete_absence<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = caregiver_in_path(cx).await?;
    let absence_id = cx.params.require("absence_id")?;
    if !store::facts::delete_absence(cx.db, user_id, absence_id).await? {
        return Err(ApiError::NotFound("Nepřítomnost"));
    }
    Ok(ApiResponse::no_content())
}

/// `DELETE /api/schedule/templates/{id}`: ends a recurring visit, so it generates nothing
/// from today on. Visits it generated stay as they are (the planner may have edited them);
/// one that never generated a visit is removed.
pub async fn end_template<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let template_id = cx.params.require("id")?;
    let client_id = store::facts::template_client(cx.db, provider_id, template_id)
        .await?
        .ok_or(ApiError::NotFound("Opakovaná návštěva"))?;
    let yesterday = prague_date(cx.now) - chrono::Duration::days(1);
    db::in_transaction(cx.db, async || {
        store::facts::end_template(cx.db, template_id, yesterday).await?;
        cx.audit(
            Action::Delete,
            "visit_template",
            Some(template_id),
            Some(&client_id),
        )
        .await
    })
    .await?;
    Ok(ApiResponse::no_content())
}
