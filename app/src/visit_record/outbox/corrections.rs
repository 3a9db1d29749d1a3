//! Her corrections in the outbox, as plain data (tested natively): her records as they now
//! stand, kept so that "Opravit" works without a connection and the card shows the corrected
//! times at once; and the corrections waiting to be sent, each under the key the phone made
//! for it, so the server stores it once however often it is sent.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use shared::catalogue::TaskUnit;
use shared::records::{
    CorrectionInput, RecordVersion, RecordView, TaskDoneInput, VisitRecordInput,
};

use super::{Outbox, SENT_KEPT_DAYS, SyncNotice};

/// Her record of a visit as it now stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptRecord {
    pub user_id: String,
    pub visit_id: String,
    pub record_id: String,
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    pub tasks: Vec<TaskDoneInput>,
    pub note: Option<String>,
    /// Why it was last corrected, once it is.
    pub correction_reason: Option<String>,
    pub kept_at: DateTime<Utc>,
}

impl KeptRecord {
    /// Her record as the phone sent it.
    pub fn sent(user_id: &str, record: &VisitRecordInput, now: DateTime<Utc>) -> Self {
        KeptRecord {
            user_id: user_id.to_owned(),
            visit_id: record.visit_id.clone(),
            record_id: record.record_id.clone(),
            arrived_at: record.arrived_at,
            left_at: record.left_at,
            tasks: record.tasks.clone(),
            note: record.note.clone(),
            correction_reason: None,
            kept_at: now,
        }
    }

    /// Her record as the server has it: `version` is its latest version.
    pub fn of_version(
        user_id: &str,
        visit_id: &str,
        record_id: &str,
        version: &RecordVersion,
        now: DateTime<Utc>,
    ) -> Self {
        KeptRecord {
            user_id: user_id.to_owned(),
            visit_id: visit_id.to_owned(),
            record_id: record_id.to_owned(),
            arrived_at: version.arrived_at,
            left_at: version.left_at,
            tasks: version
                .tasks
                .iter()
                .map(|task| TaskDoneInput {
                    task_code: task.task_code.clone(),
                    units: (task.unit != TaskUnit::Hour).then_some(task.units),
                })
                .collect(),
            note: version.note.clone(),
            correction_reason: (version.version > 0)
                .then(|| version.reason.clone())
                .flatten(),
            kept_at: now,
        }
    }
}

/// A correction waiting on the phone; `correction.correction_id` is its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedCorrection {
    pub user_id: String,
    pub visit_id: String,
    pub record_id: String,
    /// For the caregiver's eyes, should the server refuse it.
    pub client_name: String,
    pub correction: CorrectionInput,
}

/// Said when the server refuses a correction for good; the server's reason follows.
const CORRECTION_REFUSED: &str = "Opravu záznamu server nepřijal.";

impl Outbox {
    /// Keeps her record as it now stands, in place of what was kept of it.
    pub fn keep(&mut self, record: KeptRecord) {
        self.kept
            .retain(|kept| !(kept.user_id == record.user_id && kept.visit_id == record.visit_id));
        self.kept.push(record);
    }

    /// Her record of the visit, as the phone last knew it.
    pub fn kept(&self, user_id: &str, visit_id: &str) -> Option<&KeptRecord> {
        self.kept
            .iter()
            .find(|kept| kept.user_id == user_id && kept.visit_id == visit_id)
    }

    /// She corrects her kept record of the visit: the card reads the correction at once,
    /// and it waits to be sent, in place of one of hers still waiting for that record.
    pub fn correct(
        &mut self,
        user_id: &str,
        visit_id: &str,
        client_name: &str,
        correction: CorrectionInput,
        now: DateTime<Utc>,
    ) {
        let Some(kept) = self
            .kept
            .iter_mut()
            .find(|kept| kept.user_id == user_id && kept.visit_id == visit_id)
        else {
            return;
        };
        kept.arrived_at = correction.arrived_at;
        kept.left_at = correction.left_at;
        kept.tasks = correction.tasks.clone();
        kept.note = correction.note.clone();
        kept.correction_reason = Some(correction.reason.clone());
        kept.kept_at = now;
        let record_id = kept.record_id.clone();
        self.corrections
            .retain(|queued| !(queued.user_id == user_id && queued.record_id == record_id));
        self.corrections.push(QueuedCorrection {
            user_id: user_id.to_owned(),
            visit_id: visit_id.to_owned(),
            record_id,
            client_name: client_name.to_owned(),
            correction,
        });
    }

    /// Her corrections to send, oldest first.
    pub fn corrections_to_send(&self, user_id: &str) -> Vec<QueuedCorrection> {
        self.corrections
            .iter()
            .filter(|queued| queued.user_id == user_id)
            .cloned()
            .collect()
    }

    /// Whether a correction of hers waits for the visit's record.
    pub fn correction_waiting(&self, user_id: &str, visit_id: &str) -> bool {
        self.corrections
            .iter()
            .any(|queued| queued.user_id == user_id && queued.visit_id == visit_id)
    }

    /// The server stored the correction (or had stored it): it leaves the queue, and the
    /// record as the server now has it is kept, unless she corrected it again meanwhile.
    pub fn correction_sent(
        &mut self,
        queued: &QueuedCorrection,
        record: &RecordView,
        now: DateTime<Utc>,
    ) {
        self.corrections
            .retain(|waiting| waiting.correction.correction_id != queued.correction.correction_id);
        self.last_sync = Some(now);
        if self.correction_waiting(&queued.user_id, &queued.visit_id) {
            return;
        }
        if let Some(version) = record.versions.last() {
            self.keep(KeptRecord::of_version(
                &queued.user_id,
                &queued.visit_id,
                &record.record_id,
                version,
                now,
            ));
        }
    }

    /// The server refused the correction for good: it leaves the queue, what the phone kept
    /// of the record goes (the server's version is read again when she opens it), and she
    /// reads why.
    pub fn correction_refused(&mut self, queued: &QueuedCorrection, why: &str) {
        self.corrections
            .retain(|waiting| waiting.correction.correction_id != queued.correction.correction_id);
        self.kept
            .retain(|kept| !(kept.user_id == queued.user_id && kept.record_id == queued.record_id));
        self.notices.push(SyncNotice {
            user_id: queued.user_id.clone(),
            record_id: queued.record_id.clone(),
            client_name: queued.client_name.clone(),
            message: format!("{CORRECTION_REFUSED} {why}"),
        });
    }

    /// Forgets records kept longer than a sent record marks its visit, but for those with a
    /// correction still waiting.
    pub(super) fn forget_old_kept(&mut self, now: DateTime<Utc>) {
        let oldest = now - Duration::days(SENT_KEPT_DAYS);
        let corrections = &self.corrections;
        self.kept.retain(|kept| {
            kept.kept_at >= oldest
                || corrections
                    .iter()
                    .any(|queued| queued.record_id == kept.record_id)
        });
    }
}

#[cfg(test)]
mod tests;
