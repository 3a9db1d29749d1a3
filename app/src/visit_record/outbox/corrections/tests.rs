//! Her corrections in the outbox, natively: kept, shown at once, sent once, refused aloud.

use shared::records::sync::RecordState;
use shared::records::{CorrectionInput, RecordView, SyncResponse, TaskDoneInput};

use super::*;
use crate::visit_record::fixtures::*;

const KEY_1: &str = "11111111-2222-4333-8444-555555555555";
const KEY_2: &str = "66666666-7777-4888-8999-aaaaaaaaaaaa";

/// She left at 7:40, not 7:58.
fn left_at_7_40(key: &str) -> CorrectionInput {
    CorrectionInput {
        arrived_at: utc("2026-11-23T06:02:30Z"),
        left_at: utc("2026-11-23T06:40:00Z"),
        tasks: vec![TaskDoneInput {
            task_code: "b1".to_owned(),
            units: None,
        }],
        note: None,
        reason: "odchod zadán pozdě".to_owned(),
        correction_id: Some(key.to_owned()),
    }
}

fn correct(outbox: &mut Outbox, key: &str) {
    outbox.correct(
        "jana",
        "visit-1",
        "Marie Dvořáková",
        left_at_7_40(key),
        utc("2026-11-23T09:00:00Z"),
    );
}

/// The server's answer: the record with the original and the correction.
fn answer(outbox: &Outbox) -> RecordView {
    let kept = outbox.kept("jana", "visit-1").expect("kept");
    let version = |number: u32, left_at: &str, reason: Option<&str>| RecordVersion {
        version: number,
        made_by: "jana".to_owned(),
        made_by_name: "Jana Pečovatelka".to_owned(),
        made_at: utc("2026-11-23T09:01:00Z"),
        reason: reason.map(str::to_owned),
        arrived_at: kept.arrived_at,
        left_at: utc(left_at),
        tasks: Vec::new(),
        note: None,
    };
    RecordView {
        record_id: ID_1.to_owned(),
        device_id: "device-1".to_owned(),
        caregiver_id: "jana".to_owned(),
        caregiver_name: "Jana Pečovatelka".to_owned(),
        recorded_at: utc("2026-11-23T07:00:00Z"),
        received_at: utc("2026-11-23T07:05:00Z"),
        clock_arrived_at: kept.arrived_at,
        clock_left_at: utc("2026-11-23T06:58:10Z"),
        state: RecordState::Accepted,
        release: None,
        versions: vec![
            version(0, "2026-11-23T06:58:10Z", None),
            version(1, "2026-11-23T06:40:00Z", Some("odchod zadán pozdě")),
        ],
        incidents: Vec::new(),
        conflicts: Vec::new(),
    }
}

#[test]
fn a_sent_record_is_kept_so_she_can_correct_it_without_a_connection() {
    let outbox = sent_outbox();
    let kept = outbox.kept("jana", "visit-1").expect("kept on sending");
    assert_eq!(kept.record_id, ID_1);
    assert_eq!(kept.left_at, utc("2026-11-23T06:58:10Z"));
    assert!(outbox.kept("petra", "visit-1").is_none(), "only hers");
}

#[test]
fn a_correction_reads_at_once_waits_under_its_key_and_survives_a_reload() {
    let mut outbox = sent_outbox();
    correct(&mut outbox, KEY_1);

    let kept = outbox.kept("jana", "visit-1").expect("kept");
    assert_eq!(
        kept.left_at,
        utc("2026-11-23T06:40:00Z"),
        "the card reads it at once"
    );
    assert_eq!(
        kept.correction_reason.as_deref(),
        Some("odchod zadán pozdě")
    );
    assert!(outbox.correction_waiting("jana", "visit-1"));
    assert_eq!(
        outbox.waiting("jana"),
        1,
        "counted with the records waiting"
    );
    let json = serde_json::to_string(&outbox).expect("serialises");
    let restored: Outbox = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(restored, outbox, "a reload keeps it");

    correct(&mut outbox, KEY_2);
    let queued = outbox.corrections_to_send("jana");
    assert_eq!(
        queued.len(),
        1,
        "a second correction before sending replaces the first"
    );
    assert_eq!(queued[0].correction.correction_id.as_deref(), Some(KEY_2));
    assert_eq!(queued[0].record_id, ID_1);
    assert!(outbox.corrections_to_send("petra").is_empty());
}

#[test]
fn a_stored_correction_leaves_the_queue_and_the_servers_record_is_kept() {
    let mut outbox = sent_outbox();
    correct(&mut outbox, KEY_1);
    let queued = outbox.corrections_to_send("jana").remove(0);
    let now = utc("2026-11-23T09:02:00Z");

    outbox.correction_sent(&queued, &answer(&outbox), now);

    assert_eq!(outbox.waiting("jana"), 0);
    assert!(!outbox.correction_waiting("jana", "visit-1"));
    assert_eq!(outbox.last_sync, Some(now));
    let kept = outbox.kept("jana", "visit-1").expect("kept");
    assert_eq!(kept.left_at, utc("2026-11-23T06:40:00Z"));
    assert_eq!(
        kept.correction_reason.as_deref(),
        Some("odchod zadán pozdě")
    );
}

#[test]
fn a_newer_correction_is_not_overwritten_by_the_answer_to_an_older_one() {
    let mut outbox = sent_outbox();
    correct(&mut outbox, KEY_1);
    let first = outbox.corrections_to_send("jana").remove(0);
    let answered = answer(&outbox);
    let mut again = left_at_7_40(KEY_2);
    again.left_at = utc("2026-11-23T06:45:00Z");
    outbox.correct(
        "jana",
        "visit-1",
        "Marie Dvořáková",
        again,
        utc("2026-11-23T09:01:00Z"),
    );

    outbox.correction_sent(&first, &answered, utc("2026-11-23T09:02:00Z"));

    assert_eq!(
        outbox.corrections_to_send("jana").len(),
        1,
        "the newer still waits"
    );
    let kept = outbox.kept("jana", "visit-1").expect("kept");
    assert_eq!(kept.left_at, utc("2026-11-23T06:45:00Z"));
}

#[test]
fn a_refused_correction_leaves_the_queue_and_tells_her_why() {
    let mut outbox = sent_outbox();
    correct(&mut outbox, KEY_1);
    let queued = outbox.corrections_to_send("jana").remove(0);

    outbox.correction_refused(
        &queued,
        "Tuto návštěvu už můžete opravit jen přes koordinátora.",
    );

    assert_eq!(outbox.waiting("jana"), 0);
    assert!(
        outbox.kept("jana", "visit-1").is_none(),
        "the card reads the server's times again"
    );
    let notices = outbox.notices_for("jana");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].client_name, "Marie Dvořáková");
    assert_eq!(
        notices[0].message,
        "Opravu záznamu server nepřijal. Tuto návštěvu už můžete opravit jen přes koordinátora."
    );
}

#[test]
fn kept_records_are_forgotten_after_a_week_but_not_with_a_correction_waiting() {
    let mut outbox = sent_outbox();
    let mut other = sent_outbox()
        .kept("jana", "visit-1")
        .cloned()
        .expect("kept");
    other.visit_id = "visit-2".to_owned();
    other.record_id = ID_2.to_owned();
    outbox.keep(other);
    correct(&mut outbox, KEY_1);

    outbox.apply(
        "jana",
        &SyncResponse {
            results: Vec::new(),
        },
        utc("2026-12-10T07:00:00Z"),
    );

    assert!(
        outbox.kept("jana", "visit-1").is_some(),
        "its correction still waits"
    );
    assert!(outbox.kept("jana", "visit-2").is_none());
}
