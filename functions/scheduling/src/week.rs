//! The planner's week: generate it from the care plans' templates, read it with its
//! conflicts, add a visit by hand, and read a visit's history.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::error::FieldError;
use shared::planning::change::check_caregiver_ids;
use shared::planning::conflicts::{PlanFacts, detect_conflicts, home_drives, travel_legs};
use shared::planning::travel::GreatCircleModel;
use shared::planning::week::{generate_week, week_start};
use shared::schedule::{GeneratedWeek, NewVisit, VisitChangeResult, WeekBoard};
use shared::time::{prague_date, prague_day_bounds};

use crate::store;
use crate::store::board::Week;
use crate::store::week::{NewEvent, NewVisitRow};

/// `{monday}` from the path: a date that is a Monday.
fn monday<D>(cx: &Context<'_, D>) -> Result<NaiveDate, ApiError> {
    cx.params
        .require("monday")?
        .parse::<NaiveDate>()
        .ok()
        .filter(|date| date.weekday() == Weekday::Mon)
        .ok_or_else(|| ApiError::BadInput {
            code: "invalid_field",
            field: Some("monday".into()),
            message: "Týden se zadává datem jeho pondělí, např. 2026-11-23.".into(),
        })
}

/// The UTC span of a Prague week.
pub(crate) fn week_span(monday: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let (start, _) = prague_day_bounds(monday);
    let (_, end) = prague_day_bounds(monday + Duration::days(6));
    (start, end)
}

/// `POST /api/schedule/week/{monday}/generate`: the week's visits from the templates, each
/// (template, day) once however often it runs.
pub async fn generate<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let monday = monday(cx)?;
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let templates = store::week::templates(cx.db, provider_id).await?;
    let by_id: BTreeMap<&str, &store::week::GeneratingTemplate> = templates
        .iter()
        .map(|t| (t.template.id.as_str(), t))
        .collect();
    let plain: Vec<_> = templates.iter().map(|t| t.template.clone()).collect();
    let (start, end) = week_span(monday);
    let created = db::in_transaction(cx.db, async || {
        let existing = store::week::generated(cx.db, provider_id, start, end).await?;
        let mut visits = Vec::new();
        let mut events = Vec::new();
        for visit in generate_week(&plain, monday, &existing) {
            let template = by_id.get(visit.template_id.as_str()).ok_or_else(|| {
                ApiError::Internal(format!(
                    "generated a visit of template {}, which was not loaded",
                    visit.template_id
                ))
            })?;
            let id = new_id();
            events.push(NewEvent::new(
                &id,
                "generated",
                format!("šablona {}", visit.template_id),
                None,
            ));
            visits.push(NewVisitRow {
                id,
                provider_id: provider_id.to_owned(),
                client_id: visit.client_id,
                caregiver_ids: template.preferred_caregiver_id.iter().cloned().collect(),
                starts_at: visit.starts_at,
                ends_at: visit.ends_at,
                template_id: Some(visit.template_id),
                planned_date: visit.date,
                window: Some((visit.window_opens_at, visit.window_closes_at)),
                caregivers_needed: visit.caregivers_needed,
                required_skills: template.required_skills.clone(),
                tasks: visit.tasks,
            });
        }
        store::week::insert_visits(cx.db, &visits, &events, &caller.user.user_id, cx.now).await?;
        cx.audit(
            Action::Create,
            "week_visits",
            Some(&monday.to_string()),
            None,
        )
        .await?;
        Ok::<_, ApiError>(u32::try_from(visits.len()).unwrap_or(u32::MAX))
    })
    .await?;
    Ok(ApiResponse::json(201, &GeneratedWeek { created }))
}

/// The board of a provider's week, and its conflicts.
pub(crate) async fn load_board(
    db: &impl Database,
    provider_id: &str,
    monday: NaiveDate,
) -> Result<WeekBoard, ApiError> {
    let week = Week::load(db, provider_id, week_span(monday)).await?;
    let planned = week.planned();
    let travel = GreatCircleModel::default();
    let conflicts = detect_conflicts(
        &planned,
        &PlanFacts {
            caregivers: &week.caregivers,
            clients: &week.clients,
            travel: &travel,
        },
    );
    Ok(WeekBoard {
        monday,
        caregivers: store::board::board_caregivers(
            db,
            provider_id,
            &planned,
            &week.caregivers,
            monday..=monday + Duration::days(6),
        )
        .await?,
        visits: week.visits.into_iter().map(|(board, _)| board).collect(),
        conflicts,
        travel: travel_legs(&planned, &travel),
        home_drives: home_drives(&planned, &week.home_bases, &travel),
    })
}

/// `GET /api/schedule/week/{monday}`.
pub async fn board<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let monday = monday(cx)?;
    let provider_id = cx.caller()?.provider_id()?;
    let board = load_board(cx.db, provider_id, monday).await?;
    cx.audit(Action::Read, "week_board", Some(&monday.to_string()), None)
        .await?;
    Ok(ApiResponse::ok(&board))
}

/// A visit as it now stands and every conflict of its week that involves it.
pub(crate) async fn change_result(
    db: &impl Database,
    provider_id: &str,
    visit_id: &str,
    starts_at: DateTime<Utc>,
) -> Result<VisitChangeResult, ApiError> {
    let board = load_board(db, provider_id, week_start(prague_date(starts_at))).await?;
    let visit = board
        .visits
        .iter()
        .find(|v| v.id == visit_id)
        .cloned()
        .ok_or_else(|| {
            ApiError::Internal(format!("visit {visit_id} is missing from its own week"))
        })?;
    let conflicts = board
        .conflicts
        .into_iter()
        .filter(|c| c.involves(visit_id))
        .collect();
    Ok(VisitChangeResult { visit, conflicts })
}

/// The caregivers of a visit are at most two different active caregivers of the provider.
pub(crate) async fn check_caregivers(
    db: &impl Database,
    provider_id: &str,
    ids: &[String],
) -> Result<(), ApiError> {
    check_caregiver_ids(ids)?;
    require_active_caregivers(db, provider_id, ids).await
}

/// Every one of `ids` is an active caregiver of the provider.
pub(crate) async fn require_active_caregivers(
    db: &impl Database,
    provider_id: &str,
    ids: &[String],
) -> Result<(), ApiError> {
    let wanted = ids.iter().map(String::as_str).collect();
    let active = store::changes::active_caregivers(db, provider_id, &wanted).await?;
    if ids.iter().any(|id| !active.contains(id)) {
        return Err(
            FieldError::new("caregiver_ids", "Takový pečovatel u poskytovatele není.").into(),
        );
    }
    Ok(())
}

/// Every task code is in the legal catalogue; `field` names the input that holds them.
pub(crate) async fn check_catalogue_tasks(
    db: &impl Database,
    tasks: &[String],
    field: &'static str,
) -> Result<(), ApiError> {
    if store::week::unknown_tasks(db, tasks).await?.is_empty() {
        Ok(())
    } else {
        Err(FieldError::new(field, "Úkon není v zákonném katalogu.").into())
    }
}

/// `POST /api/schedule/visits`: adds a visit by hand, with its reason in the history;
/// answers like a change does.
pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let input: NewVisit = json_body(&cx.request.body)?;
    let checked = shared::planning::input::check_new_visit(&input)?;
    if !store::facts::is_provider_client(cx.db, provider_id, &input.client_id).await? {
        return Err(FieldError::new("client_id", "Takový klient u poskytovatele není.").into());
    }
    check_caregivers(cx.db, provider_id, &input.caregiver_ids).await?;
    check_catalogue_tasks(cx.db, &input.tasks, "tasks").await?;
    let id = new_id();
    let visit = NewVisitRow {
        id: id.clone(),
        provider_id: provider_id.to_owned(),
        client_id: input.client_id.clone(),
        caregiver_ids: input.caregiver_ids.clone(),
        starts_at: input.starts_at,
        ends_at: checked.ends_at,
        template_id: None,
        planned_date: prague_date(input.starts_at),
        window: None,
        caregivers_needed: input.caregivers_needed,
        required_skills: String::new(),
        tasks: input.tasks.clone(),
    };
    let event = NewEvent::new(
        &id,
        "created",
        input.caregiver_ids.join(", "),
        Some(&checked.reason),
    );
    db::in_transaction(cx.db, async || {
        store::week::insert_visits(cx.db, &[visit], &[event], &caller.user.user_id, cx.now).await?;
        cx.audit(Action::Create, "visit", Some(&id), Some(&input.client_id))
            .await
    })
    .await?;
    let result = change_result(cx.db, provider_id, &id, input.starts_at).await?;
    Ok(ApiResponse::json(201, &result))
}

/// `GET /api/schedule/visits/{id}/history`.
pub async fn history<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let visit_id = cx.params.require("id")?;
    let client_id = store::week::client_of_visit(cx.db, provider_id, visit_id)
        .await?
        .ok_or(ApiError::NotFound("Návštěva"))?;
    cx.audit(
        Action::Read,
        "visit_history",
        Some(visit_id),
        Some(&client_id),
    )
    .await?;
    let events = store::week::history(cx.db, visit_id).await?;
    Ok(ApiResponse::ok(&events))
}
