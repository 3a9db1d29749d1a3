//! What the planner tells the system: caregivers' skills, shifts and absences, refused
//! pairings, and care-plan visit templates. The week board's conflicts read these.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError, db};
use serde::Serialize;
use shared::error::FieldError;
use shared::planning::input::{
    AbsenceInput, CaregiverProfileInput, HomeBase, ShiftInput, TemplateInput, check_absence,
    check_profile, check_template,
};
use shared::planning::travel::GeoPoint;
use shared::schedule::{AbsenceView, TemplateView};
use shared::time::prague_date;

use crate::week::{parse_date, split_list};

#[derive(Debug, Serialize)]
struct Created {
    id: String,
}

/// A caregiver of the caller's provider; anyone else is "not found".
async fn own_caregiver<D: Database>(cx: &Context<'_, D>, user_id: &str) -> Result<(), ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    cx.db
        .query_one(
            "SELECT id FROM users WHERE id = $1 AND provider_id = $2 AND role = 'caregiver'",
            &[user_id.into(), provider_id.into()],
        )
        .await?
        .map(drop)
        .ok_or(ApiError::NotFound("Pečovatel"))
}

pub(crate) async fn own_client<D: Database>(
    cx: &Context<'_, D>,
    client_id: &str,
    field: &'static str,
) -> Result<(), ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let found = cx
        .db
        .query_one(
            "SELECT id FROM clients WHERE id = $1 AND provider_id = $2",
            &[client_id.into(), provider_id.into()],
        )
        .await?;
    match (found, field) {
        (Some(_), _) => Ok(()),
        // In the path, another provider's client does not exist; in a body, the field is wrong.
        (None, "") => Err(ApiError::NotFound("Klient")),
        (None, field) => Err(FieldError::new(field, "Takový klient u poskytovatele není.").into()),
    }
}

/// A caregiver's profile as the planner edits it: skills, weekly shifts, contract, home base.
pub async fn show_profile<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = cx.params.get("id").unwrap_or_default();
    own_caregiver(cx, user_id).await?;
    let skills = cx
        .db
        .query(
            "SELECT skill FROM caregiver_skills WHERE user_id = $1 ORDER BY skill",
            &[user_id.into()],
        )
        .await?
        .iter()
        .map(|row| row.text("skill"))
        .collect::<Result<Vec<_>, DbError>>()?;
    let shifts = cx
        .db
        .query(
            "SELECT weekday, start_time, end_time FROM caregiver_shifts WHERE user_id = $1 \
             ORDER BY weekday, start_time",
            &[user_id.into()],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(ShiftInput {
                weekday: u8::try_from(row.integer("weekday")?).unwrap_or_default(),
                start: row.text("start_time")?,
                end: row.text("end_time")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    let profile = cx
        .db
        .query_one(
            "SELECT contract_minutes_per_week, home_street, home_latitude, home_longitude \
             FROM caregiver_profiles WHERE user_id = $1",
            &[user_id.into()],
        )
        .await?;
    let (contract_hours_per_week, home_base) = match profile {
        None => (None, None),
        Some(row) => {
            let home_base = match (
                row.optional_text("home_street")?,
                row.optional_real("home_latitude")?,
                row.optional_real("home_longitude")?,
            ) {
                (Some(street), Some(latitude), Some(longitude)) => Some(HomeBase {
                    street,
                    location: GeoPoint {
                        latitude,
                        longitude,
                    },
                }),
                _ => None,
            };
            let hours = row
                .optional_integer("contract_minutes_per_week")?
                .map(|minutes| minutes as f64 / 60.0);
            (hours, home_base)
        }
    };
    Ok(ApiResponse::ok(&CaregiverProfileInput {
        skills,
        shifts,
        contract_hours_per_week,
        home_base,
    }))
}

pub async fn set_profile<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = cx.params.get("id").unwrap_or_default();
    own_caregiver(cx, user_id).await?;
    let input: CaregiverProfileInput = json_body(&cx.request.body)?;
    let profile = check_profile(&input)?;
    db::in_transaction(cx.db, async || {
        cx.db.execute("DELETE FROM caregiver_skills WHERE user_id = $1", &[user_id.into()]).await?;
        cx.db.execute("DELETE FROM caregiver_shifts WHERE user_id = $1", &[user_id.into()]).await?;
        cx.db.execute("DELETE FROM caregiver_profiles WHERE user_id = $1", &[user_id.into()]).await?;
        let home = profile.home_base.as_ref();
        cx.db
            .execute(
                "INSERT INTO caregiver_profiles (user_id, contract_minutes_per_week, home_street, home_latitude, home_longitude) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    user_id.into(),
                    profile.contract_minutes_per_week.into(),
                    home.map(|h| h.street.trim().to_owned()).into(),
                    home.map(|h| h.location.latitude).into(),
                    home.map(|h| h.location.longitude).into(),
                ],
            )
            .await?;
        for skill in &profile.skills {
            cx.db
                .execute(
                    "INSERT INTO caregiver_skills (user_id, skill) VALUES ($1, $2)",
                    &[user_id.into(), skill.as_str().into()],
                )
                .await?;
        }
        for shift in &profile.shifts {
            let inserted = cx
                .db
                .execute(
                    "INSERT INTO caregiver_shifts (user_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4)",
                    &[
                        user_id.into(),
                        i64::from(shift.weekday).into(),
                        shift.start.format("%H:%M").to_string().into(),
                        shift.end.format("%H:%M").to_string().into(),
                    ],
                )
                .await;
            if let Err(platform::DbError::UniqueViolation(_)) = inserted {
                return Err(FieldError::new("shifts", "Dvě směny téhož dne nesmějí začínat ve stejný čas.").into());
            }
            inserted?;
        }
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::no_content())
}

pub async fn add_absence<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = cx.params.get("id").unwrap_or_default();
    own_caregiver(cx, user_id).await?;
    let input: AbsenceInput = json_body(&cx.request.body)?;
    let reason = check_absence(&input)?;
    let id = new_id();
    cx.db
        .execute(
            "INSERT INTO caregiver_absences (id, user_id, from_date, to_date, reason) VALUES ($1, $2, $3, $4, $5)",
            &[
                id.as_str().into(),
                user_id.into(),
                input.from.to_string().into(),
                input.to.to_string().into(),
                reason.into(),
            ],
        )
        .await?;
    Ok(ApiResponse::json(201, &Created { id }))
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Refusal {
    caregiver_id: String,
}

pub async fn refuse_caregiver<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.get("client_id").unwrap_or_default();
    own_client(cx, client_id, "").await?;
    let refusal: Refusal = json_body(&cx.request.body)?;
    own_caregiver(cx, &refusal.caregiver_id)
        .await
        .map_err(|_| FieldError::new("caregiver_id", "Takový pečovatel u poskytovatele není."))?;
    let params = [client_id.into(), refusal.caregiver_id.as_str().into()];
    let known = cx
        .db
        .query_one(
            "SELECT client_id FROM client_refused_caregivers WHERE client_id = $1 AND user_id = $2",
            &params,
        )
        .await?;
    if known.is_none() {
        cx.db
            .execute(
                "INSERT INTO client_refused_caregivers (client_id, user_id) VALUES ($1, $2)",
                &params,
            )
            .await?;
    }
    Ok(ApiResponse::no_content())
}

pub async fn add_template<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let input: TemplateInput = json_body(&cx.request.body)?;
    let checked = check_template(&input)?;
    own_client(cx, &input.client_id, "client_id").await?;
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
    cx.db
        .execute(
            "INSERT INTO visit_templates (id, provider_id, client_id, weekdays, window_start, window_end, \
                                          duration_minutes, tasks, required_skills, caregivers_needed, \
                                          preferred_caregiver_id, valid_from, valid_to) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                id.as_str().into(),
                provider_id.into(),
                input.client_id.as_str().into(),
                checked.weekdays.into(),
                checked.window_start.format("%H:%M").to_string().into(),
                checked.window_end.format("%H:%M").to_string().into(),
                input.duration_minutes.into(),
                input.tasks.join(",").into(),
                input.required_skills.join(",").into(),
                i64::from(input.caregivers_needed).into(),
                input.preferred_caregiver_id.clone().into(),
                input.valid_from.to_string().into(),
                input.valid_to.map(|to| to.to_string()).into(),
            ],
        )
        .await?;
    cx.audit(
        Action::Create,
        "visit_template",
        Some(&id),
        Some(&input.client_id),
    )
    .await?;
    Ok(ApiResponse::json(201, &Created { id }))
}

pub async fn list_absences<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = cx.params.get("id").unwrap_or_default();
    own_caregiver(cx, user_id).await?;
    let absences = cx
        .db
        .query(
            "SELECT id, from_date, to_date, reason FROM caregiver_absences WHERE user_id = $1 \
             ORDER BY from_date, id",
            &[user_id.into()],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(AbsenceView {
                id: row.text("id")?,
                from: parse_date(row, "from_date")?,
                to: parse_date(row, "to_date")?,
                reason: row.text("reason")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(ApiResponse::ok(&absences))
}

pub async fn delete_absence<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let user_id = cx.params.get("id").unwrap_or_default();
    own_caregiver(cx, user_id).await?;
    let absence_id = cx.params.get("absence_id").unwrap_or_default();
    let deleted = cx
        .db
        .execute(
            "DELETE FROM caregiver_absences WHERE id = $1 AND user_id = $2",
            &[absence_id.into(), user_id.into()],
        )
        .await?;
    if deleted == 0 {
        return Err(ApiError::NotFound("Nepřítomnost"));
    }
    Ok(ApiResponse::no_content())
}

/// A client's recurring visits, earliest valid first.
pub async fn client_templates(
    db: &impl Database,
    client_id: &str,
) -> Result<Vec<TemplateView>, DbError> {
    db.query(
        "SELECT id, weekdays, window_start, window_end, duration_minutes, tasks, required_skills, \
                caregivers_needed, preferred_caregiver_id, valid_from, valid_to \
         FROM visit_templates WHERE client_id = $1 ORDER BY valid_from, id",
        &[client_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(TemplateView {
            id: row.text("id")?,
            weekdays: row
                .text("weekdays")?
                .chars()
                .filter_map(|digit| digit.to_digit(10).and_then(|d| u8::try_from(d).ok()))
                .collect(),
            window_start: row.text("window_start")?,
            window_end: row.text("window_end")?,
            duration_minutes: row.integer("duration_minutes")?,
            tasks: split_list(&row.text("tasks")?),
            required_skills: split_list(&row.text("required_skills")?),
            caregivers_needed: u8::try_from(row.integer("caregivers_needed")?).unwrap_or(1),
            preferred_caregiver_id: row.optional_text("preferred_caregiver_id")?,
            valid_from: parse_date(row, "valid_from")?,
            valid_to: row
                .optional_text("valid_to")?
                .and_then(|text| text.parse().ok()),
        })
    })
    .collect()
}

/// Ends a recurring visit: it generates nothing from today on. Visits it generated stay as
/// they are (the planner may have edited them); one that never generated a visit is removed.
pub async fn end_template<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let template_id = cx.params.get("id").unwrap_or_default();
    let client_id = cx
        .db
        .query_one(
            "SELECT client_id FROM visit_templates WHERE id = $1 AND provider_id = $2",
            &[template_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Opakovaná návštěva"))?
        .text("client_id")?;
    let yesterday = prague_date(cx.now) - chrono::Duration::days(1);
    db::in_transaction(cx.db, async || {
        let used = cx
            .db
            .query_one(
                "SELECT id FROM visits WHERE template_id = $1 LIMIT 1",
                &[template_id.into()],
            )
            .await?;
        if used.is_some() {
            cx.db
                .execute(
                    "UPDATE visit_templates SET valid_to = $1 WHERE id = $2",
                    &[yesterday.to_string().into(), template_id.into()],
                )
                .await?;
        } else {
            cx.db
                .execute(
                    "DELETE FROM visit_templates WHERE id = $1",
                    &[template_id.into()],
                )
                .await?;
        }
        cx.audit(
            Action::Delete,
            "visit_template",
            Some(template_id),
            Some(&client_id),
        )
        .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::no_content())
}
