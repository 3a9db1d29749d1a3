//! What the record pages and the sync answer carry over the wire: outcomes per outbox item,
//! stored records with their versions, incidents and conflicts, and coordinators' inputs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::sync::{RecordState, SyncConflictKind};
use super::{IncidentKind, TaskDoneInput, VisitRecordInput};
use crate::catalogue::TaskUnit;
use crate::error::ErrorDetail;
use crate::schedule::VisitStatus;

/// `POST /api/records/sync`: the outbox, in any order, replays welcome. The server parses
/// each item on its own: a malformed one is rejected, the rest go on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    pub items: Vec<VisitRecordInput>,
}

/// What became of one outbox item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncOutcome {
    /// Stored now, without conflict. Remove it from the outbox.
    Applied,
    /// Stored before (a replay). Remove it from the outbox.
    Duplicate,
    /// Stored now, with conflicts the rules resolved (see `conflicts`). Remove it from the
    /// outbox and show the caregiver what was merged.
    Conflict,
    /// Not stored (see `error`). Keep it in the outbox unless the error is about the data:
    /// a `field` names what to fix; without one (`internal_error`), retry later.
    Rejected,
}

/// One line of the sync answer, in the order of the request's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncItemResult {
    /// `None` when the item had no readable record id.
    pub record_id: Option<String>,
    pub outcome: SyncOutcome,
    /// The record's state on the server, once stored.
    #[serde(default)]
    pub state: Option<RecordState>,
    #[serde(default)]
    pub conflicts: Vec<SyncConflictKind>,
    #[serde(default)]
    pub error: Option<ErrorDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncResponse {
    pub results: Vec<SyncItemResult>,
}

/// A task as recorded, with its catalogue name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskDoneView {
    pub task_code: String,
    pub name: String,
    pub unit: TaskUnit,
    pub units: u32,
    /// On the visit's plan; `false` for an unplanned task from the catalogue.
    pub planned: bool,
}

/// One version of a record: 0 is the caregiver's original, later ones corrections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordVersion {
    pub version: u32,
    pub made_by: String,
    pub made_by_name: String,
    pub made_at: DateTime<Utc>,
    /// Why the times were edited (original) or why the record was corrected.
    pub reason: Option<String>,
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    pub tasks: Vec<TaskDoneView>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentView {
    pub id: String,
    pub record_id: String,
    pub visit_id: String,
    pub client_id: String,
    pub client_name: String,
    pub caregiver_name: String,
    pub kind: IncidentKind,
    pub label: String,
    pub note: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by_name: Option<String>,
}

/// A conflict the merge rules found and resolved, as caregivers and coordinators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictView {
    pub record_id: String,
    pub visit_id: String,
    pub client_name: String,
    pub caregiver_id: String,
    pub caregiver_name: String,
    pub kind: SyncConflictKind,
    /// The state the rules gave the record.
    pub state: RecordState,
    /// Czech: what happened and how it was resolved.
    pub message: String,
    pub detected_at: DateTime<Utc>,
    /// When the visit was planned to start.
    pub visit_starts_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by_name: Option<String>,
}

/// A coordinator's decision that a held record counts: the care happened although the visit
/// had been cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub released_by_name: String,
    pub released_at: DateTime<Utc>,
    pub reason: String,
}

/// `POST /api/records/{id}/release`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseInput {
    pub reason: String,
}

/// A stored record: the original, every correction, its incidents and conflicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordView {
    pub record_id: String,
    pub device_id: String,
    pub caregiver_id: String,
    pub caregiver_name: String,
    pub recorded_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub clock_arrived_at: DateTime<Utc>,
    pub clock_left_at: DateTime<Utc>,
    pub state: RecordState,
    pub release: Option<Release>,
    /// Oldest first; the last is the record as it now stands.
    pub versions: Vec<RecordVersion>,
    pub incidents: Vec<IncidentView>,
    pub conflicts: Vec<SyncConflictKind>,
}

/// `GET /api/records/visits/{visit_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitRecords {
    pub visit_id: String,
    pub client_id: String,
    pub client_name: String,
    pub status: VisitStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Who is on the visit by name: its caregiver first, then the second one.
    #[serde(default)]
    pub caregiver_names: Vec<String>,
    pub records: Vec<RecordView>,
}

/// `POST /api/records/{id}/corrections`: the record as it should read, and why. The
/// original and every earlier correction are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionInput {
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    pub tasks: Vec<TaskDoneInput>,
    #[serde(default)]
    pub note: Option<String>,
    pub reason: String,
    /// The key a caregiver's phone made for a correction kept in its outbox (a UUID): sent
    /// again, the correction is stored once. A correction made online may leave it out.
    #[serde(default)]
    pub correction_id: Option<String>,
}
