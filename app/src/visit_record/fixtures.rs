//! The visits, drafts and records the visit-record tests share.

use chrono::{DateTime, Utc};
use shared::catalogue::{CareTask, TaskUnit};
use shared::planning::travel::GeoPoint;
use shared::records::sync::RecordState;
use shared::records::{SyncItemResult, SyncOutcome, SyncResponse, VisitRecordInput};
use shared::schedule::{VisitStatus, VisitView};

use crate::visit_record::outbox::Outbox;
use crate::visit_record::state::{DeviceStamp, RecordDraft, build_record};

pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid instant")
        .with_timezone(&Utc)
}

pub fn task(code: &str, name: &str, unit: TaskUnit) -> CareTask {
    CareTask {
        code: code.to_owned(),
        activity: code[..1].to_owned(),
        name: name.to_owned(),
        unit,
    }
}

pub fn catalogue() -> Vec<CareTask> {
    vec![
        task("b1", "Pomoc při úkonech osobní hygieny", TaskUnit::Hour),
        task("c2", "Dovoz nebo donáška jídla", TaskUnit::Trip),
        task("d8", "Praní a žehlení prádla", TaskUnit::Kg),
    ]
}

pub fn visit() -> VisitView {
    VisitView {
        id: "visit-1".to_owned(),
        client_name: "Marie Dvořáková".to_owned(),
        address: "Teplická 12".to_owned(),
        municipality: "Děčín".to_owned(),
        // 7:00–8:00 in Prague (winter time).
        starts_at: utc("2026-11-23T06:00:00Z"),
        ends_at: utc("2026-11-23T07:00:00Z"),
        status: VisitStatus::Planned,
        tasks: vec![
            "Dovoz nebo donáška jídla".to_owned(),
            "Pomoc při úkonech osobní hygieny".to_owned(),
        ],
        doorstep_note: None,
        key_risks: None,
        client_phone: None,
        contacts: Vec::new(),
        location: GeoPoint {
            latitude: 50.77,
            longitude: 14.21,
        },
        recorded: None,
    }
}

/// Arrived at 7:02:30 and left at 7:58:10 by the device's clock, hygiene done.
pub fn draft() -> RecordDraft {
    RecordDraft {
        clock_arrived_at: Some(utc("2026-11-23T06:02:30Z")),
        clock_left_at: Some(utc("2026-11-23T06:58:10Z")),
        arrived: "07:02".to_owned(),
        left: "07:58".to_owned(),
        tasks: vec![("b1".to_owned(), String::new())],
        ..RecordDraft::default()
    }
}

pub fn stamp(record_id: &str) -> DeviceStamp {
    DeviceStamp {
        record_id: record_id.to_owned(),
        device_id: "device-1".to_owned(),
        now: utc("2026-11-23T07:00:00Z"),
    }
}

pub const ID_1: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
pub const ID_2: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

pub fn record(id: &str) -> VisitRecordInput {
    build_record(&visit(), &draft(), &catalogue(), stamp(id)).expect("valid record")
}

pub fn result(id: &str, outcome: SyncOutcome) -> SyncItemResult {
    SyncItemResult {
        record_id: Some(id.to_owned()),
        outcome,
        state: matches!(outcome, SyncOutcome::Applied | SyncOutcome::Conflict)
            .then_some(RecordState::Accepted),
        conflicts: Vec::new(),
        error: None,
    }
}

pub fn outbox_with(ids: &[&str]) -> Outbox {
    let mut outbox = Outbox::default();
    for id in ids {
        outbox.add("jana", "Marie Dvořáková", record(id));
    }
    outbox
}

/// Jana's record `ID_1` of visit-1 (7:02–7:58), sent and stored at 8:05.
pub fn sent_outbox() -> Outbox {
    let mut outbox = outbox_with(&[ID_1]);
    outbox.apply(
        "jana",
        &SyncResponse {
            results: vec![result(ID_1, SyncOutcome::Applied)],
        },
        utc("2026-11-23T07:05:00Z"),
    );
    outbox
}
