//! The figures of a report as pure computations over rows the store reads. Counting rules:
//!
//! - **Direct care** is the time of accepted visit records (a coordinator's latest correction
//!   where there is one), per caregiver: a two-person visit counts both workers' time. The
//!   part of a record inside the period counts, so a visit across midnight at a month's end
//!   is split between the months, and a month with a clock change counts real elapsed time.
//! - **By task**: a record's time in each calendar month is shared equally by its recorded
//!   tasks (the catalogue's first tasks take the leftover seconds), so tasks add up to the
//!   total exactly, and a period's figures are its months' added up (`summary`).
//! - **Clients** are those with at least one counted record in the period, once each. A
//!   client is grouped by the care-allowance level in force on the Prague date of their
//!   last record in the period, and by age on the period's last day.
//! - **Visits** by their planned start in the period: scheduled, done (an accepted record),
//!   cancelled (and by which role), and still open. The store reads them counted: the
//!   visits of one client in one month that stand alike.
//! - **Travel** between two consecutive records of one caregiver on one Prague day at two
//!   addresses: the planner's coordinate model, at most the gap between the two visits.
//!   It counts in the period of the later visit's arrival, for the later visit's client.
//!   Working time = direct care + travel.
//! - **Staff**: active staff accounts now, FTE = contract minutes a week ÷ 2,400 (40 h).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::identity::Role;
use crate::planning::travel::{GeoPoint, GreatCircleModel, TravelTimes};
use crate::reports::period::{Bounds, Period};
use crate::schedule::VisitStatus;
use crate::time::prague_date;

/// Minutes of a full-time week (40 h), the FTE denominator.
pub const FULL_TIME_MINUTES_PER_WEEK: i64 = 40 * 60;

/// A care-allowance level (1–4) from a date on; `None` for no allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChange {
    pub from: NaiveDate,
    pub level: Option<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientFacts {
    pub id: String,
    pub provider_id: String,
    pub municipality_code: String,
    pub location: GeoPoint,
    pub birth_date: Option<NaiveDate>,
    pub free_of_charge: bool,
    /// In any order.
    pub levels: Vec<LevelChange>,
}

impl ClientFacts {
    /// The level in force on a date: the latest change on or before it.
    pub fn level_on(&self, date: NaiveDate) -> Option<u8> {
        self.levels
            .iter()
            .filter(|change| change.from <= date)
            .max_by_key(|change| change.from)
            .and_then(|change| change.level)
    }
}

/// Visits of one client that stand alike, all planned to start in one month.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitFacts {
    pub provider_id: String,
    pub client_id: String,
    /// The planned start of the first of them: it places all of them in their month.
    pub starts_at: DateTime<Utc>,
    pub status: VisitStatus,
    /// The role of whoever cancelled them, where they were cancelled.
    pub cancelled_by: Option<Role>,
    /// How many visits these are.
    pub visits: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordFacts {
    pub provider_id: String,
    pub client_id: String,
    pub caregiver_id: String,
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    /// Task codes of the record's current version.
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StaffFacts {
    pub provider_id: String,
    pub role: Role,
    pub contract_minutes_per_week: Option<i64>,
}

/// Seconds as hundredths of an hour, rounded half up.
pub fn hour_hundredths(seconds: i64) -> i64 {
    (seconds + 18).div_euclid(36)
}

/// `part / whole` in hundredths of a per cent (0 when the whole is 0).
pub fn percent_hundredths(part: i64, whole: i64) -> i64 {
    if whole == 0 {
        0
    } else {
        (part * 10_000 + whole / 2) / whole
    }
}

/// Direct care time in a period, in seconds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareTime {
    pub total: i64,
    /// By task code.
    pub by_task: BTreeMap<String, i64>,
}

impl CareTime {
    pub fn add(&mut self, other: &CareTime) {
        self.total += other.total;
        for (task, seconds) in &other.by_task {
            add_seconds(&mut self.by_task, task, *seconds);
        }
    }

    /// By basic activity a)–e), through the catalogue's `activity_of` task code.
    pub fn by_activity(&self, activity_of: impl Fn(&str) -> Option<char>) -> BTreeMap<char, i64> {
        let mut by_activity = BTreeMap::new();
        for (task, seconds) in &self.by_task {
            let activity = activity_of(task).unwrap_or('?');
            *by_activity.entry(activity).or_insert(0) += seconds;
        }
        by_activity
    }
}

/// Direct care of the records within the bounds; `task_order` lists the catalogue's codes
/// in order (the first tasks of a record take the leftover seconds).
pub fn direct_care<'a>(
    records: impl IntoIterator<Item = &'a RecordFacts>,
    bounds: Bounds,
    task_order: &[String],
) -> CareTime {
    let positions: BTreeMap<&str, usize> = task_order
        .iter()
        .enumerate()
        .map(|(index, code)| (code.as_str(), index))
        .collect();
    let position = |code: &str| positions.get(code).copied().unwrap_or(usize::MAX);
    let mut care = CareTime::default();
    let mut tasks: Vec<&String> = Vec::new();
    for record in records {
        let seconds = bounds.overlap_seconds(record.arrived_at, record.left_at);
        if seconds == 0 {
            continue;
        }
        care.total += seconds;
        tasks.clear();
        tasks.extend(&record.tasks);
        tasks.sort_by_key(|code| (position(code), code.as_str()));
        let Some(count) = i64::try_from(tasks.len()).ok().filter(|&n| n > 0) else {
            add_seconds(&mut care.by_task, "", seconds);
            continue;
        };
        let (share, leftover) = (seconds / count, seconds % count);
        for (index, code) in tasks.iter().enumerate() {
            let extra = i64::from(i64::try_from(index).unwrap_or(i64::MAX) < leftover);
            add_seconds(&mut care.by_task, code, share + extra);
        }
    }
    care
}

fn add_seconds(sums: &mut BTreeMap<String, i64>, key: &str, seconds: i64) {
    match sums.get_mut(key) {
        Some(sum) => *sum += seconds,
        None => {
            sums.insert(key.to_owned(), seconds);
        }
    }
}

/// Clients served in the period with the Prague date of their last record in it.
pub fn served_clients(records: &[RecordFacts], bounds: Bounds) -> BTreeMap<String, NaiveDate> {
    let mut served: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for record in records {
        if bounds.overlap_seconds(record.arrived_at, record.left_at) == 0 {
            continue;
        }
        let last_moment = record.left_at.min(bounds.to) - chrono::Duration::seconds(1);
        let date = prague_date(last_moment.max(record.arrived_at));
        match served.get_mut(&record.client_id) {
            Some(last) => *last = (*last).max(date),
            None => {
                served.insert(record.client_id.clone(), date);
            }
        }
    }
    served
}

/// Age bands the subsidy forms ask for, by age on the period's last day.
pub const AGE_BANDS: [&str; 5] = [
    "do 64 let",
    "65–74 let",
    "75–84 let",
    "85 a více let",
    "neuvedeno",
];
/// Care-allowance groups: none, then I–IV.
pub const LEVELS: [&str; 5] = ["bez příspěvku", "I", "II", "III", "IV"];

fn age_band(birth: Option<NaiveDate>, on: NaiveDate) -> usize {
    let Some(birth) = birth else { return 4 };
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    match age {
        ..=64 => 0,
        65..=74 => 1,
        75..=84 => 2,
        _ => 3,
    }
}

/// The served clients counted by level, age band, municipality and free of charge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientCounts {
    pub total: u64,
    pub free_of_charge: u64,
    /// Indexed as `LEVELS`.
    pub by_level: [u64; 5],
    /// Indexed as `AGE_BANDS`.
    pub by_age_band: [u64; 5],
    pub by_municipality: BTreeMap<String, u64>,
}

impl ClientCounts {
    pub fn add(&mut self, other: &ClientCounts) {
        self.total += other.total;
        self.free_of_charge += other.free_of_charge;
        for (sum, part) in self.by_level.iter_mut().zip(other.by_level) {
            *sum += part;
        }
        for (sum, part) in self.by_age_band.iter_mut().zip(other.by_age_band) {
            *sum += part;
        }
        for (code, count) in &other.by_municipality {
            *self.by_municipality.entry(code.clone()).or_insert(0) += count;
        }
    }
}

pub fn client_counts(
    served: &BTreeMap<String, NaiveDate>,
    clients: &BTreeMap<String, ClientFacts>,
    period: Period,
) -> ClientCounts {
    let mut counts = ClientCounts::default();
    for (id, last_date) in served {
        let Some(client) = clients.get(id) else {
            continue;
        };
        counts.total += 1;
        counts.free_of_charge += u64::from(client.free_of_charge);
        let level = client.level_on(*last_date).map_or(0, usize::from).min(4);
        counts.by_level[level] += 1;
        counts.by_age_band[age_band(client.birth_date, period.last_day())] += 1;
        *counts
            .by_municipality
            .entry(client.municipality_code.clone())
            .or_insert(0) += 1;
    }
    counts
}

/// Visits planned to start in the period, by how they stand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitCounts {
    pub scheduled: u64,
    pub done: u64,
    pub cancelled: u64,
    pub open: u64,
    pub cancelled_by: BTreeMap<Role, u64>,
}

impl VisitCounts {
    pub fn add(&mut self, other: &VisitCounts) {
        self.scheduled += other.scheduled;
        self.done += other.done;
        self.cancelled += other.cancelled;
        self.open += other.open;
        for (role, count) in &other.cancelled_by {
            *self.cancelled_by.entry(*role).or_insert(0) += count;
        }
    }
}

pub fn visit_counts<'a>(
    visits: impl IntoIterator<Item = &'a VisitFacts>,
    bounds: Bounds,
) -> VisitCounts {
    let mut counts = VisitCounts::default();
    for visit in visits
        .into_iter()
        .filter(|visit| bounds.contains(visit.starts_at))
    {
        counts.scheduled += visit.visits;
        match visit.status {
            VisitStatus::Done => counts.done += visit.visits,
            VisitStatus::Planned => counts.open += visit.visits,
            VisitStatus::Cancelled => {
                counts.cancelled += visit.visits;
                if let Some(role) = visit.cancelled_by {
                    *counts.cancelled_by.entry(role).or_insert(0) += visit.visits;
                }
            }
        }
    }
    counts
}

/// Travel seconds between consecutive records of each caregiver's Prague days, by the
/// client travelled to.
pub fn travel_by_client(
    records: &[RecordFacts],
    clients: &BTreeMap<String, ClientFacts>,
    bounds: Bounds,
) -> BTreeMap<String, i64> {
    let model = GreatCircleModel::default();
    let mut days: BTreeMap<(&str, NaiveDate), Vec<&RecordFacts>> = BTreeMap::new();
    for record in records {
        days.entry((&record.caregiver_id, prague_date(record.arrived_at)))
            .or_default()
            .push(record);
    }
    let mut by_client: BTreeMap<String, i64> = BTreeMap::new();
    for day in days.values_mut() {
        // In an order of their own, whatever order the store read them in.
        day.sort_by(|a, b| {
            (a.arrived_at, a.left_at, &a.client_id).cmp(&(b.arrived_at, b.left_at, &b.client_id))
        });
        for pair in day.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            if !bounds.contains(after.arrived_at) || before.client_id == after.client_id {
                continue;
            }
            let (Some(from), Some(to)) = (
                clients.get(&before.client_id),
                clients.get(&after.client_id),
            ) else {
                continue;
            };
            let estimate = model.travel_time(from.location, to.location).num_seconds();
            let gap = (after.arrived_at - before.left_at).num_seconds().max(0);
            add_seconds(&mut by_client, &after.client_id, estimate.min(gap));
        }
    }
    by_client
}

/// Headcount and FTE (hundredths) of one job category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StaffCount {
    pub headcount: u64,
    pub fte_hundredths: i64,
    /// Staff without contract hours on record (counted with FTE 0).
    pub without_contract: u64,
}

/// A week's contract minutes as hundredths of a full-time contract, rounded half up.
pub fn fte_hundredths(minutes_per_week: i64) -> i64 {
    (minutes_per_week * 100 + FULL_TIME_MINUTES_PER_WEEK / 2) / FULL_TIME_MINUTES_PER_WEEK
}

pub fn staff_counts(staff: &[StaffFacts]) -> BTreeMap<Role, StaffCount> {
    let mut counts: BTreeMap<Role, StaffCount> = BTreeMap::new();
    for member in staff {
        let count = counts.entry(member.role).or_default();
        count.headcount += 1;
        match member.contract_minutes_per_week {
            Some(minutes) => count.fte_hundredths += fte_hundredths(minutes),
            None => count.without_contract += 1,
        }
    }
    counts
}

/// The FTE of every job category together, in hundredths.
pub fn total_fte(staff: &[StaffFacts]) -> i64 {
    staff_counts(staff).values().map(|c| c.fte_hundredths).sum()
}

/// The municipalities with at least one served client.
pub fn covered_municipalities(counts: &ClientCounts) -> BTreeSet<String> {
    counts
        .by_municipality
        .iter()
        .filter(|(_, count)| **count > 0)
        .map(|(code, _)| code.clone())
        .collect()
}

#[cfg(test)]
mod tests;
