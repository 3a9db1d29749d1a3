//! A provider's day or week as an optimiser problem (the mapping the module's docs
//! describe): shifts with breaks and absences, visits with their windows, current places,
//! skills and preferences, and the contract targets.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use optimiser::{
    Absence as OptimiserAbsence, Break, ClientId, CurrentAssignment, PersonId, Problem, Shift,
    SkillSet, TravelMatrix, Visit, VisitId, Weights, Window, up_to_grid,
};

use super::{
    BREAK_MINUTES, FREE_WINDOW_MINUTES, Inputs, MAX_SKILLS, MINUTES_PER_DAY, Mapped, MappingError,
    SHIFT_NEEDING_BREAK_MINUTES, TIME_GRID_MINUTES, minutes_since,
};
use crate::planning::conflicts::PlannedVisit;
use crate::planning::travel::{GeoPoint, GreatCircleModel, TravelTimes};
use crate::schedule::{BoardVisit, VisitStatus};
use crate::time::prague_date;

fn skill_set(catalogue: &[String], skills: impl IntoIterator<Item = impl AsRef<str>>) -> SkillSet {
    let indices: Vec<u8> = skills
        .into_iter()
        .filter_map(|skill| catalogue.iter().position(|known| known == skill.as_ref()))
        .filter_map(|index| u8::try_from(index).ok())
        .collect();
    SkillSet::of(&indices)
}

fn as_id(index: usize) -> u64 {
    u64::try_from(index).unwrap_or(u64::MAX)
}

/// The optimiser's people among `ids`; a caregiver no longer active is nobody.
fn people<'a>(person_ids: &[String], ids: impl IntoIterator<Item = &'a String>) -> Vec<PersonId> {
    ids.into_iter()
        .filter_map(|id| person_ids.iter().position(|known| known == id))
        .map(|index| PersonId(as_id(index)))
        .collect()
}

/// Where a visit without an agreed window may start: its time ± 30 minutes. Accepting a
/// proposal that moves such a visit keeps this window as agreed (`changes::accept`), so
/// repeated proposals never walk a visit away from the time the client knows.
pub fn free_window(starts_at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let slack = Duration::minutes(FREE_WINDOW_MINUTES);
    (starts_at - slack, starts_at + slack)
}

/// The agreed window of a visit, or its free window, from the next 5-minute mark after
/// now where it is open then: a proposal never starts a visit in the past.
fn window_of(inputs: &Inputs<'_>, board: &BoardVisit) -> Window {
    let (opens, closes) = board.window.unwrap_or_else(|| free_window(board.starts_at));
    let (open, close) = (
        minutes_since(inputs.monday, opens),
        minutes_since(inputs.monday, closes),
    );
    let now = minutes_since(inputs.monday, inputs.now);
    let next_mark = up_to_grid(now, TIME_GRID_MINUTES);
    Window {
        open: if next_mark <= close {
            open.max(next_mark)
        } else {
            open
        },
        close,
    }
}

/// Where a visit is in the current plan: its caregivers (all of them still active) and its
/// start; a visit with nobody, or with someone no longer active, has no place to keep.
fn current_place(
    inputs: &Inputs<'_>,
    person_ids: &[String],
    board: &BoardVisit,
    planned: &PlannedVisit,
) -> Option<CurrentAssignment> {
    let persons = people(person_ids, &planned.caregiver_ids);
    (!persons.is_empty() && persons.len() == planned.caregiver_ids.len()).then(|| {
        CurrentAssignment {
            persons,
            start: minutes_since(inputs.monday, board.starts_at),
        }
    })
}

/// Each caregiver's working-time target for the period: the weekly contract's share of the
/// period's shift days among the week's (a caregiver without a contract has no target).
fn contract_targets(inputs: &Inputs<'_>, person_ids: &[String]) -> BTreeMap<PersonId, i64> {
    person_ids
        .iter()
        .enumerate()
        .filter_map(|(index, id)| {
            let weekly = *inputs.contracts.get(id)?;
            let facts = inputs.caregivers.get(id)?;
            let works = |day: &NaiveDate| facts.shifts.iter().any(|s| s.weekday == day.weekday());
            let week_days = (0..7)
                .filter(|d| works(&(inputs.monday + Duration::days(*d))))
                .count();
            let period_days = inputs.days.iter().filter(|d| works(d)).count();
            let share = i64::try_from(period_days).ok()? * weekly;
            let target = share.checked_div(i64::try_from(week_days).ok()?)?;
            Some((PersonId(as_id(index)), target))
        })
        .collect()
}

/// The week's planned visits on the period's days, and every active caregiver's shifts of
/// those days, as the optimiser's problem.
pub fn map_problem(inputs: &Inputs<'_>) -> Result<Mapped, MappingError> {
    let person_ids: Vec<String> = inputs.active.iter().cloned().collect();
    let catalogue: Vec<String> = inputs
        .caregivers
        .values()
        .flat_map(|c| c.skills.iter().cloned())
        .chain(
            inputs
                .visits
                .iter()
                .flat_map(|(_, v)| v.required_skills.iter().cloned()),
        )
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if catalogue.len() > MAX_SKILLS {
        return Err(MappingError::TooManySkills);
    }
    let client_ids: Vec<&str> = inputs.clients.keys().map(String::as_str).collect();
    let mut locations: Vec<GeoPoint> = Vec::new();
    let mut locate = |point: GeoPoint| {
        locations.push(point);
        locations.len() - 1
    };
    let mut visits = Vec::new();
    let mut visit_index = Vec::new();
    // A visit under way (or over) stays as it is, outside the problem: its caregivers go on
    // from its door when it ends, sick call or not.
    let mut busy_until: BTreeMap<(&String, NaiveDate), (i64, usize)> = BTreeMap::new();
    for (index, (board, planned)) in inputs.visits.iter().enumerate() {
        if board.status != VisitStatus::Planned
            || !inputs.days.contains(&prague_date(board.starts_at))
        {
            continue;
        }
        if board.starts_at <= inputs.now {
            let end = minutes_since(inputs.monday, board.ends_at);
            let location = locate(planned.location);
            for caregiver in &planned.caregiver_ids {
                let busy = busy_until
                    .entry((caregiver, prague_date(board.starts_at)))
                    .or_insert((end, location));
                if end > busy.0 {
                    *busy = (end, location);
                }
            }
            continue;
        }
        let client = inputs.clients.get(&board.client_id);
        visits.push(Visit {
            id: VisitId(as_id(visit_index.len())),
            client: ClientId(as_id(
                client_ids
                    .iter()
                    .position(|id| *id == board.client_id)
                    .unwrap_or(client_ids.len()),
            )),
            location: locate(planned.location),
            window: window_of(inputs, board),
            duration: (board.ends_at - board.starts_at).num_minutes(),
            demand: 0,
            required_skills: skill_set(&catalogue, &planned.required_skills),
            caregivers_needed: planned.caregivers_needed.clamp(1, 2),
            pinned: Vec::new(),
            refused: client
                .map(|c| people(&person_ids, &c.refused_caregivers))
                .unwrap_or_default(),
            // Whoever has the visit now is preferred, and where it is now is its current
            // place: moving it to someone else costs a disruption, moving its time a
            // retime, so a proposal changes the plan only for a measured gain.
            preferred: people(&person_ids, &planned.caregiver_ids),
            current: current_place(inputs, &person_ids, board, planned),
        });
        visit_index.push(index);
    }
    let mut shifts = Vec::new();
    for (person_index, id) in person_ids.iter().enumerate() {
        let Some(facts) = inputs.caregivers.get(id) else {
            continue;
        };
        let home = locate(inputs.home_bases.get(id).copied().unwrap_or(inputs.depot));
        for day in inputs.days {
            let base = (*day - inputs.monday).num_days() * MINUTES_PER_DAY;
            let minute = |time: NaiveTime| base + i64::from(time.hour() * 60 + time.minute());
            let busy = busy_until.get(&(id, *day)).copied();
            // From when on this day the caregiver is away, the earliest absence first.
            let away_from = facts
                .absences
                .iter()
                .filter_map(|a| a.away_from(*day))
                .min()
                .map(minute);
            for shift in facts.shifts.iter().filter(|s| s.weekday == day.weekday()) {
                let (planned_start, end) = (minute(shift.start), minute(shift.end));
                let (start, start_location) = match busy {
                    Some((until, at)) if until > planned_start => (until.min(end), at),
                    _ => (planned_start, home),
                };
                let absent = start >= end || away_from.is_some_and(|from| from <= start);
                // A sick call during the shift takes the rest of it.
                let absences = away_from
                    .filter(|from| (start + 1..end).contains(from))
                    .map(|from| OptimiserAbsence {
                        start: from,
                        duration: end - from,
                    })
                    .into_iter()
                    .collect();
                // The break falls between the 3rd and 6th hour of the shift as planned; one
                // already worked past stays out.
                let break_ = (end - planned_start > SHIFT_NEEDING_BREAK_MINUTES)
                    .then(|| Break {
                        earliest: (planned_start + 3 * 60).max(start),
                        latest: planned_start + 6 * 60,
                        duration: BREAK_MINUTES,
                    })
                    .filter(|b| b.earliest <= b.latest);
                shifts.push(Shift {
                    person: PersonId(as_id(person_index)),
                    start_location,
                    end_location: home,
                    start,
                    regular_end: end,
                    latest_end: end,
                    skills: skill_set(&catalogue, &facts.skills),
                    capacity: 0,
                    break_,
                    absences,
                    absent,
                });
            }
        }
    }
    let travel_model = GreatCircleModel::default();
    let size = locations.len();
    let mut times = Vec::with_capacity(size * size);
    for from in &locations {
        for to in &locations {
            times.push(travel_model.travel_time(*from, *to).num_minutes());
        }
    }
    let model = |error: optimiser::ProblemError| MappingError::Model(error.to_string());
    let travel = TravelMatrix::new(size, times).map_err(model)?;
    let problem = Problem::new(travel, visits, shifts, Weights::HOME_CARE)
        .map_err(model)?
        .with_time_grid(TIME_GRID_MINUTES)
        .with_contract_minutes(contract_targets(inputs, &person_ids));
    Ok(Mapped {
        problem,
        visit_index,
        person_ids,
    })
}
