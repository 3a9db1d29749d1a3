//! A caregiver's correction of her own record, as plain data (tested natively): which
//! record is hers, the form as she fills it in, and the correction it makes, checked by
//! the rules the server applies.

use chrono::{DateTime, Utc};
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::records::sync::RecordState;
use shared::records::{CorrectionInput, RecordView, check_content, check_reason};

use crate::ui::form::rejected;
use crate::ui::format::time_range;
use crate::visit_record::outbox::KeptRecord;
use crate::visit_record::state::{optional, task_inputs, time_input_value, typed_instant, unit_in};

/// Her record of the visit: the one that counts if she has several.
pub fn own_record<'a>(records: &'a [RecordView], user_id: &str) -> Option<&'a RecordView> {
    records
        .iter()
        .filter(|record| record.caregiver_id == user_id)
        .max_by_key(|record| (record.state == RecordState::Accepted, record.recorded_at))
}

/// The correction form as she fills it in; it starts from the record as it now stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorrectionDraft {
    pub arrived: String,
    pub left: String,
    /// Ticked tasks: code and the units as typed (empty for time-based tasks).
    pub tasks: Vec<(String, String)>,
    pub note: String,
    pub reason: String,
}

impl CorrectionDraft {
    /// The form filled in with her record as it now stands; no reason yet.
    pub fn of(record: &KeptRecord) -> Self {
        CorrectionDraft {
            arrived: time_input_value(record.arrived_at),
            left: time_input_value(record.left_at),
            tasks: record
                .tasks
                .iter()
                .map(|task| {
                    let units = task.units.map(|units| units.to_string());
                    (task.task_code.clone(), units.unwrap_or_default())
                })
                .collect(),
            note: record.note.clone().unwrap_or_default(),
            reason: String::new(),
        }
    }
}

/// The correction the filled-in form makes of her `record`: times typed in Prague on the
/// visit's day, checked as the server checks them, a reason required; `correction_id` is
/// the key the phone made for it.
pub fn build_correction(
    record: &KeptRecord,
    correction_id: String,
    draft: &CorrectionDraft,
    catalogue: &[CareTask],
    now: DateTime<Utc>,
) -> Result<CorrectionInput, ErrorDetail> {
    let arrived_at = typed_instant(record.arrived_at, &draft.arrived, "arrived_at")?;
    let left_at = typed_instant(record.left_at, &draft.left, "left_at")?;
    let tasks = task_inputs(&draft.tasks)?;
    check_content(
        arrived_at,
        left_at,
        &tasks,
        Some(&draft.note),
        unit_in(catalogue),
        now,
    )
    .map_err(rejected)?;
    let reason = check_reason(&draft.reason).map_err(rejected)?;
    Ok(CorrectionInput {
        arrived_at,
        left_at,
        tasks,
        note: optional(&draft.note),
        reason,
        correction_id: Some(correction_id),
    })
}

/// What her card says once her record is corrected (on this phone or the server).
pub fn corrected_text(record: &KeptRecord) -> Option<String> {
    let reason = record.correction_reason.as_deref()?;
    let times = time_range(record.arrived_at, record.left_at);
    Some(format!("Opraveno: {times}. Důvod opravy: {reason}"))
}

#[cfg(test)]
mod tests;
