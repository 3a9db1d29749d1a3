//! Planning writes: a planner's move, reassignment or cancellation of a visit, and the
//! accepted changes of an optimiser's proposal. Each runs in one transaction that reads the
//! visits it changes inside it, so two planners at once never record a stale `old → new`.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use platform::audit::{self, Action, Subject};
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::bounds::{bounded_list, plausible_instant};
use shared::error::FieldError;
use shared::planning::change::{ChangedVisit, DoneVisit, Requested, apply};
use shared::planning::input::check_reason;
use shared::planning::proposal::free_window;
use shared::planning::week::week_start;
use shared::schedule::{AcceptProposal, AcceptedProposal, VisitChange};
use shared::time::prague_date;

use crate::store;
use crate::week::{change_result, check_caregivers, load_board, require_active_caregivers};

/// The most changes one acceptance takes.
const MAX_ACCEPTED_CHANGES: usize = 2000;

/// `PATCH /api/schedule/visits/{id}`: moves, reassigns and/or cancels a visit, each change
/// kept in its history with the reason; answers with the visit and the conflicts of its
/// week that involve it.
pub async fn change<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let visit_id = cx.params.require("id")?;
    let change: VisitChange = json_body(&cx.request.body)?;
    let reason = check_reason(&change.reason)?;
    if let Some(starts_at) = change.starts_at {
        plausible_instant(starts_at, "starts_at")?;
    }
    if let Some(ids) = &change.caregiver_ids {
        bounded_list(ids, "caregiver_ids")?;
        check_caregivers(cx.db, provider_id, ids).await?;
    }
    let starts_at = db::in_transaction(cx.db, async || {
        let requested = Requested {
            starts_at: change.starts_at,
            caregiver_ids: change.caregiver_ids.as_deref(),
            cancel: change.cancel,
        };
        change_in_transaction(cx, visit_id, requested, &reason)
            .await
            .map(|(starts_at, _)| starts_at)
    })
    .await?;
    let result = change_result(cx.db, provider_id, visit_id, starts_at).await?;
    Ok(ApiResponse::ok(&result))
}

/// A done visit is corrected through its record, never re-planned.
fn refused(_: DoneVisit, field: Option<&str>) -> ApiError {
    ApiError::Conflict {
        code: "visit_done",
        field: field.map(str::to_owned),
        message: "Návštěva už proběhla a je zapsaná; nelze ji přesunout, přeobsadit ani zrušit. \
                  Opravte místo toho její záznam."
            .into(),
    }
}

/// One visit of the caller's provider changed inside the caller's transaction, kept in its
/// history with the reason; answers the visit's new start and the history events written.
pub(crate) async fn change_in_transaction<D: Database>(
    cx: &Context<'_, D>,
    visit_id: &str,
    requested: Requested<'_>,
    reason: &str,
) -> Result<(chrono::DateTime<chrono::Utc>, Vec<String>), ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let current = store::changes::lock_visits(cx.db, provider_id, &[visit_id])
        .await?
        .remove(visit_id)
        .ok_or(ApiError::NotFound("Návštěva"))?;
    let changed = apply(&current, requested).map_err(|done| refused(done, None))?;
    let events = store::changes::save_changes(
        cx.db,
        std::slice::from_ref(&changed),
        &caller.user.user_id,
        reason,
        cx.now,
    )
    .await?;
    cx.audit(
        Action::Update,
        "visit",
        Some(visit_id),
        Some(&current.client_id),
    )
    .await?;
    Ok((changed.visit.starts_at, events))
}

/// `POST /api/schedule/optimise/accept`: the chosen changes, all or none, in a number of
/// statements that does not grow with the number of changes.
pub async fn accept<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let input: AcceptProposal = json_body(&cx.request.body)?;
    let reason = check_reason(&input.reason)?;
    if input.changes.is_empty() {
        return Err(FieldError::new("changes", "Vyberte alespoň jednu změnu z návrhu.").into());
    }
    if input.changes.len() > MAX_ACCEPTED_CHANGES {
        return Err(FieldError::new(
            "changes",
            "Najednou lze přijmout nejvýše 2\u{a0}000 změn; přijměte návrh po dnech.",
        )
        .into());
    }
    let ids: Vec<&str> = input.changes.iter().map(|c| c.visit_id.as_str()).collect();
    if ids.iter().collect::<BTreeSet<_>>().len() != ids.len() {
        return Err(FieldError::new(
            "changes.visit_id",
            "Každá návštěva smí být mezi přijatými změnami jen jednou.",
        )
        .into());
    }
    let caregivers: Vec<String> = input
        .changes
        .iter()
        .flat_map(|c| c.caregiver_ids.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for change in &input.changes {
        shared::planning::change::check_caregiver_ids(&change.caregiver_ids)?;
    }
    let applied = db::in_transaction(cx.db, async || {
        let current = store::changes::lock_visits(cx.db, provider_id, &ids).await?;
        let changed = input
            .changes
            .iter()
            .map(|change| {
                let visit = current.get(&change.visit_id).ok_or_else(|| {
                    FieldError::new("changes.visit_id", "Taková návštěva u poskytovatele není.")
                })?;
                apply(
                    visit,
                    Requested {
                        starts_at: Some(change.starts_at),
                        caregiver_ids: Some(&change.caregiver_ids),
                        cancel: false,
                    },
                )
                .map_err(|done| refused(done, Some("changes.visit_id")))
            })
            .collect::<Result<Vec<ChangedVisit>, ApiError>>()?;
        require_active_caregivers(cx.db, provider_id, &caregivers).await?;
        store::changes::save_changes(cx.db, &changed, &caller.user.user_id, &reason, cx.now)
            .await?;
        // A visit without an agreed window that a proposal moves keeps the window it moved
        // in, so the next proposal cannot walk it further from the client's time.
        let windows: Vec<(&str, DateTime<Utc>, DateTime<Utc>)> = changed
            .iter()
            .filter_map(|c| {
                let before = current.get(&c.visit.id)?;
                (before.starts_at != c.visit.starts_at).then(|| {
                    let (opens, closes) = free_window(before.starts_at);
                    (c.visit.id.as_str(), opens, closes)
                })
            })
            .collect();
        store::changes::keep_windows(cx.db, &windows).await?;
        let subjects: Vec<Subject> = changed
            .iter()
            .map(|c| Subject {
                entity: "visit",
                entity_id: Some(&c.visit.id),
                client_id: Some(&c.visit.client_id),
                provider_id: Some(provider_id),
            })
            .collect();
        audit::record_many(cx.db, caller, Action::Update, &subjects, cx.now).await?;
        Ok::<_, ApiError>(changed.len())
    })
    .await?;
    let first_start = input.changes.first().map_or(cx.now, |c| c.starts_at);
    let board = load_board(cx.db, provider_id, week_start(prague_date(first_start))).await?;
    Ok(ApiResponse::ok(&AcceptedProposal {
        applied: u32::try_from(applied).unwrap_or(u32::MAX),
        conflicts: board.conflicts,
    }))
}
