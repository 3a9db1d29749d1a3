//! The outbox's decisions, natively.

use super::*;
use crate::ui::form::field_error;
use crate::visit_record::fixtures::*;
use shared::records::sync::SyncConflictKind;

#[test]
fn only_the_signed_in_caregivers_records_are_counted_and_sent() {
    let mut outbox = outbox_with(&[ID_1]);
    outbox.add("petra", "Jan Novák", record(ID_2));
    outbox.add("jana", "Marie Dvořáková", record(ID_1));
    assert_eq!(outbox.waiting("jana"), 1, "a record id is queued once");
    let batch = outbox.to_send("jana");
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0].record_id, ID_1);
    assert_eq!(outbox.waiting("petra"), 1);
    assert_eq!(
        outbox.visit_status("jana", "visit-1"),
        VisitRecordStatus::Waiting
    );
}

#[test]
fn stored_records_leave_the_outbox_and_mark_their_visit_sent() {
    let mut outbox = outbox_with(&[ID_1, ID_2]);
    let now = utc("2026-11-23T07:05:00Z");
    let response = SyncResponse {
        results: vec![
            result(&ID_1.to_uppercase(), SyncOutcome::Applied),
            result(ID_2, SyncOutcome::Duplicate),
        ],
    };
    outbox.apply("jana", &response, now);
    assert_eq!(outbox.waiting("jana"), 0);
    assert_eq!(outbox.last_sync, Some(now));
    assert_eq!(
        outbox.visit_status("jana", "visit-1"),
        VisitRecordStatus::Sent
    );
    assert_eq!(
        outbox.visit_status("petra", "visit-1"),
        VisitRecordStatus::NotRecorded
    );
    assert!(outbox.notices.is_empty());
}

#[test]
fn a_conflict_is_stored_and_its_resolution_shown_to_the_caregiver() {
    let mut outbox = outbox_with(&[ID_1]);
    let mut moved = result(ID_1, SyncOutcome::Conflict);
    moved.conflicts = vec![SyncConflictKind::VisitMoved];
    outbox.apply(
        "jana",
        &SyncResponse {
            results: vec![moved],
        },
        utc("2026-11-23T07:05:00Z"),
    );
    assert_eq!(outbox.waiting("jana"), 0);
    let notices = outbox.notices_for("jana");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].client_name, "Marie Dvořáková");
    assert!(notices[0].message.contains("přesunuta"));
    outbox.dismiss_notices("jana");
    assert!(outbox.notices_for("jana").is_empty());
}

#[test]
fn a_failed_item_stays_queued_and_the_rest_go_on() {
    let mut outbox = outbox_with(&[ID_1, ID_2]);
    let mut later = result(ID_1, SyncOutcome::Rejected);
    later.error = Some(ErrorDetail {
        code: "internal_error".to_owned(),
        message: "Databáze neodpovídá.".to_owned(),
        field: None,
    });
    let mut refused = result(ID_2, SyncOutcome::Rejected);
    refused.error = Some(field_error("visit_id", "Taková návštěva není."));
    outbox.apply(
        "jana",
        &SyncResponse {
            results: vec![later, refused],
        },
        utc("2026-11-23T07:05:00Z"),
    );
    assert_eq!(outbox.waiting("jana"), 2, "nothing is lost");
    let batch: Vec<String> = outbox
        .to_send("jana")
        .into_iter()
        .map(|r| r.record_id)
        .collect();
    assert_eq!(
        batch,
        [ID_1],
        "the server's hiccup is retried, its refusal is not"
    );
    assert_eq!(outbox.refused_for("jana")[0].record.record_id, ID_2);
    assert_eq!(
        outbox.visit_status("jana", "visit-1"),
        VisitRecordStatus::Waiting,
        "the first queued record of the visit speaks for it"
    );
    outbox.discard(ID_2);
    assert_eq!(outbox.waiting("jana"), 1);
}

#[test]
fn sent_records_are_forgotten_after_a_week_and_the_outbox_survives_json() {
    let outbox = sent_outbox();
    let json = serde_json::to_string(&outbox).expect("serialises");
    let mut restored: Outbox = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(restored, outbox);
    restored.apply(
        "jana",
        &SyncResponse { results: vec![] },
        utc("2026-12-02T07:05:00Z"),
    );
    assert!(restored.sent.is_empty());
}

#[test]
fn waiting_records_are_counted_in_czech() {
    assert_eq!(record_count(1), "1 záznam");
    assert_eq!(record_count(3), "3 záznamy");
    assert_eq!(record_count(0), "0 záznamů");
    assert_eq!(record_count(12), "12 záznamů");
}

#[test]
fn an_arrival_is_kept_with_the_draft_until_the_record_is_saved() {
    let mut outbox = Outbox::default();
    let arrived = utc("2026-11-23T06:35:00Z");
    outbox.check_in("jana", "visit-1", "Marie Dvořáková", arrived);
    outbox.check_in(
        "jana",
        "visit-1",
        "Marie Dvořáková",
        utc("2026-11-23T06:50:00Z"),
    );
    assert_eq!(
        outbox.on_phone("jana", "visit-1"),
        OnPhone::CheckedIn { at: arrived },
        "a second tap keeps the first arrival"
    );
    assert_eq!(outbox.on_phone("petra", "visit-1"), OnPhone::Nothing);

    let mut typed = draft();
    typed.clock_arrived_at = None;
    typed.note = "Klientka spala.".to_owned();
    outbox.keep_draft("jana", "visit-1", typed);
    let json = serde_json::to_string(&outbox).expect("serialises");
    let restored: Outbox = serde_json::from_str(&json).expect("deserialises");
    let open = restored.running("jana").expect("still under way");
    assert_eq!(open.draft.note, "Klientka spala.");
    assert_eq!(open.arrived_at(), Some(arrived), "the tapped arrival stays");

    outbox.add("jana", "Marie Dvořáková", record(ID_1));
    assert_eq!(
        outbox.running("jana"),
        None,
        "saving the record ends the visit"
    );
    assert!(matches!(
        outbox.on_phone("jana", "visit-1"),
        OnPhone::Recorded { outcome: Some(_) }
    ));
}

#[test]
fn an_arrival_tapped_by_mistake_can_be_taken_back() {
    let mut outbox = Outbox::default();
    outbox.check_in(
        "jana",
        "visit-1",
        "Marie Dvořáková",
        utc("2026-11-23T06:35:00Z"),
    );
    outbox.cancel_check_in("jana", "visit-1");
    assert_eq!(outbox.on_phone("jana", "visit-1"), OnPhone::Nothing);
    assert!(outbox.open.is_empty());
}
