//! The caregiver's outbox of visit records, as plain data and pure functions (tested
//! natively): what to send, and what the server's answer to a sync does to the outbox;
//! her corrections in `corrections`. The browser I/O lives in `offline_store`.

mod corrections;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use shared::ErrorDetail;
use shared::family::live::{OnPhone, Outcome};
use shared::records::{MAX_SYNC_BATCH, SyncOutcome, SyncResponse, VisitRecordInput};

use crate::visit_record::state::RecordDraft;
pub use corrections::{KeptRecord, QueuedCorrection};

/// How long a sent record still marks its visit as recorded on this device.
const SENT_KEPT_DAYS: i64 = 8;

/// One record waiting on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// Whose record it is: only that caregiver's session sends it.
    pub user_id: String,
    /// For the caregiver's eyes while it waits.
    pub client_name: String,
    pub record: VisitRecordInput,
    /// The server refused the record for its data: it is not sent again by itself.
    #[serde(default)]
    pub refused: Option<ErrorDetail>,
}

/// A record the server has stored: its visit counts as recorded on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentRecord {
    pub user_id: String,
    pub visit_id: String,
    pub record_id: String,
    pub sent_at: DateTime<Utc>,
}

/// A visit the caregiver has arrived at and not recorded yet: kept on the device from the
/// tap on "arrived", with what she has filled in so far, until the record is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenVisit {
    pub user_id: String,
    pub visit_id: String,
    pub client_name: String,
    /// Her arrival (the device's clock at the tap) and the form as she left it.
    pub draft: RecordDraft,
}

impl OpenVisit {
    /// When she arrived, by the device's clock.
    pub fn arrived_at(&self) -> Option<DateTime<Utc>> {
        self.draft.clock_arrived_at
    }
}

/// What a sync resolved that the caregiver should read (a conflict and its resolution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncNotice {
    pub user_id: String,
    pub record_id: String,
    pub client_name: String,
    /// Czech, from the shared merge rules.
    pub message: String,
}

/// Everything the device keeps about records: waiting, sent, and what the caregiver must
/// read. Stored whole, in one IndexedDB write.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Outbox {
    pub items: Vec<OutboxItem>,
    #[serde(default)]
    pub sent: Vec<SentRecord>,
    #[serde(default)]
    pub notices: Vec<SyncNotice>,
    /// When the server last answered a sync.
    #[serde(default)]
    pub last_sync: Option<DateTime<Utc>>,
    /// Visits under way: arrived at, not recorded yet.
    #[serde(default)]
    pub open: Vec<OpenVisit>,
    /// Her records as they now stand, for corrections without a connection.
    #[serde(default)]
    pub kept: Vec<KeptRecord>,
    /// Her corrections waiting to be sent.
    #[serde(default)]
    pub corrections: Vec<QueuedCorrection>,
}

/// Where a visit stands on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VisitRecordStatus {
    NotRecorded,
    /// Saved on the device, not yet on the server.
    Waiting,
    /// The server refused it: the message says why.
    Refused(String),
    Sent,
}

impl Outbox {
    /// The caregiver arrives at a visit: her arrival is kept at once. A visit already open
    /// keeps its first arrival.
    pub fn check_in(
        &mut self,
        user_id: &str,
        visit_id: &str,
        client_name: &str,
        at: DateTime<Utc>,
    ) {
        if self.open_visit(user_id, visit_id).is_some() {
            return;
        }
        self.open.push(OpenVisit {
            user_id: user_id.to_owned(),
            visit_id: visit_id.to_owned(),
            client_name: client_name.to_owned(),
            draft: RecordDraft {
                clock_arrived_at: Some(at),
                arrived: super::state::time_input_value(at),
                ..RecordDraft::default()
            },
        });
    }

    /// The caregiver's open visit, if she has arrived at it and not recorded it yet.
    pub fn open_visit(&self, user_id: &str, visit_id: &str) -> Option<&OpenVisit> {
        self.open
            .iter()
            .find(|open| open.user_id == user_id && open.visit_id == visit_id)
    }

    /// The visit the caregiver is on now: of her open visits, the one she arrived at first.
    pub fn running(&self, user_id: &str) -> Option<&OpenVisit> {
        self.open
            .iter()
            .filter(|open| open.user_id == user_id)
            .min_by_key(|open| open.arrived_at())
    }

    /// Keeps what she has filled in so far; her arrival as tapped stays.
    pub fn keep_draft(&mut self, user_id: &str, visit_id: &str, draft: RecordDraft) {
        if let Some(open) = self
            .open
            .iter_mut()
            .find(|open| open.user_id == user_id && open.visit_id == visit_id)
        {
            open.draft = RecordDraft {
                clock_arrived_at: open.draft.clock_arrived_at,
                ..draft
            };
        }
    }

    /// She tapped "arrived" by mistake: the visit is no longer under way.
    pub fn cancel_check_in(&mut self, user_id: &str, visit_id: &str) {
        self.open
            .retain(|open| !(open.user_id == user_id && open.visit_id == visit_id));
    }

    /// What the phone knows of the caregiver's visit that the server may not know yet.
    pub fn on_phone(&self, user_id: &str, visit_id: &str) -> OnPhone {
        let queued = self
            .items
            .iter()
            .find(|item| item.user_id == user_id && item.record.visit_id == visit_id);
        if let Some(item) = queued {
            return OnPhone::Recorded {
                outcome: Some(Outcome {
                    arrived_at: item.record.arrived_at,
                    left_at: item.record.left_at,
                    tasks_done: u32::try_from(item.record.tasks.len()).unwrap_or(u32::MAX),
                }),
            };
        }
        if self.visit_status(user_id, visit_id) == VisitRecordStatus::Sent {
            return OnPhone::Recorded { outcome: None };
        }
        match self
            .open_visit(user_id, visit_id)
            .and_then(OpenVisit::arrived_at)
        {
            Some(at) => OnPhone::CheckedIn { at },
            None => OnPhone::Nothing,
        }
    }

    /// Queues a record (a record id already queued is not added twice); its visit is no
    /// longer open.
    pub fn add(&mut self, user_id: &str, client_name: &str, record: VisitRecordInput) {
        self.cancel_check_in(user_id, &record.visit_id);
        if self
            .items
            .iter()
            .any(|item| item.record.record_id == record.record_id)
        {
            return;
        }
        self.items.push(OutboxItem {
            user_id: user_id.to_owned(),
            client_name: client_name.to_owned(),
            record,
            refused: None,
        });
    }

    /// The caregiver's records and corrections on the device, refused records included.
    pub fn waiting(&self, user_id: &str) -> usize {
        let records = self
            .items
            .iter()
            .filter(|item| item.user_id == user_id)
            .count();
        records + self.corrections_to_send(user_id).len()
    }

    /// The next batch to send: the caregiver's records the server has not refused, oldest
    /// first, at most what one request may carry.
    pub fn to_send(&self, user_id: &str) -> Vec<VisitRecordInput> {
        self.items
            .iter()
            .filter(|item| item.user_id == user_id && item.refused.is_none())
            .take(MAX_SYNC_BATCH)
            .map(|item| item.record.clone())
            .collect()
    }

    /// Applies the server's answer: stored records leave the outbox (conflicts become
    /// notices); a record refused for its data stays, marked, until the caregiver decides;
    /// one the server could not store now stays to be sent again.
    pub fn apply(&mut self, user_id: &str, response: &SyncResponse, now: DateTime<Utc>) {
        for result in &response.results {
            let Some(record_id) = result.record_id.as_deref() else {
                continue;
            };
            let Some(index) = self.items.iter().position(|item| {
                item.user_id == user_id && item.record.record_id.eq_ignore_ascii_case(record_id)
            }) else {
                continue;
            };
            match result.outcome {
                SyncOutcome::Applied | SyncOutcome::Duplicate | SyncOutcome::Conflict => {
                    let item = self.items.remove(index);
                    if let Some(state) = result.state {
                        for kind in &result.conflicts {
                            self.notices.push(SyncNotice {
                                user_id: user_id.to_owned(),
                                record_id: item.record.record_id.clone(),
                                client_name: item.client_name.clone(),
                                message: kind.message(state).to_owned(),
                            });
                        }
                    }
                    self.keep(KeptRecord::sent(user_id, &item.record, now));
                    self.sent.push(SentRecord {
                        user_id: user_id.to_owned(),
                        visit_id: item.record.visit_id,
                        record_id: item.record.record_id,
                        sent_at: now,
                    });
                }
                SyncOutcome::Rejected => {
                    if let Some(error) = result.error.as_ref().filter(|e| e.field.is_some()) {
                        self.items[index].refused = Some(error.clone());
                    }
                }
            }
        }
        let oldest = now - Duration::days(SENT_KEPT_DAYS);
        self.sent.retain(|sent| sent.sent_at >= oldest);
        self.forget_old_kept(now);
        self.last_sync = Some(now);
    }

    /// The caregiver gives up a refused record.
    pub fn discard(&mut self, record_id: &str) {
        self.items.retain(|item| item.record.record_id != record_id);
    }

    /// The caregiver has read the notices.
    pub fn dismiss_notices(&mut self, user_id: &str) {
        self.notices.retain(|notice| notice.user_id != user_id);
    }

    pub fn notices_for(&self, user_id: &str) -> Vec<SyncNotice> {
        self.notices
            .iter()
            .filter(|notice| notice.user_id == user_id)
            .cloned()
            .collect()
    }

    pub fn refused_for(&self, user_id: &str) -> Vec<OutboxItem> {
        self.items
            .iter()
            .filter(|item| item.user_id == user_id && item.refused.is_some())
            .cloned()
            .collect()
    }

    /// Whether the caregiver recorded the visit on this device, and how far it got.
    pub fn visit_status(&self, user_id: &str, visit_id: &str) -> VisitRecordStatus {
        let queued = self
            .items
            .iter()
            .find(|item| item.user_id == user_id && item.record.visit_id == visit_id);
        match queued {
            Some(OutboxItem {
                refused: Some(error),
                ..
            }) => VisitRecordStatus::Refused(error.message.clone()),
            Some(_) => VisitRecordStatus::Waiting,
            None if self
                .sent
                .iter()
                .any(|sent| sent.user_id == user_id && sent.visit_id == visit_id) =>
            {
                VisitRecordStatus::Sent
            }
            None => VisitRecordStatus::NotRecorded,
        }
    }
}

/// `1 záznam`, `3 záznamy`, `5 záznamů`.
pub fn record_count(count: usize) -> String {
    let noun = match count {
        1 => "záznam",
        2..=4 => "záznamy",
        _ => "záznamů",
    };
    format!("{count} {noun}")
}

#[cfg(test)]
mod tests;
