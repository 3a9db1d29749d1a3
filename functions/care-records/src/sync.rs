//! `POST /api/records/sync`: a caregiver's outbox. Each item is parsed, checked and applied
//! in its own transaction, so one bad item is rejected and the rest go on. The record id is
//! the primary key and the merge rules are a function of the visit's set of records
//! (`shared::records::sync`), so replays, in any order, change nothing.

use std::collections::BTreeMap;

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{
    ApiError, ApiResponse, Context, Database, DbError, Engine, Row, Value, db, timestamp,
};
use serde::Deserialize;
use shared::catalogue::TaskUnit;
use shared::error::FieldError;
use shared::records::sync::{Arrival, RecordFacts, RecordState, VisitFacts, decide, resolve};
use shared::records::{
    CheckedRecord, MAX_SYNC_BATCH, ReleaseInput, SyncItemResult, SyncOutcome, SyncResponse,
    VisitRecordInput, check_reason, check_record,
};
use shared::schedule::VisitStatus;

use crate::store::{conflict_kind, insert_tasks, instant, one_record, planned_tasks, record_state};

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
    let units = crate::store::task_units(cx.db).await?;
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

/// A visit of the caller's provider, locked for the rest of the transaction: the rules
/// read all its records, so two records of one visit are resolved one after the other.
async fn lock_visit<D: Database>(
    cx: &Context<'_, D>,
    visit_id: &str,
) -> Result<Option<Row>, ApiError> {
    let lock = match cx.db.engine() {
        // SQLite's BEGIN IMMEDIATE already holds the write lock.
        Engine::Sqlite => "",
        Engine::Postgres => " FOR UPDATE",
    };
    Ok(cx
        .db
        .query_one(
            &format!(
                "SELECT id, client_id, status, starts_at, caregiver_id, second_caregiver_id \
                 FROM visits WHERE id = $1 AND provider_id = $2{lock}"
            ),
            &[visit_id.into(), cx.caller()?.provider_id()?.into()],
        )
        .await?)
}

/// The visit, locked, if the calling caregiver may record it.
async fn lock_own_visit<D: Database>(cx: &Context<'_, D>, visit_id: &str) -> Result<Row, ApiError> {
    let caller = cx.caller()?;
    let row = lock_visit(cx, visit_id).await?.ok_or_else(not_your_visit)?;
    let me = caller.user.user_id.as_str();
    let assigned_now = [
        row.optional_text("caregiver_id")?,
        row.optional_text("second_caregiver_id")?,
    ]
    .iter()
    .any(|id| id.as_deref() == Some(me));
    // A caregiver the planner took off the visit may still have gone there offline: the
    // scheduling history names the caregivers before a reassignment ("old → new").
    let assigned_before = || async {
        cx.db
            .query_one(
                "SELECT id FROM visit_events WHERE visit_id = $1 AND kind = 'assigned' AND detail LIKE $2",
                &[visit_id.into(), format!("%{me}%→%").into()],
            )
            .await
            .map(|found| found.is_some())
    };
    if assigned_now || assigned_before().await? {
        Ok(row)
    } else {
        Err(not_your_visit())
    }
}

fn visit_facts(row: &Row) -> Result<VisitFacts, DbError> {
    Ok(VisitFacts {
        status: row.parsed("status", "a visit status", VisitStatus::parse)?,
        starts_at: instant(row, "starts_at")?,
        caregiver_ids: [
            row.optional_text("caregiver_id")?,
            row.optional_text("second_caregiver_id")?,
        ]
        .into_iter()
        .flatten()
        .collect(),
    })
}

async fn stored_facts(
    db: &impl Database,
    visit_id: &str,
) -> Result<Vec<(RecordFacts, RecordState)>, DbError> {
    db.query(
        "SELECT id, caregiver_id, recorded_at, planned_starts_at, fingerprint, state, released_at \
         FROM visit_records WHERE visit_id = $1",
        &[visit_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok((
            RecordFacts {
                record_id: row.text("id")?,
                caregiver_id: row.text("caregiver_id")?,
                recorded_at: instant(row, "recorded_at")?,
                planned_starts_at: instant(row, "planned_starts_at")?,
                fingerprint: row.text("fingerprint")?,
                released: row.optional_text("released_at")?.is_some(),
            },
            record_state(row)?,
        ))
    })
    .collect()
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
        let stored = stored_facts(cx.db, &record.visit_id).await?;
        let existing: Vec<RecordFacts> = stored.iter().map(|(facts, _)| facts.clone()).collect();
        let decision = decide(&visit_facts(&visit)?, &existing, &incoming);
        match decision.arrival {
            Arrival::IdReused => Err(record_id_reused()),
            Arrival::Duplicate => {
                let state = stored
                    .iter()
                    .find(|(facts, _)| facts.record_id == incoming.record_id)
                    .map(|(_, state)| *state);
                let conflicts = cx
                    .db
                    .query(
                        "SELECT kind FROM record_conflicts WHERE record_id = $1 ORDER BY kind",
                        &[record.record_id.as_str().into()],
                    )
                    .await?
                    .iter()
                    .map(conflict_kind)
                    .collect::<Result<Vec<_>, DbError>>()?;
                Ok(SyncItemResult {
                    record_id: Some(record.record_id.clone()),
                    outcome: SyncOutcome::Duplicate,
                    state,
                    conflicts,
                    error: None,
                })
            }
            Arrival::New => {
                let client_id = visit.text("client_id")?;
                insert_record(cx, &record, &incoming, &client_id).await?;
                let mut mine = None;
                for resolution in &decision.resolutions {
                    write_resolution(cx, &record.visit_id, resolution).await?;
                    if resolution.record_id == record.record_id {
                        mine = Some(resolution.clone());
                    }
                }
                if decision
                    .resolutions
                    .iter()
                    .any(|resolution| resolution.state == RecordState::Accepted)
                {
                    cx.db
                        .execute(
                            "UPDATE visits SET status = 'done' WHERE id = $1 AND status = 'planned'",
                            &[record.visit_id.as_str().into()],
                        )
                        .await?;
                }
                cx.audit(
                    Action::Create,
                    "visit_record",
                    Some(&record.record_id),
                    Some(&client_id),
                )
                .await?;
                let mine = mine.ok_or_else(|| {
                    DbError::Statement("the rules resolved every record but the new one".into())
                })?;
                Ok(SyncItemResult {
                    record_id: Some(record.record_id.clone()),
                    outcome: if mine.conflicts.is_empty() {
                        SyncOutcome::Applied
                    } else {
                        SyncOutcome::Conflict
                    },
                    state: Some(mine.state),
                    conflicts: mine.conflicts,
                    error: None,
                })
            }
        }
    })
    .await
}

async fn insert_record<D: Database>(
    cx: &Context<'_, D>,
    record: &CheckedRecord,
    facts: &RecordFacts,
    client_id: &str,
) -> Result<(), ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let content = &record.content;
    let inserted = cx
        .db
        .execute(
            "INSERT INTO visit_records (id, visit_id, provider_id, client_id, caregiver_id, device_id, \
                                        recorded_at, received_at, planned_starts_at, clock_arrived_at, \
                                        clock_left_at, arrived_at, left_at, time_edit_reason, note, \
                                        fingerprint, state) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'accepted')",
            &[
                record.record_id.as_str().into(),
                record.visit_id.as_str().into(),
                provider_id.into(),
                client_id.into(),
                facts.caregiver_id.as_str().into(),
                record.device_id.as_str().into(),
                timestamp::format(record.recorded_at).into(),
                timestamp::format(cx.now).into(),
                timestamp::format(record.planned_starts_at).into(),
                timestamp::format(record.clock_arrived_at).into(),
                timestamp::format(record.clock_left_at).into(),
                timestamp::format(content.arrived_at).into(),
                timestamp::format(content.left_at).into(),
                record.time_edit_reason.clone().into(),
                content.note.clone().into(),
                facts.fingerprint.as_str().into(),
            ],
        )
        .await;
    match inserted {
        // The id is taken by a record of another visit.
        Err(DbError::UniqueViolation(_)) => return Err(record_id_reused()),
        other => other?,
    };
    let planned = planned_tasks(cx.db, &record.visit_id).await?;
    insert_tasks(cx.db, &record.record_id, 0, content, &planned).await?;
    for incident in &record.incidents {
        cx.db
            .execute(
                "INSERT INTO incidents (id, record_id, visit_id, provider_id, client_id, kind, note, reported_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    new_id().into(),
                    record.record_id.as_str().into(),
                    record.visit_id.as_str().into(),
                    provider_id.into(),
                    client_id.into(),
                    incident.kind.as_str().into(),
                    incident.note.clone().into(),
                    timestamp::format(cx.now).into(),
                ],
            )
            .await?;
    }
    Ok(())
}

/// Stores what the rules decided for one record: its state, and its conflicts, which are
/// kept once found.
async fn write_resolution<D: Database>(
    cx: &Context<'_, D>,
    visit_id: &str,
    resolution: &shared::records::sync::Resolution,
) -> Result<(), ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    cx.db
        .execute(
            "UPDATE visit_records SET state = $1 WHERE id = $2",
            &[
                resolution.state.as_str().into(),
                resolution.record_id.as_str().into(),
            ],
        )
        .await?;
    for kind in &resolution.conflicts {
        let params: [Value; 5] = [
            resolution.record_id.as_str().into(),
            kind.as_str().into(),
            visit_id.into(),
            provider_id.into(),
            timestamp::format(cx.now).into(),
        ];
        cx.db
            .execute(
                "INSERT INTO record_conflicts (record_id, kind, visit_id, provider_id, detected_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (record_id, kind) DO NOTHING",
                &params,
            )
            .await?;
    }
    Ok(())
}

/// `POST /api/records/{id}/release`: a coordinator counts a held record (the care happened
/// although the visit had been cancelled); the rules then resolve the visit's records anew.
pub async fn release<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let record_id = cx.params.get("id").unwrap_or_default();
    let input: ReleaseInput = json_body(&cx.request.body)?;
    let reason = check_reason(&input.reason)?;
    let found = cx
        .db
        .query_one(
            "SELECT visit_id, client_id, state FROM visit_records WHERE id = $1 AND provider_id = $2",
            &[record_id.into(), caller.provider_id()?.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Záznam návštěvy"))?;
    let visit_id = found.text("visit_id")?;
    let client_id = found.text("client_id")?;
    db::in_transaction(cx.db, async || {
        let visit = lock_visit(cx, &visit_id)
            .await?
            .ok_or(ApiError::NotFound("Záznam návštěvy"))?;
        let stored = stored_facts(cx.db, &visit_id).await?;
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
        cx.db
            .execute(
                "UPDATE visit_records SET released_by = $1, released_at = $2, release_reason = $3 WHERE id = $4",
                &[
                    caller.user.user_id.as_str().into(),
                    timestamp::format(cx.now).into(),
                    reason.as_str().into(),
                    record_id.into(),
                ],
            )
            .await?;
        let records: Vec<RecordFacts> = stored
            .into_iter()
            .map(|(mut facts, _)| {
                facts.released |= facts.record_id == record_id;
                facts
            })
            .collect();
        for resolution in resolve(&visit_facts(&visit)?, &records) {
            write_resolution(cx, &visit_id, &resolution).await?;
        }
        cx.audit(Action::Update, "visit_record", Some(record_id), Some(&client_id))
            .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::ok(
        &one_record(cx.db, &visit_id, record_id).await?,
    ))
}
