//! Stored records: the catalogue they are checked against, a visit's records with every
//! version, incidents and conflicts, and coordinators' corrections.

use std::collections::{BTreeMap, BTreeSet};

use platform::audit::{self, Action, Subject};
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, DbError, Row, Value, db, timestamp};
use shared::catalogue::{CareTask, TaskUnit};
use shared::identity::Role;
use shared::records::sync::{RecordState, SyncConflictKind};
use shared::records::{
    CheckedContent, CorrectionInput, IncidentKind, IncidentView, RecordVersion, RecordView,
    Release, TaskDoneView, VisitRecords, check_content, check_reason,
};
use shared::schedule::VisitStatus;

pub async fn task_catalogue(db: &impl Database) -> Result<Vec<CareTask>, DbError> {
    let rows = db
        .query(
            "SELECT code, activity, name, unit FROM care_tasks ORDER BY position",
            &[],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(CareTask {
                code: row.text("code")?,
                activity: row.text("activity")?,
                name: row.text("name")?,
                unit: task_unit(row)?,
            })
        })
        .collect()
}

pub fn task_unit(row: &Row) -> Result<TaskUnit, DbError> {
    row.parsed("unit", "hour, meal, trip or kg", TaskUnit::parse)
}

/// Task code → unit, what the checks of records and price lists ask.
pub async fn task_units(db: &impl Database) -> Result<BTreeMap<String, TaskUnit>, DbError> {
    Ok(task_catalogue(db)
        .await?
        .into_iter()
        .map(|task| (task.code, task.unit))
        .collect())
}

/// A non-negative count column (units, versions) as the wire's `u32`.
pub fn count(row: &Row, column: &str) -> Result<u32, DbError> {
    let number = row.integer(column)?;
    u32::try_from(number).map_err(|_| DbError::ColumnType {
        column: column.to_owned(),
        expected: "a count from 0 to 2³²",
        found: number.to_string(),
    })
}

pub fn instant(row: &Row, column: &str) -> Result<chrono::DateTime<chrono::Utc>, DbError> {
    timestamp::parse(&row.text(column)?)
}

pub fn record_state(row: &Row) -> Result<RecordState, DbError> {
    row.parsed("state", "a record state", RecordState::parse)
}

pub fn conflict_kind(row: &Row) -> Result<SyncConflictKind, DbError> {
    row.parsed("kind", "a conflict kind", SyncConflictKind::parse)
}

/// The tasks of a visit's plan.
pub async fn planned_tasks(
    db: &impl Database,
    visit_id: &str,
) -> Result<BTreeSet<String>, DbError> {
    db.query(
        "SELECT task_code FROM visit_tasks WHERE visit_id = $1",
        &[visit_id.into()],
    )
    .await?
    .iter()
    .map(|row| row.text("task_code"))
    .collect()
}

/// Writes the tasks of one version of a record.
pub async fn insert_tasks(
    db: &impl Database,
    record_id: &str,
    version: i64,
    content: &CheckedContent,
    planned: &BTreeSet<String>,
) -> Result<(), DbError> {
    for task in &content.tasks {
        db.execute(
            "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
             VALUES ($1, $2, $3, $4, $5)",
            &[
                record_id.into(),
                version.into(),
                task.task_code.as_str().into(),
                i64::from(task.units).into(),
                i64::from(planned.contains(&task.task_code)).into(),
            ],
        )
        .await?;
    }
    Ok(())
}

pub const INCIDENT_SELECT: &str = "SELECT i.id, i.record_id, i.visit_id, i.client_id, c.name AS client_name, \
        u.display_name AS caregiver_name, i.kind, i.note, i.reported_at, i.acknowledged_at, \
        a.display_name AS acknowledged_by_name \
    FROM incidents i JOIN clients c ON c.id = i.client_id \
    JOIN visit_records r ON r.id = i.record_id JOIN users u ON u.id = r.caregiver_id \
    LEFT JOIN users a ON a.id = i.acknowledged_by";

pub fn incident_view(row: &Row) -> Result<IncidentView, DbError> {
    let kind = row.parsed("kind", "an incident kind", IncidentKind::parse)?;
    Ok(IncidentView {
        id: row.text("id")?,
        record_id: row.text("record_id")?,
        visit_id: row.text("visit_id")?,
        client_id: row.text("client_id")?,
        client_name: row.text("client_name")?,
        caregiver_name: row.text("caregiver_name")?,
        kind,
        label: kind.label().to_owned(),
        note: row.optional_text("note")?,
        reported_at: instant(row, "reported_at")?,
        acknowledged_at: row
            .optional_text("acknowledged_at")?
            .map(|text| timestamp::parse(&text))
            .transpose()?,
        acknowledged_by_name: row.optional_text("acknowledged_by_name")?,
    })
}

/// Every record of a visit with its versions, incidents and conflicts, oldest first.
async fn records_of_visit(db: &impl Database, visit_id: &str) -> Result<Vec<RecordView>, DbError> {
    let visit: Value = visit_id.into();
    let params = std::slice::from_ref(&visit);
    let mut tasks: BTreeMap<(String, u32), Vec<TaskDoneView>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT t.record_id, t.version, t.task_code, t.units, t.planned, k.name, k.unit \
             FROM record_tasks t JOIN care_tasks k ON k.code = t.task_code \
             JOIN visit_records r ON r.id = t.record_id WHERE r.visit_id = $1 ORDER BY k.position",
            params,
        )
        .await?
    {
        tasks
            .entry((row.text("record_id")?, count(&row, "version")?))
            .or_default()
            .push(TaskDoneView {
                task_code: row.text("task_code")?,
                name: row.text("name")?,
                unit: task_unit(&row)?,
                units: count(&row, "units")?,
                planned: row.integer("planned")? != 0,
            });
    }
    let mut version =
        |row: &Row, record_id: &str, number: u32, made_by: &str, made_at: &str, reason: &str| {
            Ok::<_, DbError>(RecordVersion {
                version: number,
                made_by: row.text(made_by)?,
                made_by_name: row.text("made_by_name")?,
                made_at: instant(row, made_at)?,
                reason: row.optional_text(reason)?,
                arrived_at: instant(row, "arrived_at")?,
                left_at: instant(row, "left_at")?,
                tasks: tasks
                    .remove(&(record_id.to_owned(), number))
                    .unwrap_or_default(),
                note: row.optional_text("note")?,
            })
        };
    let mut corrections: BTreeMap<String, Vec<RecordVersion>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT c.record_id, c.version, c.corrected_by, u.display_name AS made_by_name, \
                    c.corrected_at, c.reason, c.arrived_at, c.left_at, c.note \
             FROM record_corrections c JOIN users u ON u.id = c.corrected_by \
             JOIN visit_records r ON r.id = c.record_id WHERE r.visit_id = $1 ORDER BY c.version",
            params,
        )
        .await?
    {
        let record_id = row.text("record_id")?;
        let number = count(&row, "version")?;
        let corrected = version(
            &row,
            &record_id,
            number,
            "corrected_by",
            "corrected_at",
            "reason",
        )?;
        corrections.entry(record_id).or_default().push(corrected);
    }
    let mut incidents: BTreeMap<String, Vec<IncidentView>> = BTreeMap::new();
    for row in db
        .query(
            &format!("{INCIDENT_SELECT} WHERE i.visit_id = $1 ORDER BY i.kind"),
            params,
        )
        .await?
    {
        let incident = incident_view(&row)?;
        incidents
            .entry(incident.record_id.clone())
            .or_default()
            .push(incident);
    }
    let mut conflicts: BTreeMap<String, Vec<SyncConflictKind>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT record_id, kind FROM record_conflicts WHERE visit_id = $1 ORDER BY kind",
            params,
        )
        .await?
    {
        conflicts
            .entry(row.text("record_id")?)
            .or_default()
            .push(conflict_kind(&row)?);
    }
    let rows = db
        .query(
            "SELECT r.id, r.device_id, r.caregiver_id, u.display_name AS made_by_name, r.recorded_at, \
                    r.received_at, r.clock_arrived_at, r.clock_left_at, r.arrived_at, r.left_at, \
                    r.time_edit_reason, r.note, r.state, r.released_at, r.release_reason, \
                    rb.display_name AS released_by_name \
             FROM visit_records r JOIN users u ON u.id = r.caregiver_id \
             LEFT JOIN users rb ON rb.id = r.released_by \
             WHERE r.visit_id = $1 ORDER BY r.recorded_at, r.id",
            params,
        )
        .await?;
    let mut records = Vec::with_capacity(rows.len());
    for row in &rows {
        let record_id = row.text("id")?;
        let mut versions = vec![version(
            row,
            &record_id,
            0,
            "caregiver_id",
            "recorded_at",
            "time_edit_reason",
        )?];
        versions.extend(corrections.remove(&record_id).unwrap_or_default());
        let mut kinds = conflicts.remove(&record_id).unwrap_or_default();
        kinds.sort();
        records.push(RecordView {
            device_id: row.text("device_id")?,
            caregiver_id: row.text("caregiver_id")?,
            caregiver_name: row.text("made_by_name")?,
            recorded_at: instant(row, "recorded_at")?,
            received_at: instant(row, "received_at")?,
            clock_arrived_at: instant(row, "clock_arrived_at")?,
            clock_left_at: instant(row, "clock_left_at")?,
            state: record_state(row)?,
            release: match row.optional_text("released_at")? {
                None => None,
                Some(at) => Some(Release {
                    released_by_name: row.text("released_by_name")?,
                    released_at: timestamp::parse(&at)?,
                    reason: row.text("release_reason")?,
                }),
            },
            versions,
            incidents: incidents.remove(&record_id).unwrap_or_default(),
            conflicts: kinds,
            record_id,
        });
    }
    Ok(records)
}

/// `GET /api/records/visits/{visit_id}`: coordinators and managers of the visit's provider;
/// a caregiver assigned to the visit or who recorded it. Anyone else: not found.
pub async fn visit_records<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let visit_id = cx.params.get("visit_id").unwrap_or_default();
    let row = cx
        .db
        .query_one(
            "SELECT v.id, v.client_id, c.name AS client_name, v.status, v.starts_at, v.ends_at, \
                    v.caregiver_id, v.second_caregiver_id \
             FROM visits v JOIN clients c ON c.id = v.client_id WHERE v.id = $1 AND v.provider_id = $2",
            &[visit_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Návštěva"))?;
    let records = records_of_visit(cx.db, visit_id).await?;
    if caller.role() == Role::Caregiver {
        let me = caller.user.user_id.as_str();
        let assigned = [
            row.optional_text("caregiver_id")?,
            row.optional_text("second_caregiver_id")?,
        ]
        .iter()
        .any(|id| id.as_deref() == Some(me));
        if !assigned && !records.iter().any(|record| record.caregiver_id == me) {
            return Err(ApiError::NotFound("Návštěva"));
        }
    }
    let client_id = row.text("client_id")?;
    let subjects: Vec<Subject> = records
        .iter()
        .map(|record| Subject {
            entity: "visit_record",
            entity_id: Some(&record.record_id),
            client_id: Some(&client_id),
            provider_id: Some(provider_id),
        })
        .chain(std::iter::once(Subject {
            entity: "visit_records",
            entity_id: Some(visit_id),
            client_id: Some(&client_id),
            provider_id: Some(provider_id),
        }))
        .collect();
    audit::record_many(cx.db, caller, Action::Read, &subjects, cx.now).await?;
    Ok(ApiResponse::ok(&VisitRecords {
        visit_id: visit_id.to_owned(),
        client_name: row.text("client_name")?,
        status: row.parsed("status", "a visit status", VisitStatus::parse)?,
        starts_at: instant(&row, "starts_at")?,
        ends_at: instant(&row, "ends_at")?,
        client_id,
        records,
    }))
}

/// `POST /api/records/{id}/corrections`: a new version of the record; the original and
/// every earlier correction stay as they were.
pub async fn correct<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let record_id = cx.params.get("id").unwrap_or_default();
    let row = cx
        .db
        .query_one(
            "SELECT visit_id, client_id FROM visit_records WHERE id = $1 AND provider_id = $2",
            &[record_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Záznam návštěvy"))?;
    let visit_id = row.text("visit_id")?;
    let client_id = row.text("client_id")?;
    let input: CorrectionInput = json_body(&cx.request.body)?;
    let units = task_units(cx.db).await?;
    let content = check_content(
        input.arrived_at,
        input.left_at,
        &input.tasks,
        input.note.as_deref(),
        |code| units.get(code).copied(),
        cx.now,
    )?;
    let reason = check_reason(&input.reason)?;
    let planned = planned_tasks(cx.db, &visit_id).await?;
    db::in_transaction(cx.db, async || {
        let version = cx
            .db
            .query_one(
                "SELECT current_version FROM visit_records WHERE id = $1",
                &[record_id.into()],
            )
            .await?
            .ok_or(ApiError::NotFound("Záznam návštěvy"))?
            .integer("current_version")?
            + 1;
        cx.db
            .execute(
                "INSERT INTO record_corrections (record_id, version, corrected_by, corrected_at, reason, \
                                                 arrived_at, left_at, note) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    record_id.into(),
                    version.into(),
                    caller.user.user_id.as_str().into(),
                    timestamp::format(cx.now).into(),
                    reason.as_str().into(),
                    timestamp::format(content.arrived_at).into(),
                    timestamp::format(content.left_at).into(),
                    content.note.clone().into(),
                ],
            )
            .await?;
        insert_tasks(cx.db, record_id, version, &content, &planned).await?;
        cx.db
            .execute(
                "UPDATE visit_records SET current_version = $1 WHERE id = $2",
                &[version.into(), record_id.into()],
            )
            .await?;
        cx.audit(Action::Update, "visit_record", Some(record_id), Some(&client_id))
            .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    let record = one_record(cx.db, &visit_id, record_id).await?;
    Ok(ApiResponse::json(201, &record))
}

/// One record of a visit as it now stands.
pub async fn one_record(
    db: &impl Database,
    visit_id: &str,
    record_id: &str,
) -> Result<RecordView, ApiError> {
    records_of_visit(db, visit_id)
        .await?
        .into_iter()
        .find(|record| record.record_id == record_id)
        .ok_or(ApiError::NotFound("Záznam návštěvy"))
}
