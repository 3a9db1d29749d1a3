//! `POST /api/records/sync`: a caregiver's outbox. Each item is parsed, checked and applied
//! in its own transaction, so one bad item is rejected and the rest go on. The record id is
//! the primary key and the merge rules are a function of the visit's set of records
//! (`shared::records::sync`), so replays, in any order, change nothing.

use std::collections::BTreeMap;

use platform::audit::Action;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, DbError, db};
use serde::Deserialize;
use shared::catalogue::TaskUnit;
use shared::error::FieldError;
use shared::records::sync::{
    Arrival, RecordFacts, RecordState, check_times_around_visit, decide, resolve,
};
use shared::records::{
    MAX_SYNC_BATCH, ReleaseInput, SyncItemResult, SyncOutcome, SyncResponse, VisitRecordInput,
    check_reason, check_record,
};

use crate::records::{one_record, record_not_found};
use crate::store::visits::{self, Visit};
use crate::store::{self, records};

/// The request as it arrives: items stay raw until each is parsed on its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSyncRequest {
    items: Vec<serde_json::Value>,
}

pub async fn sync<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let request: RawSyncRequest = json_body(&cx.request.body)?;
    if request.items.len() > MAX_SYNC_BATCH {
        return Err(FieldError::new(
            "items",
            format!("Najednou lze odeslat nejvýše {MAX_SYNC_BATCH} záznamů; zbytek pošlete v dalším požadavku."),
        )
        .into());
    }
    let units = store::task_units(cx.db).await?;
    let mut results = Vec::with_capacity(request.items.len());
    for item in &request.items {
        let record_id = item
            .get("record_id")
            .and_then(serde_json::Value::as_str)
            .map(|id| id.trim().to_ascii_lowercase());
        let result = match sync_item(cx, &units, item).await {
            Ok(result) => result,
            Err(error) => SyncItemResult {
                record_id,
                outcome: SyncOutcome::Rejected,
                state: None,
                conflicts: Vec::new(),
                error: Some(error.detail().1),
            },
        };
        results.push(result);
    }
    Ok(ApiResponse::ok(&SyncResponse { results }))
}

fn not_your_visit() -> ApiError {
    FieldError::new("visit_id", "Taková návštěva mezi vašimi návštěvami není.").into()
}

fn record_id_reused() -> ApiError {
    ApiError::Conflict {
        code: "record_id_reused",
        field: Some("record_id".into()),
        message:
            "Záznam s tímto identifikátorem už je uložen s jiným obsahem. Vytvořte nový záznam."
                .into(),
    }
}

/// The visit, locked, if the calling caregiver may record it: she is on it now, in either
/// position, or the planner took her off it (she may have gone there offline before her
/// phone learned of the change).
async fn lock_own_visit<D: Database>(
    cx: &Context<'_, D>,
    visit_id: &str,
) -> Result<Visit, ApiError> {
    let caller = cx.caller()?;
    let me = caller.user.user_id.as_str();
    let visit = visits::lock(cx.db, visit_id, caller.provider_id()?)
        .await?
        .ok_or_else(not_your_visit)?;
    if visit.assignment.includes(me) || visits::was_taken_off(cx.db, visit_id, me).await? {
        Ok(visit)
    } else {
        Err(not_your_visit())
    }
}

async fn sync_item<D: Database>(
    cx: &Context<'_, D>,
    units: &BTreeMap<String, TaskUnit>,
    item: &serde_json::Value,
) -> Result<SyncItemResult, ApiError> {
    let bytes = serde_json::to_vec(item)
        .map_err(|_| FieldError::new("items", "Položka není platný JSON."))?;
    let mut input: VisitRecordInput = json_body(&bytes)?;
    let record = check_record(&input, |code| units.get(code).copied(), cx.now)?;
    input.record_id.clone_from(&record.record_id);
    // The parsed input written back out: equal contents give equal text.
    let fingerprint = serde_json::to_string(&input)
        .map_err(|_| FieldError::new("items", "Položka není platný JSON."))?;
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let incoming = RecordFacts {
        record_id: record.record_id.clone(),
        caregiver_id: caller.user.user_id.clone(),
        recorded_at: record.recorded_at,
        planned_starts_at: record.planned_starts_at,
        fingerprint,
        released: false,
    };
    db::in_transaction(cx.db, async || {
        let visit = lock_own_visit(cx, &record.visit_id).await?;
        check_times_around_visit(&record, visit.starts_at)?;
        let stored = records::facts_of_visit(cx.db, &record.visit_id).await?;
        let existing: Vec<RecordFacts> = stored.iter().map(|(facts, _)| facts.clone()).collect();
        let decision = decide(&visit.facts(), &existing, &incoming);
        match decision.arrival {
            Arrival::IdReused => Err(record_id_reused()),
            Arrival::Duplicate => Ok(SyncItemResult {
                record_id: Some(record.record_id.clone()),
                outcome: SyncOutcome::Duplicate,
                state: stored
                    .iter()
                    .find(|(facts, _)| facts.record_id == incoming.record_id)
                    .map(|(_, state)| *state),
                conflicts: records::conflicts_of(cx.db, &record.record_id).await?,
                error: None,
            }),
            Arrival::New => {
                match records::insert(
                    cx.db,
                    &record,
                    &incoming,
                    provider_id,
                    &visit.client_id,
                    cx.now,
                )
                .await
                {
                    // The id is taken by a record of another visit.
                    Err(DbError::UniqueViolation(_)) => return Err(record_id_reused()),
                    other => other?,
                }
                // The visit reads 'done' through `visit_progress` once a record is accepted.
                for resolution in &decision.resolutions {
                    records::write_resolution(
                        cx.db,
                        &record.visit_id,
                        provider_id,
                        resolution,
                        cx.now,
                    )
                    .await?;
                }
                cx.audit(
                    Action::Create,
                    "visit_record",
                    Some(&record.record_id),
                    Some(&visit.client_id),
                )
                .await?;
                let mine = decision
                    .resolutions
                    .iter()
                    .find(|resolution| resolution.record_id == record.record_id)
                    .ok_or_else(|| {
                        ApiError::Internal(
                            "the sync rules resolved every record but the new one".into(),
                        )
                    })?;
                Ok(SyncItemResult {
                    record_id: Some(record.record_id.clone()),
                    outcome: if mine.conflicts.is_empty() {
                        SyncOutcome::Applied
                    } else {
                        SyncOutcome::Conflict
                    },
                    state: Some(mine.state),
                    conflicts: mine.conflicts.clone(),
                    error: None,
                })
            }
        }
    })
    .await
}

/// `POST /api/records/{id}/release`: a coordinator counts a held record (the care happened
/// although the visit had been cancelled); the rules then resolve the visit's records anew.
pub async fn release<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let record_id = cx.params.require("id")?;
    let input: ReleaseInput = json_body(&cx.request.body)?;
    let reason = check_reason(&input.reason)?;
    let owner = records::owner(cx.db, record_id, provider_id)
        .await?
        .ok_or_else(record_not_found)?;
    db::in_transaction(cx.db, async || {
        let visit = visits::lock(cx.db, &owner.visit_id, provider_id)
            .await?
            .ok_or_else(record_not_found)?;
        let stored = records::facts_of_visit(cx.db, &owner.visit_id).await?;
        let held = stored
            .iter()
            .any(|(facts, state)| facts.record_id == record_id && *state == RecordState::Held);
        if !held {
            return Err(ApiError::Conflict {
                code: "record_not_held",
                field: None,
                message: "Uznat lze jen pozdržený záznam zrušené návštěvy.".into(),
            });
        }
        records::release(cx.db, record_id, &caller.user.user_id, &reason, cx.now).await?;
        let facts: Vec<RecordFacts> = stored
            .into_iter()
            .map(|(mut facts, _)| {
                facts.released |= facts.record_id == record_id;
                facts
            })
            .collect();
        for resolution in resolve(&visit.facts(), &facts) {
            records::write_resolution(cx.db, &owner.visit_id, provider_id, &resolution, cx.now)
                .await?;
        }
        cx.audit(
            Action::Update,
            "visit_record",
            Some(record_id),
            Some(&owner.client_id),
        )
        .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::ok(
        &one_record(cx.db, &owner.visit_id, record_id).await?,
    ))
}
