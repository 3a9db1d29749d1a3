//! The planner's week board as plain data: rows per caregiver for one day, visits placed on
//! a timeline, conflicts attached to their visits, filters, and the move form parsed into
//! the API's change. Pure, tested natively.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use shared::ErrorDetail;
use shared::planning::input::check_reason;
use shared::schedule::{
    AcceptProposal, AcceptedChange, BoardVisit, PlanScore, Proposal, ProposedChange, VisitChange,
    VisitEvent, VisitStatus, WeekBoard,
};
use shared::time::{czech_weekday, from_prague, prague_date, to_prague};

use crate::view_state::{capitalized, field_error, short_date_time, time_range};

/// The timeline of a day, Prague wall time: home care happens between these hours.
pub const DAY_STARTS_HOUR: u32 = 6;
pub const DAY_ENDS_HOUR: u32 = 21;
/// A dropped visit starts on a multiple of this.
pub const SNAP_MINUTES: u32 = 15;

/// What the planner narrows the board to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardFilter {
    pub district: Option<String>,
    pub caregiver_id: Option<String>,
    pub unassigned_only: bool,
}

/// A visit as a block on a row's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub visit_id: String,
    pub client_name: String,
    pub municipality: String,
    pub time: String,
    /// Position on the timeline, in per cent of the day's width.
    pub left: f64,
    pub width: f64,
    pub cancelled: bool,
    /// Czech reasons this visit is in conflict; empty when it is fine.
    pub conflicts: Vec<String>,
}

impl Block {
    /// What a screen reader says for the block's button.
    pub fn label(&self) -> String {
        let mut label = format!("{}, {}, {}", self.client_name, self.time, self.municipality);
        if self.cancelled {
            label.push_str(", zrušeno");
        }
        if !self.conflicts.is_empty() {
            label.push_str(", konflikt: ");
            label.push_str(&self.conflicts.join(" "));
        }
        label
    }
}

/// One row of the board: a caregiver (or the unassigned visits) and their blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    /// `None` is the row of visits nobody is assigned to.
    pub caregiver_id: Option<String>,
    pub name: String,
    /// "12 h 30 min / 40 h" — the week's planned time against the contract.
    pub load: String,
    pub over_contract: bool,
    pub blocks: Vec<Block>,
}

/// The seven days of the board's week.
pub fn week_days(monday: NaiveDate) -> Vec<NaiveDate> {
    (0..7)
        .map(|offset| monday + Duration::days(offset))
        .collect()
}

/// "Po 23. 11."
pub fn day_tab_label(date: NaiveDate) -> String {
    let weekday: String = czech_weekday(date.weekday()).chars().take(2).collect();
    format!(
        "{} {}. {}.",
        capitalized(&weekday),
        date.day(),
        date.month()
    )
}

/// The day the board opens on: today when it is in the week, else the Monday.
pub fn initial_day(monday: NaiveDate, today: NaiveDate) -> NaiveDate {
    if (monday..monday + Duration::days(7)).contains(&today) {
        today
    } else {
        monday
    }
}

/// The districts the week's visits are in, sorted, for the filter.
pub fn districts(board: &WeekBoard) -> Vec<String> {
    let mut districts: Vec<String> = board.visits.iter().map(|v| v.district.clone()).collect();
    districts.sort();
    districts.dedup();
    districts
}

fn minutes_label(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (hours, 0) => format!("{hours} h"),
        (0, rest) => format!("{rest} min"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

fn minutes_of_day(instant: DateTime<Utc>) -> f64 {
    let local = to_prague(instant);
    f64::from(local.hour() * 60 + local.minute())
}

fn block(visit: &BoardVisit, board: &WeekBoard) -> Block {
    let day_start = f64::from(DAY_STARTS_HOUR * 60);
    let span = f64::from((DAY_ENDS_HOUR - DAY_STARTS_HOUR) * 60);
    let start = (minutes_of_day(visit.starts_at) - day_start).clamp(0.0, span);
    let length = (visit.ends_at - visit.starts_at).num_minutes() as f64;
    let end = (start + length).min(span);
    let mut conflicts: Vec<String> = board
        .conflicts
        .iter()
        .filter(|conflict| conflict.visit_id == visit.id)
        .map(|conflict| conflict.message.clone())
        .collect();
    conflicts.dedup();
    Block {
        visit_id: visit.id.clone(),
        client_name: visit.client_name.clone(),
        municipality: visit.municipality.clone(),
        time: time_range(visit.starts_at, visit.ends_at),
        left: start / span * 100.0,
        width: ((end - start) / span * 100.0).max(1.0),
        cancelled: visit.status == VisitStatus::Cancelled,
        conflicts,
    }
}

/// The rows of one day: the unassigned visits first (when there are any), then every
/// caregiver by name; filters applied.
pub fn board_rows(board: &WeekBoard, day: NaiveDate, filter: &BoardFilter) -> Vec<BoardRow> {
    let of_day: Vec<&BoardVisit> = board
        .visits
        .iter()
        .filter(|visit| prague_date(visit.starts_at) == day)
        .filter(|visit| {
            filter
                .district
                .as_ref()
                .is_none_or(|district| &visit.district == district)
        })
        .collect();
    let blocks_where = |keep: &dyn Fn(&BoardVisit) -> bool| -> Vec<Block> {
        of_day
            .iter()
            .filter(|visit| keep(visit))
            .map(|visit| block(visit, board))
            .collect()
    };
    let mut rows = Vec::new();
    let unassigned = blocks_where(&|visit| {
        visit.status != VisitStatus::Cancelled
            && visit.caregiver_ids.len() < usize::from(visit.caregivers_needed)
    });
    if !unassigned.is_empty() || filter.unassigned_only {
        rows.push(BoardRow {
            caregiver_id: None,
            name: "Nepřiřazené".to_owned(),
            load: String::new(),
            over_contract: false,
            blocks: unassigned,
        });
    }
    if filter.unassigned_only {
        return rows;
    }
    for caregiver in &board.caregivers {
        if filter
            .caregiver_id
            .as_ref()
            .is_some_and(|id| id != &caregiver.id)
        {
            continue;
        }
        let load = match caregiver.contract_minutes {
            Some(contract) => format!(
                "{} / {}",
                minutes_label(caregiver.planned_minutes),
                minutes_label(contract)
            ),
            None => minutes_label(caregiver.planned_minutes),
        };
        rows.push(BoardRow {
            caregiver_id: Some(caregiver.id.clone()),
            name: caregiver.name.clone(),
            load,
            over_contract: caregiver
                .contract_minutes
                .is_some_and(|contract| caregiver.planned_minutes > contract),
            blocks: blocks_where(&|visit| visit.caregiver_ids.contains(&caregiver.id)),
        });
    }
    rows
}

/// The day's conflicts, each once, in the board's order.
pub fn day_conflicts(board: &WeekBoard, day: NaiveDate) -> Vec<String> {
    let mut messages: Vec<String> = board
        .conflicts
        .iter()
        .filter(|conflict| {
            board
                .visits
                .iter()
                .any(|visit| visit.id == conflict.visit_id && prague_date(visit.starts_at) == day)
        })
        .map(|conflict| conflict.message.clone())
        .collect();
    messages.dedup();
    messages
}

/// Where a drop at `fraction` (0 = left edge, 1 = right edge) of the timeline lands, as
/// `HH:MM` snapped to [`SNAP_MINUTES`].
pub fn time_at(fraction: f64) -> String {
    let span = f64::from((DAY_ENDS_HOUR - DAY_STARTS_HOUR) * 60);
    let raw = fraction.clamp(0.0, 1.0) * span;
    let snapped = (raw / f64::from(SNAP_MINUTES)).round() as u32 * SNAP_MINUTES;
    let minutes = (DAY_STARTS_HOUR * 60 + snapped).min(DAY_ENDS_HOUR * 60 - SNAP_MINUTES);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The move form: where the visit should go and why. Drag and keyboard fill the same form.
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

/// One change of a visit's history as the planner reads it: when, who, what, why.
pub fn history_line(event: &VisitEvent) -> String {
    let what = match event.kind.as_str() {
        "generated" => "vytvořena z plánu péče",
        "created" => "přidána ručně",
        "moved" => "přesunuta na jiný čas",
        "assigned" => "přidělena jinému pracovníkovi",
        "cancelled" => "zrušena",
        _ => "změněna",
    };
    let mut line = format!(
        "{} {}: {what}",
        short_date_time(event.at),
        event.display_name
    );
    if let Some(reason) = event.reason.as_deref().filter(|r| !r.is_empty()) {
        line.push_str(&format!(" ({reason})"));
    }
    line
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
        reason: "Přijatý návrh optimalizace plánu".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::planning::conflicts::{Conflict, ConflictKind};
    use shared::schedule::BoardCaregiver;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn visit(
        id: &str,
        caregivers: &[&str],
        starts: &str,
        minutes: i64,
        district: &str,
    ) -> BoardVisit {
        BoardVisit {
            id: id.into(),
            client_id: format!("client-{id}"),
            client_name: format!("Klient {id}"),
            caregiver_ids: caregivers.iter().map(|c| (*c).to_owned()).collect(),
            caregivers_needed: 1,
            starts_at: utc(starts),
            ends_at: utc(starts) + Duration::minutes(minutes),
            window: None,
            status: VisitStatus::Planned,
            template_id: None,
            municipality: "Obec".into(),
            district: district.into(),
        }
    }

    fn caregiver(id: &str, name: &str, contract: Option<i64>, planned: i64) -> BoardCaregiver {
        BoardCaregiver {
            id: id.into(),
            name: name.into(),
            contract_minutes: contract,
            planned_minutes: planned,
        }
    }

    fn board() -> WeekBoard {
        WeekBoard {
            monday: date("2026-11-23"),
            caregivers: vec![
                caregiver("jana", "Jana", Some(40 * 60), 41 * 60),
                caregiver("martin", "Martin", None, 90),
            ],
            visits: vec![
                // 08:00–09:00 Prague on Monday.
                visit("a", &["jana"], "2026-11-23T07:00:00Z", 60, "Děčín"),
                visit("b", &["martin"], "2026-11-23T07:30:00Z", 30, "Děčín"),
                visit("c", &[], "2026-11-23T12:00:00Z", 45, "Louny"),
                visit("d", &["jana"], "2026-11-24T07:00:00Z", 60, "Děčín"),
            ],
            conflicts: vec![Conflict {
                visit_id: "a".into(),
                caregiver_id: Some("jana".into()),
                kind: ConflictKind::OutsideShift,
                message: "Mimo směnu.".into(),
            }],
        }
    }

    #[test]
    fn a_day_has_the_unassigned_row_first_then_every_caregiver_by_name() {
        let rows = board_rows(&board(), date("2026-11-23"), &BoardFilter::default());
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Nepřiřazené", "Jana", "Martin"]);
        assert_eq!(rows[0].blocks[0].visit_id, "c");
        assert_eq!(rows[1].blocks.len(), 1, "Tuesday's visit is not on Monday");
    }

    #[test]
    fn a_visit_sits_on_the_timeline_by_its_prague_time() {
        let rows = board_rows(&board(), date("2026-11-23"), &BoardFilter::default());
        let jana = &rows[1].blocks[0];
        // 08:00 is 2 h into a 15 h day; an hour is 1/15 of it.
        assert!((jana.left - 200.0 / 15.0).abs() < 1e-9, "{}", jana.left);
        assert!((jana.width - 100.0 / 15.0).abs() < 1e-9, "{}", jana.width);
        assert_eq!(jana.time, "8:00–9:00");
    }

    #[test]
    fn a_conflict_is_shown_on_its_visit_and_in_its_label() {
        let rows = board_rows(&board(), date("2026-11-23"), &BoardFilter::default());
        let jana = &rows[1].blocks[0];
        assert_eq!(jana.conflicts, ["Mimo směnu."]);
        assert!(
            jana.label().ends_with("konflikt: Mimo směnu."),
            "{}",
            jana.label()
        );
        assert!(rows[2].blocks[0].conflicts.is_empty());
        assert_eq!(day_conflicts(&board(), date("2026-11-23")), ["Mimo směnu."]);
        assert!(day_conflicts(&board(), date("2026-11-24")).is_empty());
    }

    #[test]
    fn the_load_compares_the_week_with_the_contract() {
        let rows = board_rows(&board(), date("2026-11-23"), &BoardFilter::default());
        assert_eq!(rows[1].load, "41 h / 40 h");
        assert!(rows[1].over_contract);
        assert_eq!(rows[2].load, "1 h 30 min");
        assert!(!rows[2].over_contract);
    }

    #[test]
    fn filters_narrow_by_district_caregiver_and_unassigned() {
        let day = date("2026-11-23");
        let decin = BoardFilter {
            district: Some("Děčín".into()),
            ..BoardFilter::default()
        };
        let rows = board_rows(&board(), day, &decin);
        assert_eq!(
            rows.len(),
            2,
            "no unassigned row: Louny's visit is filtered out"
        );
        let martin = BoardFilter {
            caregiver_id: Some("martin".into()),
            ..BoardFilter::default()
        };
        let names: Vec<String> = board_rows(&board(), day, &martin)
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["Nepřiřazené", "Martin"]);
        let unassigned = BoardFilter {
            unassigned_only: true,
            ..BoardFilter::default()
        };
        let rows = board_rows(&board(), day, &unassigned);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].caregiver_id, None);
        assert_eq!(districts(&board()), ["Děčín", "Louny"]);
    }

    #[test]
    fn a_drop_lands_on_the_nearest_quarter_hour_inside_the_day() {
        assert_eq!(time_at(0.0), "06:00");
        assert_eq!(time_at(0.5), "13:30");
        assert_eq!(time_at(0.51), "13:45");
        assert_eq!(time_at(1.0), "20:45");
        assert_eq!(time_at(-3.0), "06:00");
    }

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

    #[test]
    fn the_board_opens_on_today_within_its_week_else_on_monday() {
        let monday = date("2026-11-23");
        assert_eq!(initial_day(monday, date("2026-11-26")), date("2026-11-26"));
        assert_eq!(initial_day(monday, date("2026-12-01")), monday);
        assert_eq!(day_tab_label(monday), "Po 23. 11.");
        assert_eq!(week_days(monday).len(), 7);
    }

    fn proposal() -> Proposal {
        let change = |id: &str, to: &str| ProposedChange {
            visit_id: id.into(),
            client_name: format!("Klient {id}"),
            from_caregiver_ids: vec!["jana".into()],
            to_caregiver_ids: vec![to.into()],
            from_starts_at: utc("2026-11-24T12:15:00Z"),
            to_starts_at: utc("2026-11-24T11:45:00Z"),
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
        let none = accept_request(&proposal(), &Default::default()).expect_err("none chosen");
        assert_eq!(none.field.as_deref(), Some("changes"));
    }

    #[test]
    fn a_history_line_says_when_who_what_and_why() {
        let event = VisitEvent {
            at: utc("2026-11-23T07:05:00Z"),
            user_id: "k".into(),
            display_name: "Petr Koordinátor".into(),
            kind: "moved".into(),
            detail: "…".into(),
            reason: Some("nemoc".into()),
        };
        let line = history_line(&event);
        assert!(
            line.ends_with("Petr Koordinátor: přesunuta na jiný čas (nemoc)"),
            "{line}"
        );
        assert!(line.starts_with(&short_date_time(event.at)));
    }

    #[test]
    fn a_change_summary_says_whether_conflicts_remain() {
        assert!(change_summary("Karel", &[]).contains("bez konfliktů"));
        assert!(change_summary("Karel", &["Souběh.".into()]).ends_with("konflikt: Souběh."));
    }
}
