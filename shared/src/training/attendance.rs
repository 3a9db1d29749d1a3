//! Attendance marks and what a run credits: a module counts its hours once every one of its
//! sessions is attended (in whole or in part); then each session gives its length, or the
//! minutes the lecturer wrote for a partial attendance.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Present,
    Partly,
    Absent,
    Excused,
}

impl Mark {
    pub const ALL: [Mark; 4] = [Mark::Present, Mark::Partly, Mark::Absent, Mark::Excused];

    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Partly => "partly",
            Mark::Absent => "absent",
            Mark::Excused => "excused",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mark| mark.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Mark::Present => "přítomen/na",
            Mark::Partly => "částečně",
            Mark::Absent => "nepřítomen/na",
            Mark::Excused => "omluven/a",
        }
    }
}

/// A mark as recorded: partial attendance carries its minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub mark: Mark,
    pub minutes: Option<i64>,
}

impl Attendance {
    /// A mark as the lecturer sent it: minutes belong to a partial attendance only, and lie
    /// strictly between nothing and the whole session.
    pub fn parse(
        mark: Mark,
        minutes: Option<i64>,
        session_minutes: i64,
    ) -> Result<Self, FieldError> {
        match (mark, minutes) {
            (Mark::Partly, Some(m)) if m > 0 && m < session_minutes => Ok(Self { mark, minutes }),
            (Mark::Partly, _) => Err(FieldError::new(
                "minutes",
                "U částečné účasti uveďte, kolik minut z lekce účastník absolvoval.",
            )),
            (_, None) => Ok(Self {
                mark,
                minutes: None,
            }),
            (_, Some(_)) => Err(FieldError::new(
                "minutes",
                "Minuty se uvádějí jen u částečné účasti.",
            )),
        }
    }
}

/// The minutes a run credits to one person: `sessions` holds each session's length and her
/// mark there (`None` = not marked). `None` when the module is not completed.
pub fn credited_minutes(sessions: &[(i64, Option<Attendance>)]) -> Option<i64> {
    if sessions.is_empty() {
        return None;
    }
    sessions
        .iter()
        .map(|(length, attendance)| match attendance {
            Some(Attendance {
                mark: Mark::Present,
                ..
            }) => Some(*length),
            Some(Attendance {
                mark: Mark::Partly,
                minutes,
            }) => *minutes,
            _ => None,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRESENT: Option<Attendance> = Some(Attendance {
        mark: Mark::Present,
        minutes: None,
    });

    #[test]
    fn a_module_counts_once_every_session_is_attended() {
        // Two sessions of 4 h; the second attended for 3 h: 7 h.
        let partly = Some(Attendance {
            mark: Mark::Partly,
            minutes: Some(180),
        });
        assert_eq!(
            credited_minutes(&[(240, PRESENT), (240, partly)]),
            Some(420)
        );
    }

    #[test]
    fn a_missed_or_unmarked_session_leaves_the_module_uncompleted() {
        let absent = Some(Attendance {
            mark: Mark::Absent,
            minutes: None,
        });
        let excused = Some(Attendance {
            mark: Mark::Excused,
            minutes: None,
        });
        assert_eq!(credited_minutes(&[(240, PRESENT), (240, absent)]), None);
        assert_eq!(credited_minutes(&[(240, PRESENT), (240, excused)]), None);
        assert_eq!(credited_minutes(&[(240, PRESENT), (240, None)]), None);
        assert_eq!(credited_minutes(&[]), None);
    }

    #[test]
    fn minutes_go_with_a_partial_attendance_only() {
        assert!(Attendance::parse(Mark::Partly, Some(90), 240).is_ok());
        assert!(Attendance::parse(Mark::Partly, None, 240).is_err());
        assert!(Attendance::parse(Mark::Partly, Some(240), 240).is_err());
        assert!(Attendance::parse(Mark::Present, Some(90), 240).is_err());
        assert!(Attendance::parse(Mark::Excused, None, 240).is_ok());
    }
}
