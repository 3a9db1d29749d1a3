//! The planner's week board as plain data: rows per caregiver for one day, visits placed on
//! a timeline, conflicts attached to their visits, filters. Pure, tested natively.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use shared::schedule::{BoardVisit, VisitStatus, WeekBoard};
use shared::time::{czech_weekday, prague_date, to_prague};

use crate::ui::format::{capitalized, time_range};

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
    /// Which of the row's lanes the block sits in: overlapping visits go one under another.
    pub lane: usize,
    pub status: VisitStatus,
    /// Czech reasons this visit is in conflict; empty when it is fine.
    pub conflicts: Vec<String>,
}

impl Block {
    /// What a screen reader says for the block's button.
    pub fn label(&self) -> String {
        let mut label = format!("{}, {}, {}", self.client_name, self.time, self.municipality);
        if let Some(state) = self.state_word() {
            label.push_str(", ");
            label.push_str(state);
        }
        if !self.conflicts.is_empty() {
            label.push_str(", konflikt: ");
            label.push_str(&self.conflicts.join(" "));
        }
        label
    }

    /// How the block says, in words and not by colour alone, that it is no longer planned.
    pub fn state_word(&self) -> Option<&'static str> {
        match self.status {
            VisitStatus::Planned => None,
            VisitStatus::Done => Some("hotovo"),
            VisitStatus::Cancelled => Some("zrušeno"),
        }
    }

    /// Only a planned visit is re-planned: a done one is corrected through its record.
    pub fn movable(&self) -> bool {
        self.status == VisitStatus::Planned
    }
}

/// Puts each block, in time order, into the first lane free when it starts; answers how
/// many lanes the row needs (at least one).
fn into_lanes(blocks: &mut [Block]) -> usize {
    blocks.sort_by(|a, b| a.left.total_cmp(&b.left));
    let mut lane_ends: Vec<f64> = Vec::new();
    for block in blocks.iter_mut() {
        let lane = lane_ends
            .iter()
            .position(|end| *end <= block.left + 1e-9)
            .unwrap_or(lane_ends.len());
        if lane == lane_ends.len() {
            lane_ends.push(0.0);
        }
        lane_ends[lane] = block.left + block.width;
        block.lane = lane;
    }
    lane_ends.len().max(1)
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
    /// How many lanes the row's overlapping visits need.
    pub lanes: usize,
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
        lane: 0,
        status: visit.status,
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
    let blocks_where = |keep: &dyn Fn(&BoardVisit) -> bool| -> (Vec<Block>, usize) {
        let mut blocks: Vec<Block> = of_day
            .iter()
            .filter(|visit| keep(visit))
            .map(|visit| block(visit, board))
            .collect();
        let lanes = into_lanes(&mut blocks);
        (blocks, lanes)
    };
    let mut rows = Vec::new();
    let (unassigned, lanes) = blocks_where(&|visit| {
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
            lanes,
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
        let (blocks, lanes) = blocks_where(&|visit| visit.caregiver_ids.contains(&caregiver.id));
        rows.push(BoardRow {
            caregiver_id: Some(caregiver.id.clone()),
            name: caregiver.name.clone(),
            load,
            over_contract: caregiver
                .contract_minutes
                .is_some_and(|contract| caregiver.planned_minutes > contract),
            blocks,
            lanes,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::fixtures::*;

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

    fn block_at(id: &str, left: f64, width: f64) -> Block {
        Block {
            visit_id: id.into(),
            client_name: "Marie Ukázková".into(),
            municipality: "Děčín".into(),
            time: "8:00–9:00".into(),
            left,
            width,
            lane: 0,
            status: VisitStatus::Planned,
            conflicts: vec![],
        }
    }

    #[test]
    fn overlapping_visits_go_into_lanes_and_a_free_lane_is_reused() {
        let mut blocks = vec![
            block_at("late", 50.0, 10.0),
            block_at("first", 10.0, 20.0),
            block_at("overlap", 20.0, 20.0),
            block_at("after", 30.0, 5.0),
        ];
        assert_eq!(into_lanes(&mut blocks), 2);
        let lanes: Vec<(&str, usize)> = blocks
            .iter()
            .map(|b| (b.visit_id.as_str(), b.lane))
            .collect();
        assert_eq!(
            lanes,
            [("first", 0), ("overlap", 1), ("after", 0), ("late", 0)]
        );
        assert_eq!(into_lanes(&mut []), 1, "an empty row keeps its height");
    }

    #[test]
    fn a_done_visit_says_so_in_words_and_is_not_movable() {
        let done = Block {
            status: VisitStatus::Done,
            ..block_at("done", 10.0, 5.0)
        };
        assert!(done.label().ends_with(", hotovo"), "{}", done.label());
        assert!(!done.movable());
        assert!(block_at("planned", 10.0, 5.0).movable());
        assert_eq!(block_at("planned", 10.0, 5.0).state_word(), None);
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
    fn the_board_opens_on_today_within_its_week_else_on_monday() {
        let monday = date("2026-11-23");
        assert_eq!(initial_day(monday, date("2026-11-26")), date("2026-11-26"));
        assert_eq!(initial_day(monday, date("2026-12-01")), monday);
        assert_eq!(day_tab_label(monday), "Po 23. 11.");
        assert_eq!(week_days(monday).len(), 7);
    }
}
