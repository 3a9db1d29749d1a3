//! The planner's week board as plain data: rows per caregiver for one day, visits placed on
//! a timeline, conflicts attached to their visits, filters. Pure, tested natively.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use shared::family::live::{OnPhone, RouteState, VisitFacts, route_state};
use shared::planning::conflicts::{ConflictKind, HomeWay};
use shared::schedule::{BoardVisit, VisitStatus, WeekBoard};
use shared::time::{czech_weekday_capitalized, prague_date, to_prague};

use crate::ui::format::{minutes_label, time_range};

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

/// Where a visit on the board stands at the board's clock, said by a word and a mark as well
/// as by colour. The office learns of an arrival only with the caregiver's record, so a
/// planned visit is "in progress" by the clock between its start and end, until it is late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardState {
    Planned,
    InProgress,
    /// Nothing recorded past the agreed time; the planned end is still ahead.
    NotStarted,
    /// The planned end has passed and nothing is recorded.
    Missed,
    Done,
    Cancelled,
}

impl BoardState {
    /// The state of `visit` at `now`, by the rule the caregiver's phone uses.
    pub fn of(visit: &BoardVisit, now: DateTime<Utc>) -> Self {
        let facts = VisitFacts::of_board(visit);
        match route_state(&facts, visit.ends_at, OnPhone::Nothing, now) {
            RouteState::Planned if (visit.starts_at..visit.ends_at).contains(&now) => {
                BoardState::InProgress
            }
            RouteState::Planned => BoardState::Planned,
            RouteState::InProgress { .. } => BoardState::InProgress,
            RouteState::Late { .. } => BoardState::NotStarted,
            RouteState::Missed => BoardState::Missed,
            RouteState::Done { .. } => BoardState::Done,
            RouteState::Cancelled => BoardState::Cancelled,
        }
    }

    /// The word on the block; a visit still ahead needs none.
    pub fn word(self) -> Option<&'static str> {
        match self {
            BoardState::Planned => None,
            BoardState::InProgress => Some("probíhá"),
            BoardState::NotStarted => Some("nezahájeno"),
            BoardState::Missed => Some("zmeškáno"),
            BoardState::Done => Some("hotovo"),
            BoardState::Cancelled => Some("zrušeno"),
        }
    }

    /// The block's `data-state`, which the style sheet gives a mark and a pattern.
    pub fn name(self) -> &'static str {
        match self {
            BoardState::Planned => "planned",
            BoardState::InProgress => "in-progress",
            BoardState::NotStarted => "not-started",
            BoardState::Missed => "missed",
            BoardState::Done => "done",
            BoardState::Cancelled => "cancelled",
        }
    }
}

/// Where a drive drawn on the board goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drive {
    /// Between two consecutive visits.
    Between,
    /// From home to the day's first visit.
    FromHome,
    /// From the day's last visit home.
    Home,
}

/// A caregiver's drive as a block on the timeline: between two consecutive visits, before
/// the day's first visit from home, after the last one home.
#[derive(Debug, Clone, PartialEq)]
pub struct TravelGap {
    /// Position on the timeline, in per cent of the day's width.
    pub left: f64,
    pub width: f64,
    pub minutes: i64,
    /// How many minutes the plan leaves too few for the drive, when it does.
    pub short_by: Option<i64>,
    pub drive: Drive,
}

impl TravelGap {
    /// "cesta 12 min", or "cesta 31 min, chybí 16 min" when the gap is too short;
    /// "z domova 25 min" and "domů 25 min" at the ends of the day.
    pub fn label(&self) -> String {
        let minutes = minutes_label(self.minutes);
        match (self.drive, self.short_by) {
            (Drive::FromHome, _) => format!("z domova {minutes}"),
            (Drive::Home, _) => format!("domů {minutes}"),
            (Drive::Between, Some(missing)) => {
                format!("cesta {minutes}, chybí {}", minutes_label(missing))
            }
            (Drive::Between, None) => format!("cesta {minutes}"),
        }
    }
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
    pub state: BoardState,
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

    /// How the block says, in words and not by colour alone, where the visit stands.
    pub fn state_word(&self) -> Option<&'static str> {
        self.state.word()
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
    /// The caregiver's drives: from home, between the day's visits, home.
    pub travel: Vec<TravelGap>,
}

/// The seven days of the board's week.
pub fn week_days(monday: NaiveDate) -> Vec<NaiveDate> {
    (0..7)
        .map(|offset| monday + Duration::days(offset))
        .collect()
}

/// "Po 23. 11."
pub fn day_tab_label(date: NaiveDate) -> String {
    let weekday: String = czech_weekday_capitalized(date.weekday())
        .chars()
        .take(2)
        .collect();
    format!("{weekday} {}. {}.", date.day(), date.month())
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

fn minutes_of_day(instant: DateTime<Utc>) -> f64 {
    let local = to_prague(instant);
    f64::from(local.hour() * 60 + local.minute())
}

/// How long the day's timeline is, in minutes.
fn day_span() -> f64 {
    f64::from((DAY_ENDS_HOUR - DAY_STARTS_HOUR) * 60)
}

/// Minutes from the timeline's start to `instant`'s wall time, kept on the timeline.
fn on_timeline(instant: DateTime<Utc>) -> f64 {
    (minutes_of_day(instant) - f64::from(DAY_STARTS_HOUR * 60)).clamp(0.0, day_span())
}

/// Where the "now" line stands on `day`'s timeline, in per cent of its width: only on
/// today, and only while the clock is within the timeline's hours.
pub fn now_position(day: NaiveDate, now: DateTime<Utc>) -> Option<f64> {
    let minutes = minutes_of_day(now) - f64::from(DAY_STARTS_HOUR * 60);
    (prague_date(now) == day && (0.0..=day_span()).contains(&minutes))
        .then(|| minutes / day_span() * 100.0)
}

fn block(visit: &BoardVisit, board: &WeekBoard, now: DateTime<Utc>) -> Block {
    let span = day_span();
    let start = on_timeline(visit.starts_at);
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
        state: BoardState::of(visit, now),
        conflicts,
    }
}

/// The drives of `caregiver_id` between consecutive visits among `of_day`, each between
/// the end of one and the start of the next, too short when the conflict check says so;
/// then her drives from and to home.
fn travel_gaps(board: &WeekBoard, of_day: &[&BoardVisit], caregiver_id: &str) -> Vec<TravelGap> {
    let find = |id: &str| of_day.iter().find(|visit| visit.id == id);
    board
        .travel
        .iter()
        .filter(|leg| leg.caregiver_id == caregiver_id)
        .filter_map(|leg| {
            let (from, to) = (find(&leg.from_visit_id)?, find(&leg.to_visit_id)?);
            let short_by = board
                .conflicts
                .iter()
                .find_map(|conflict| match &conflict.kind {
                    ConflictKind::TravelInfeasible {
                        from_visit_id,
                        needed_minutes,
                        available_minutes,
                    } if conflict.visit_id == to.id
                        && from_visit_id == &from.id
                        && conflict.caregiver_id.as_deref() == Some(caregiver_id) =>
                    {
                        Some(needed_minutes - available_minutes)
                    }
                    _ => None,
                });
            let (left, right) = (on_timeline(from.ends_at), on_timeline(to.starts_at));
            (right >= left && (leg.minutes > 0 || short_by.is_some())).then(|| TravelGap {
                left: left / day_span() * 100.0,
                width: ((right - left) / day_span() * 100.0).max(0.5),
                minutes: leg.minutes,
                short_by,
                drive: Drive::Between,
            })
        })
        .chain(home_gaps(board, of_day, caregiver_id))
        .collect()
}

/// The drives of `caregiver_id` from home to her first visit among `of_day`, ending at its
/// start, and from her last one home, starting at its end; as long as the drive takes.
fn home_gaps<'a>(
    board: &'a WeekBoard,
    of_day: &'a [&BoardVisit],
    caregiver_id: &'a str,
) -> impl Iterator<Item = TravelGap> + 'a {
    board
        .home_drives
        .iter()
        .filter(move |drive| drive.caregiver_id == caregiver_id && drive.minutes > 0)
        .filter_map(move |drive| {
            let visit = of_day.iter().find(|visit| visit.id == drive.visit_id)?;
            let minutes = drive.minutes as f64;
            let (left, right, kind) = match drive.way {
                HomeWay::Out => {
                    let right = on_timeline(visit.starts_at);
                    ((right - minutes).max(0.0), right, Drive::FromHome)
                }
                HomeWay::Back => {
                    let left = on_timeline(visit.ends_at);
                    (left, (left + minutes).min(day_span()), Drive::Home)
                }
            };
            (right > left).then(|| TravelGap {
                left: left / day_span() * 100.0,
                width: (right - left) / day_span() * 100.0,
                minutes: drive.minutes,
                short_by: None,
                drive: kind,
            })
        })
}

/// The rows of one day: the unassigned visits first (when there are any), then every
/// caregiver by name; filters applied.
pub fn board_rows(
    board: &WeekBoard,
    day: NaiveDate,
    filter: &BoardFilter,
    now: DateTime<Utc>,
) -> Vec<BoardRow> {
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
            .map(|visit| block(visit, board, now))
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
            travel: Vec::new(),
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
            travel: travel_gaps(board, &of_day, &caregiver.id),
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
    let raw = fraction.clamp(0.0, 1.0) * day_span();
    let snapped = (raw / f64::from(SNAP_MINUTES)).round() as u32 * SNAP_MINUTES;
    let minutes = (DAY_STARTS_HOUR * 60 + snapped).min(DAY_ENDS_HOUR * 60 - SNAP_MINUTES);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests;
