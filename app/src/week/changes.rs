//! The planner's changes as plain data: the move form parsed into the API's change and the
//! optimiser's proposal compared and accepted. Pure,
//! tested natively.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use shared::ErrorDetail;
use shared::planning::input::check_reason;
use shared::schedule::{
    AcceptProposal, AcceptedChange, BoardVisit, PlanScore, Proposal, ProposedChange, VisitChange,
};
use shared::time::{from_prague, to_prague};

use crate::ui::form::field_error;
use crate::week::proposal_text::accept_reason;
use crate::week::state::day_tab_label;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveDraft {
    pub visit_id: String,
    /// Empty: nobody.
    pub caregiver_id: String,
    pub date: NaiveDate,
    /// `HH:MM`, Prague wall time.
    pub time: String,
    pub reason: String,
}

impl MoveDraft {
    /// The form as it opens for a visit: where it is now.
    pub fn of(visit: &BoardVisit) -> Self {
        let local = to_prague(visit.starts_at);
        MoveDraft {
            visit_id: visit.id.clone(),
            caregiver_id: visit.caregiver_ids.first().cloned().unwrap_or_default(),
            date: local.date(),
            time: format!("{:02}:{:02}", local.hour(), local.minute()),
            reason: String::new(),
        }
    }
}

/// The form as the API's change: only what differs from the visit, with the reason.
pub fn parse_move(draft: &MoveDraft, visit: &BoardVisit) -> Result<VisitChange, ErrorDetail> {
    let time = NaiveTime::parse_from_str(draft.time.trim(), "%H:%M")
        .map_err(|_| field_error("starts_at", "Zadejte čas ve tvaru HH:MM, např. 09:30."))?;
    let starts_at = from_prague(draft.date.and_time(time)).map_err(|_| {
        field_error(
            "starts_at",
            "Tento čas v den změny času neexistuje. Zvolte jiný.",
        )
    })?;
    let reason =
        check_reason(&draft.reason).map_err(|error| field_error(error.field, error.message))?;
    let mut caregivers = visit.caregiver_ids.clone();
    match (draft.caregiver_id.is_empty(), caregivers.is_empty()) {
        (true, _) => caregivers.clear(),
        (false, true) => caregivers.push(draft.caregiver_id.clone()),
        (false, false) => caregivers[0] = draft.caregiver_id.clone(),
    }
    // A second caregiver who becomes the first is not listed twice.
    caregivers.dedup();
    let change = VisitChange {
        starts_at: (starts_at != visit.starts_at).then_some(starts_at),
        caregiver_ids: (caregivers != visit.caregiver_ids).then_some(caregivers),
        cancel: false,
        reason,
    };
    if change.starts_at.is_none() && change.caregiver_ids.is_none() {
        return Err(field_error(
            "starts_at",
            "Návštěva už je v tomto čase u tohoto pracovníka. Změňte čas nebo pracovníka.",
        ));
    }
    Ok(change)
}

/// What the planner reads after a change: saved, and the conflicts it leaves.
pub fn change_summary(client_name: &str, conflicts: &[String]) -> String {
    if conflicts.is_empty() {
        format!("Návštěva u klienta {client_name} je přeplánována, bez konfliktů.")
    } else {
        format!(
            "Návštěva u klienta {client_name} je přeplánována, ale plán hlásí konflikt: {}",
            conflicts.join(" ")
        )
    }
}

/// One line of the comparison between the current plan and a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    pub label: &'static str,
    pub current: i64,
    pub proposed: i64,
}

impl ScoreRow {
    /// Every measure is better smaller.
    pub fn verdict(&self) -> &'static str {
        match self.proposed.cmp(&self.current) {
            std::cmp::Ordering::Less => "lepší",
            std::cmp::Ordering::Equal => "beze změny",
            std::cmp::Ordering::Greater => "horší",
        }
    }
}

/// The comparison the planner reads before accepting, most important first.
pub fn score_rows(current: &PlanScore, proposed: &PlanScore) -> Vec<ScoreRow> {
    let row = |label, pick: fn(&PlanScore) -> i64| ScoreRow {
        label,
        current: pick(current),
        proposed: pick(proposed),
    };
    vec![
        row("Nepřiřazené návštěvy", |s| i64::from(s.unassigned)),
        row("Konflikty", |s| i64::from(s.conflicts)),
        row("Přejezdy (min)", |s| s.travel_minutes),
        row("Čekání mezi návštěvami (min)", |s| s.waiting_minutes),
        row("Přesčas (min)", |s| s.overtime_minutes),
        row("Pečovatelů na klienta (součet)", |s| {
            s.caregivers_per_client
        }),
    ]
}

/// "Út 24. 11. 13:15 Jana → Út 24. 11. 12:45 Martin".
pub fn change_line(change: &ProposedChange, name_of: impl Fn(&str) -> String) -> String {
    let side = |caregivers: &[String], at: DateTime<Utc>| {
        let who = if caregivers.is_empty() {
            "nepřiřazeno".to_owned()
        } else {
            caregivers
                .iter()
                .map(|id| name_of(id))
                .collect::<Vec<_>>()
                .join(" a ")
        };
        let local = to_prague(at);
        format!(
            "{} {}:{:02} {who}",
            day_tab_label(local.date()),
            local.hour(),
            local.minute()
        )
    };
    format!(
        "{} → {}",
        side(&change.from_caregiver_ids, change.from_starts_at),
        side(&change.to_caregiver_ids, change.to_starts_at)
    )
}

/// The chosen changes of a proposal as the request that applies them.
pub fn accept_request(
    proposal: &Proposal,
    chosen: &std::collections::BTreeSet<String>,
) -> Result<AcceptProposal, ErrorDetail> {
    let changes: Vec<AcceptedChange> = proposal
        .changes
        .iter()
        .filter(|change| chosen.contains(&change.visit_id))
        .map(|change| AcceptedChange {
            visit_id: change.visit_id.clone(),
            caregiver_ids: change.to_caregiver_ids.clone(),
            starts_at: change.to_starts_at,
        })
        .collect();
    if changes.is_empty() {
        return Err(field_error(
            "changes",
            "Vyberte alespoň jednu změnu, kterou chcete přijmout.",
        ));
    }
    Ok(AcceptProposal {
        changes,
        reason: accept_reason(proposal).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::fixtures::*;

    #[test]
    fn the_move_form_sends_only_what_changed_with_its_reason() {
        let visit = visit("a", &["jana"], "2026-11-23T07:00:00Z", 60, "Děčín");
        let mut draft = MoveDraft::of(&visit);
        assert_eq!(
            (draft.caregiver_id.as_str(), draft.time.as_str()),
            ("jana", "08:00")
        );
        draft.caregiver_id = "martin".into();
        draft.reason = " nemoc ".into();
        let change = parse_move(&draft, &visit).expect("valid");
        assert_eq!(change.caregiver_ids, Some(vec!["martin".to_owned()]));
        assert_eq!(change.starts_at, None);
        assert_eq!(change.reason, "nemoc");

        draft.caregiver_id = "jana".into();
        draft.time = "09:15".into();
        let change = parse_move(&draft, &visit).expect("valid");
        assert_eq!(change.starts_at, Some(utc("2026-11-23T08:15:00Z")));
        assert_eq!(change.caregiver_ids, None);
    }

    #[test]
    fn a_move_form_names_the_field_that_is_wrong() {
        let visit = visit("a", &["jana"], "2026-11-23T07:00:00Z", 60, "Děčín");
        let mut draft = MoveDraft::of(&visit);
        draft.reason = "přání klienta".into();
        let unchanged = parse_move(&draft, &visit).expect_err("nothing changes");
        assert_eq!(unchanged.field.as_deref(), Some("starts_at"));
        draft.time = "9.15".into();
        assert_eq!(
            parse_move(&draft, &visit)
                .expect_err("time")
                .field
                .as_deref(),
            Some("starts_at")
        );
        draft.time = "09:15".into();
        draft.reason = "  ".into();
        assert_eq!(
            parse_move(&draft, &visit)
                .expect_err("reason")
                .field
                .as_deref(),
            Some("reason")
        );
        // 02:30 on 28 March 2027 does not exist in Prague.
        let spring = MoveDraft {
            date: date("2027-03-28"),
            time: "02:30".into(),
            reason: "noční".into(),
            ..MoveDraft::of(&visit)
        };
        assert_eq!(
            parse_move(&spring, &visit)
                .expect_err("gap")
                .field
                .as_deref(),
            Some("starts_at")
        );
    }

    #[test]
    fn unassigning_a_visit_sends_no_caregivers() {
        let visit = visit("a", &["jana"], "2026-11-23T07:00:00Z", 60, "Děčín");
        let draft = MoveDraft {
            caregiver_id: String::new(),
            reason: "nemoc".into(),
            ..MoveDraft::of(&visit)
        };
        assert_eq!(
            parse_move(&draft, &visit).expect("valid").caregiver_ids,
            Some(vec![])
        );
    }

    fn proposal() -> Proposal {
        let change = |id: &str, to: &str| ProposedChange {
            visit_id: id.into(),
            client_name: format!("Klient {id}"),
            from_caregiver_ids: vec!["jana".into()],
            to_caregiver_ids: vec![to.into()],
            from_starts_at: utc("2026-11-24T12:15:00Z"),
            to_starts_at: utc("2026-11-24T11:45:00Z"),
            why: "Martin má volno a nejkratší přejezd.".into(),
        };
        Proposal {
            monday: date("2026-11-23"),
            day: Some(date("2026-11-24")),
            current: PlanScore {
                conflicts: 2,
                travel_minutes: 120,
                ..PlanScore::default()
            },
            proposed: PlanScore {
                travel_minutes: 130,
                ..PlanScore::default()
            },
            changes: vec![change("a", "martin"), change("b", "martin")],
            unplanned: vec![],
            seconds: 1.0,
            repair: None,
            retime_threshold_minutes: 10,
        }
    }

    #[test]
    fn the_comparison_says_which_measures_the_proposal_improves() {
        let rows = score_rows(&proposal().current, &proposal().proposed);
        let conflicts = rows.iter().find(|r| r.label == "Konflikty").expect("row");
        assert_eq!(
            (conflicts.current, conflicts.proposed, conflicts.verdict()),
            (2, 0, "lepší")
        );
        let travel = rows
            .iter()
            .find(|r| r.label == "Přejezdy (min)")
            .expect("row");
        assert_eq!(travel.verdict(), "horší");
        assert_eq!(rows[0].verdict(), "beze změny");
    }

    #[test]
    fn a_change_reads_from_who_and_when_to_who_and_when() {
        let line = change_line(&proposal().changes[0], |id| id.to_uppercase());
        assert_eq!(line, "Út 24. 11. 13:15 JANA → Út 24. 11. 12:45 MARTIN");
    }

    #[test]
    fn only_the_chosen_changes_are_accepted_and_some_must_be() {
        let chosen = ["b".to_owned()].into_iter().collect();
        let request = accept_request(&proposal(), &chosen).expect("one chosen");
        assert_eq!(request.changes.len(), 1);
        assert_eq!(request.changes[0].visit_id, "b");
        assert_eq!(request.changes[0].caregiver_ids, ["martin"]);
        assert_eq!(request.reason, "Přijatý návrh optimalizace plánu");
        let repair = Proposal {
            repair: Some(shared::schedule::Repair {
                caregiver_id: "jana".into(),
                others_changed: 0,
            }),
            ..proposal()
        };
        assert_eq!(
            accept_request(&repair, &chosen).expect("one chosen").reason,
            "Náhrada za nemocnou kolegyni",
            "the family reads why someone else comes"
        );
        let none = accept_request(&proposal(), &Default::default()).expect_err("none chosen");
        assert_eq!(none.field.as_deref(), Some("changes"));
    }

    #[test]
    fn a_change_summary_says_whether_conflicts_remain() {
        assert!(change_summary("Karel", &[]).contains("bez konfliktů"));
        assert!(change_summary("Karel", &["Souběh.".into()]).ends_with("konflikt: Souběh."));
    }
}
