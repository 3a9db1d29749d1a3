//! The caregiver's correction, natively: whose record, the form, the checks.

use shared::catalogue::TaskUnit;
use shared::records::sync::RecordState;
use shared::records::{RecordVersion, RecordView, TaskDoneView};

use super::*;
use crate::visit_record::fixtures::{catalogue, utc};
use crate::visit_record::outbox::KeptRecord;

/// The record as it stands: 7:02:30–7:57:40 in Prague, hygiene and two meal trips.
fn version() -> RecordVersion {
    RecordVersion {
        version: 0,
        made_by: "jana".to_owned(),
        made_by_name: "Jana Pečovatelka".to_owned(),
        made_at: utc("2026-11-23T07:00:00Z"),
        reason: None,
        arrived_at: utc("2026-11-23T06:02:30Z"),
        left_at: utc("2026-11-23T06:57:40Z"),
        tasks: vec![
            TaskDoneView {
                task_code: "b1".to_owned(),
                name: "Pomoc při úkonech osobní hygieny".to_owned(),
                unit: TaskUnit::Hour,
                units: 0,
                planned: true,
            },
            TaskDoneView {
                task_code: "c2".to_owned(),
                name: "Dovoz nebo donáška jídla".to_owned(),
                unit: TaskUnit::Trip,
                units: 2,
                planned: true,
            },
        ],
        note: Some("Klientka spala.".to_owned()),
    }
}

fn record(id: &str, caregiver: &str, state: RecordState, recorded_at: &str) -> RecordView {
    RecordView {
        record_id: id.to_owned(),
        device_id: "telefon".to_owned(),
        caregiver_id: caregiver.to_owned(),
        caregiver_name: "Jana Pečovatelka".to_owned(),
        recorded_at: utc(recorded_at),
        received_at: utc(recorded_at),
        clock_arrived_at: utc("2026-11-23T06:02:30Z"),
        clock_left_at: utc("2026-11-23T06:57:40Z"),
        state,
        release: None,
        versions: vec![version()],
        incidents: Vec::new(),
        conflicts: Vec::new(),
    }
}

const NOW: &str = "2026-11-23T09:00:00Z";
const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

/// Her record as the phone keeps it, from the server's `version`.
fn kept(version: &RecordVersion) -> KeptRecord {
    KeptRecord::of_version("jana", "visit-1", "jana-1", version, utc(NOW))
}

#[test]
fn her_record_is_kept_with_the_units_of_per_unit_tasks_only_and_a_corrections_reason() {
    let original = kept(&version());
    assert_eq!(
        original
            .tasks
            .iter()
            .map(|task| (task.task_code.as_str(), task.units))
            .collect::<Vec<_>>(),
        [("b1", None), ("c2", Some(2))]
    );
    assert_eq!(
        original.correction_reason, None,
        "the original's time-edit reason is no correction"
    );
    let mut corrected = version();
    corrected.version = 1;
    corrected.reason = Some("odchod zadán pozdě".to_owned());
    assert_eq!(
        kept(&corrected).correction_reason.as_deref(),
        Some("odchod zadán pozdě")
    );
}

#[test]
fn her_record_is_the_one_that_counts_and_another_caregivers_is_never_hers() {
    let records = [
        record(
            "martin-1",
            "martin",
            RecordState::Accepted,
            "2026-11-23T07:00:00Z",
        ),
        record(
            "jana-1",
            "jana",
            RecordState::Superseded,
            "2026-11-23T07:05:00Z",
        ),
        record(
            "jana-2",
            "jana",
            RecordState::Accepted,
            "2026-11-23T07:01:00Z",
        ),
    ];
    let hers = own_record(&records, "jana").map(|record| record.record_id.as_str());
    assert_eq!(hers, Some("jana-2"));
    assert!(own_record(&records[..1], "jana").is_none());
}

#[test]
fn the_form_starts_from_the_record_as_it_stands_with_no_reason() {
    let draft = CorrectionDraft::of(&kept(&version()));
    assert_eq!(
        (draft.arrived.as_str(), draft.left.as_str()),
        ("07:02", "07:57")
    );
    assert_eq!(
        draft.tasks,
        [
            ("b1".to_owned(), String::new()),
            ("c2".to_owned(), "2".to_owned())
        ]
    );
    assert_eq!(draft.note, "Klientka spala.");
    assert_eq!(draft.reason, "");
}

#[test]
fn a_correction_needs_a_reason_and_reads_a_typed_time_on_the_visits_day() {
    let mut draft = CorrectionDraft::of(&kept(&version()));
    draft.left = "7:40".to_owned();
    let error = build_correction(
        &kept(&version()),
        KEY.to_owned(),
        &draft,
        &catalogue(),
        utc(NOW),
    )
    .expect_err("no reason given");
    assert_eq!(error.field.as_deref(), Some("reason"));

    draft.reason = " odchod zadán pozdě ".to_owned();
    draft.note = "  ".to_owned();
    let correction = build_correction(
        &kept(&version()),
        KEY.to_owned(),
        &draft,
        &catalogue(),
        utc(NOW),
    )
    .expect("with a reason");
    assert_eq!(
        correction.arrived_at,
        utc("2026-11-23T06:02:30Z"),
        "untouched, to the second"
    );
    assert_eq!(correction.left_at, utc("2026-11-23T06:40:00Z"));
    assert_eq!(correction.reason, "odchod zadán pozdě");
    assert_eq!(correction.note, None);
    assert_eq!(correction.tasks[1].units, Some(2));
    assert_eq!(
        correction.correction_id.as_deref(),
        Some(KEY),
        "sent under the phone's key"
    );
}

#[test]
fn a_departure_before_the_arrival_or_a_missing_count_names_its_field() {
    let field = |change: fn(&mut CorrectionDraft)| {
        let mut draft = CorrectionDraft::of(&kept(&version()));
        draft.reason = "oprava".to_owned();
        change(&mut draft);
        build_correction(
            &kept(&version()),
            KEY.to_owned(),
            &draft,
            &catalogue(),
            utc(NOW),
        )
        .expect_err("refused")
        .field
    };
    assert_eq!(
        field(|d| d.left = "6:50".to_owned()).as_deref(),
        Some("left_at")
    );
    assert_eq!(
        field(|d| d.tasks[1].1 = String::new()).as_deref(),
        Some("tasks.units")
    );
    assert_eq!(
        field(|d| d.arrived = "sedm".to_owned()).as_deref(),
        Some("arrived_at")
    );
}

#[test]
fn a_saved_correction_shows_its_times_and_reason() {
    let mut corrected = version();
    corrected.version = 1;
    corrected.left_at = utc("2026-11-23T06:40:00Z");
    corrected.reason = Some("odchod zadán pozdě".to_owned());
    assert_eq!(
        corrected_text(&kept(&corrected)).as_deref(),
        Some("Opraveno: 7:02–7:40. Důvod opravy: odchod zadán pozdě")
    );
    assert_eq!(corrected_text(&kept(&version())), None, "never corrected");
}
