//! Training's plain data: hours as people read them, the duty's standing and reasons, a
//! roll being marked, and the rolls waiting on the tablet to be sent.

pub mod drafts;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::time::czech_month;
use shared::training::attendance::Mark;
use shared::training::duty::{DutyStanding, Reduction};
use shared::training::{AttendanceEntry, AttendanceSubmission, Run, Verification};

use crate::ui::format::czech_date;

/// `240` → "4 h", `90` → "1 h 30 min".
pub fn hours(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} h"),
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// One line on where a worker stands.
pub fn standing_summary(standing: &DutyStanding) -> String {
    let done = hours(standing.completed_minutes);
    let required = hours(standing.required_minutes);
    if standing.is_met() {
        format!("Splněno: {done} z povinných {required}.")
    } else {
        format!(
            "Chybí {}: splněno {done} z povinných {required}.",
            hours(standing.shortfall_minutes)
        )
    }
}

/// Why some in-house training does not count, when some does not.
pub fn in_house_text(standing: &DutyStanding) -> Option<String> {
    (standing.uncounted_in_house_minutes > 0).then(|| {
        format!(
            "Vnitřní školicí akce se sociálním pracovníkům počítají nejvýše 8 h ročně: \
             {} se do splněných hodin nezapočítává.",
            hours(standing.uncounted_in_house_minutes)
        )
    })
}

/// "zkušební doba (červenec, srpen, září): −6 h".
pub fn reduction_text(reduction: &Reduction) -> String {
    let months: Vec<&str> = reduction
        .months
        .iter()
        .filter_map(|month| czech_month(*month))
        .collect();
    format!(
        "{} ({}): −{}",
        reduction.reason.label(),
        months.join(", "),
        hours(reduction.minutes)
    )
}

/// The days of a run's sessions: "14. prosince 2026 a 21. prosince 2026".
pub fn run_days(run: &Run) -> String {
    let days: Vec<String> = run
        .sessions
        .iter()
        .map(|session| czech_date(shared::time::prague_date(session.starts_at)))
        .collect();
    match days.as_slice() {
        [] => "termín bude upřesněn".to_owned(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} a {last}", rest.join(", ")),
    }
}

/// "Volná místa: 3 z 12", or that a new enrolment goes on the waiting list.
pub fn places(run: &Run) -> String {
    let free = (run.capacity - run.enrolled).max(0);
    if free == 0 {
        format!(
            "Obsazeno (kapacita {}), přihláška na seznam náhradníků",
            run.capacity
        )
    } else {
        format!("Volná místa: {free} z {}", run.capacity)
    }
}

/// The marks a lecturer is setting for one session, by worker id; minutes for partial
/// attendance as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RollDraft {
    pub marks: BTreeMap<String, (Mark, String)>,
}

impl RollDraft {
    /// The submission to send, or the first person whose partial minutes are not a number
    /// of minutes (by name, through `name_of`).
    pub fn submission(
        &self,
        submission_id: String,
        name_of: impl Fn(&str) -> String,
    ) -> Result<AttendanceSubmission, String> {
        let marks = self
            .marks
            .iter()
            .map(|(worker_id, (mark, minutes))| {
                let minutes = match mark {
                    Mark::Partly => Some(
                        minutes
                            .trim()
                            .parse::<i64>()
                            .ok()
                            .filter(|m| *m > 0)
                            .ok_or_else(|| {
                                format!(
                                    "U částečné účasti ({}) uveďte počet minut.",
                                    name_of(worker_id)
                                )
                            })?,
                    ),
                    _ => None,
                };
                Ok(AttendanceEntry {
                    worker_id: worker_id.clone(),
                    mark: *mark,
                    minutes,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(AttendanceSubmission {
            submission_id,
            marks,
        })
    }
}

/// A roll taken on the tablet, kept until the server has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRoll {
    pub session_id: String,
    pub submission: AttendanceSubmission,
}

/// The rolls waiting to be sent, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRolls(pub Vec<PendingRoll>);

impl PendingRolls {
    pub fn add(&mut self, roll: PendingRoll) {
        self.0.push(roll);
    }

    /// The server has this one (applied now or before): it leaves the tablet.
    pub fn acknowledge(&mut self, submission_id: &str) {
        self.0
            .retain(|roll| roll.submission.submission_id != submission_id);
    }
}

/// The verification page's headline and its style.
pub fn verification_headline(verification: &Verification) -> (&'static str, &'static str) {
    match verification {
        Verification::Valid { .. } => ("valid", "Osvědčení je platné."),
        Verification::Revoked { .. } => ("revoked", "Osvědčení bylo zneplatněno."),
        Verification::Unknown => (
            "unknown",
            "Osvědčení s tímto kódem neznáme. Zkontrolujte prosím, zda je kód opsán přesně.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::training::duty::ReductionReason;

    #[test]
    fn hours_read_as_hours_and_minutes() {
        assert_eq!(hours(1440), "24 h");
        assert_eq!(hours(90), "1 h 30 min");
        assert_eq!(hours(45), "45 min");
        assert_eq!(hours(0), "0 h");
    }

    #[test]
    fn a_standing_says_what_is_missing() {
        let standing = DutyStanding {
            year: 2026,
            required_minutes: 960,
            completed_minutes: 240,
            shortfall_minutes: 720,
            reductions: vec![Reduction {
                reason: ReductionReason::Probation,
                months: vec![7, 8, 9],
                minutes: 360,
            }],
            uncounted_in_house_minutes: 0,
        };
        assert_eq!(
            standing_summary(&standing),
            "Chybí 12 h: splněno 4 h z povinných 16 h."
        );
        assert_eq!(
            reduction_text(&standing.reductions[0]),
            "zkušební doba (červenec, srpen, září): −6 h"
        );
        assert_eq!(in_house_text(&standing), None);
        let capped = DutyStanding {
            uncounted_in_house_minutes: 240,
            ..standing
        };
        assert_eq!(
            in_house_text(&capped).as_deref(),
            Some(
                "Vnitřní školicí akce se sociálním pracovníkům počítají nejvýše 8 h ročně: \
                 4 h se do splněných hodin nezapočítává."
            )
        );
    }

    #[test]
    fn a_partial_attendance_needs_its_minutes() {
        let mut draft = RollDraft::default();
        draft
            .marks
            .insert("u1".into(), (Mark::Partly, " 90 ".into()));
        draft.marks.insert("u2".into(), (Mark::Present, "".into()));
        let submission = draft
            .submission("s1".into(), |_| "Jana".into())
            .expect("valid");
        assert_eq!(submission.marks[0].minutes, Some(90));
        assert_eq!(submission.marks[1].minutes, None);
        draft.marks.insert("u1".into(), (Mark::Partly, "".into()));
        assert_eq!(
            draft.submission("s2".into(), |_| "Jana".into()),
            Err("U částečné účasti (Jana) uveďte počet minut.".into())
        );
    }

    #[test]
    fn an_acknowledged_roll_leaves_the_tablet_and_the_others_stay() {
        let roll = |id: &str| PendingRoll {
            session_id: "s".into(),
            submission: AttendanceSubmission {
                submission_id: id.into(),
                marks: vec![],
            },
        };
        let mut pending = PendingRolls::default();
        pending.add(roll("a"));
        pending.add(roll("b"));
        pending.acknowledge("a");
        assert_eq!(pending, PendingRolls(vec![roll("b")]));
    }
}
