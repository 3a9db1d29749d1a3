//! A caregiver's correction of her own record, as plain data (tested natively): which
//! record is hers, the form as she fills it in, and the correction it makes, checked by
//! the rules the server applies.

use chrono::{DateTime, Utc};
use shared::ErrorDetail;
use shared::catalogue::{CareTask, TaskUnit};
use shared::records::sync::RecordState;
use shared::records::{CorrectionInput, RecordVersion, RecordView, check_content, check_reason};

use crate::ui::form::rejected;
use crate::ui::format::time_range;
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
    /// The form filled in with `version`, the record as it now stands; no reason yet.
    pub fn of(version: &RecordVersion) -> Self {
        CorrectionDraft {
            arrived: time_input_value(version.arrived_at),
            left: time_input_value(version.left_at),
            tasks: version
                .tasks
                .iter()
                .map(|task| {
                    let units = match task.unit {
                        TaskUnit::Hour => String::new(),
                        _ => task.units.to_string(),
                    };
                    (task.task_code.clone(), units)
                })
                .collect(),
            note: version.note.clone().unwrap_or_default(),
            reason: String::new(),
        }
    }
}

/// The correction the filled-in form makes of `version`: times typed in Prague on the
/// visit's day, checked as the server checks them, a reason required.
pub fn build_correction(
    version: &RecordVersion,
    draft: &CorrectionDraft,
    catalogue: &[CareTask],
    now: DateTime<Utc>,
) -> Result<CorrectionInput, ErrorDetail> {
    let arrived_at = typed_instant(version.arrived_at, &draft.arrived, "arrived_at")?;
    let left_at = typed_instant(version.left_at, &draft.left, "left_at")?;
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
    })
}

/// What her card says once the correction is saved.
pub fn corrected_text(version: &RecordVersion) -> String {
    let times = time_range(version.arrived_at, version.left_at);
    match version.reason.as_deref() {
        Some(reason) => format!("Opraveno: {times}. Důvod opravy: {reason}"),
        None => format!("Opraveno: {times}."),
    }
}

#[cfg(test)]
mod tests;
