//! The optimiser in the week board: the provider's day or week becomes an optimiser
//! problem, its plan becomes a proposal the planner compares with the current plan and
//! accepts in whole or in part. The system suggests; the planner decides.
//!
//! Mapping (see the optimiser's crate docs):
//! - time is minutes of Prague wall time since the week's Monday 00:00;
//! - a caregiver's shift on each day of the period is a [`Shift`] from and back to the
//!   caregiver's home base (or the provider's municipality when none is recorded), with a
//!   30-minute break between the 3rd and 6th hour of a shift longer than six hours
//!   (Labour Code §88); a day of absence makes the shift absent;
//! - a visit keeps its agreed window (from its template), or may start up to 30 minutes
//!   either side of its planned time when it has none; visits already started or done are
//!   pinned to their caregivers and time;
//! - the visit's current caregivers are its preferred ones, so a proposal keeps who comes
//!   unless changing it pays (the optimiser's preference weight);
//! - travel times come from the same [`GreatCircleModel`] the conflict check uses, so the
//!   proposal and the board agree.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use optimiser::{
    Activity, Break, Budget, ClientId, PersonId, Problem, Settings, Shift, SkillSet, TravelMatrix,
    Visit, VisitId, Weights, Window,
};
use platform::audit::Action;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::error::FieldError;
use shared::planning::conflicts::{
    CaregiverFacts, ClientFacts, PlanFacts, PlannedVisit, detect_conflicts,
};
use shared::planning::input::check_reason;
use shared::planning::travel::{GeoPoint, GreatCircleModel, TravelTimes};
use shared::schedule::{
    AcceptProposal, AcceptedProposal, BoardVisit, OptimiseRequest, PlanScore, Proposal,
    ProposedChange, UnplannedVisit, VisitChange, VisitStatus,
};
use shared::time::{from_prague_for_planning, prague_date, to_prague};

use crate::week::{self, Week};

const MINUTES_PER_DAY: i64 = 24 * 60;
/// A visit without an agreed window may move this much either way.
const FREE_WINDOW_MINUTES: i64 = 30;
const SHIFT_NEEDING_BREAK_MINUTES: i64 = 6 * 60;
const BREAK_MINUTES: i64 = 30;

/// Minutes of Prague wall time since `monday` 00:00.
fn minutes_since(monday: NaiveDate, instant: DateTime<Utc>) -> i64 {
    let local = to_prague(instant);
    (local.date() - monday).num_days() * MINUTES_PER_DAY
        + i64::from(local.hour() * 60 + local.minute())
}

/// The instant of a wall-time minute of the week (a spring-gap time moves an hour on).
fn instant_at(monday: NaiveDate, minutes: i64) -> DateTime<Utc> {
    let date = monday + Duration::days(minutes.div_euclid(MINUTES_PER_DAY));
    let of_day = u32::try_from(minutes.rem_euclid(MINUTES_PER_DAY)).unwrap_or_default();
    let time = NaiveTime::from_hms_opt(of_day / 60, of_day % 60, 0).unwrap_or_default();
    from_prague_for_planning(date.and_time(time)).0
}

/// Everything the mapping reads, loaded once.
pub struct Inputs<'a> {
    pub monday: NaiveDate,
    pub days: Vec<NaiveDate>,
    pub now: DateTime<Utc>,
    pub visits: &'a [(BoardVisit, PlannedVisit)],
    pub caregivers: &'a BTreeMap<String, CaregiverFacts>,
    pub clients: &'a BTreeMap<String, ClientFacts>,
    pub active: &'a BTreeSet<String>,
    pub home_bases: &'a BTreeMap<String, GeoPoint>,
    pub depot: GeoPoint,
}

/// The optimiser's problem, with the ids to read its plan back.
pub struct Mapped {
    pub problem: Problem,
    /// `VisitId(i)` is `visit_ids[i]`, an index into [`Inputs::visits`].
    visit_index: Vec<usize>,
    /// `PersonId(i)` is `person_ids[i]`.
    person_ids: Vec<String>,
}

fn skill_set(catalogue: &[String], skills: impl IntoIterator<Item = impl AsRef<str>>) -> SkillSet {
    let indices: Vec<u8> = skills
        .into_iter()
        .filter_map(|skill| catalogue.iter().position(|known| known == skill.as_ref()))
        .filter_map(|index| u8::try_from(index).ok())
        .collect();
    SkillSet::of(&indices)
}

pub fn map_problem(inputs: &Inputs<'_>) -> Result<Mapped, ApiError> {
    let travel_model = GreatCircleModel::default();
    let person_ids: Vec<String> = inputs.active.iter().cloned().collect();
    let person = |id: &str| {
        person_ids
            .iter()
            .position(|known| known == id)
            .map(|index| PersonId(index as u64))
    };
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
    if catalogue.len() > 64 {
        return Err(
            FieldError::new("day", "Optimalizace zvládne nejvýše 64 různých dovedností.").into(),
        );
    }
    let client_ids: Vec<&str> = inputs.clients.keys().map(String::as_str).collect();
    let mut locations: Vec<GeoPoint> = Vec::new();
    let mut locate = |point: GeoPoint| {
        locations.push(point);
        locations.len() - 1
    };
    let mut visits = Vec::new();
    let mut visit_index = Vec::new();
    for (index, (board, planned)) in inputs.visits.iter().enumerate() {
        let day = prague_date(board.starts_at);
        if board.status != VisitStatus::Planned || !inputs.days.contains(&day) {
            continue;
        }
        let start = minutes_since(inputs.monday, board.starts_at);
        let started = board.starts_at <= inputs.now;
        if started && planned.caregiver_ids.is_empty() {
            continue;
        }
        let window = match (started, board.window) {
            (true, _) => Window {
                open: start,
                close: start,
            },
            (false, Some((opens, closes))) => Window {
                open: minutes_since(inputs.monday, opens),
                close: minutes_since(inputs.monday, closes),
            },
            (false, None) => Window {
                open: start - FREE_WINDOW_MINUTES,
                close: start + FREE_WINDOW_MINUTES,
            },
        };
        let client = inputs.clients.get(&board.client_id);
        visits.push(Visit {
            id: VisitId(visit_index.len() as u64),
            client: ClientId(
                client_ids
                    .iter()
                    .position(|id| *id == board.client_id)
                    .unwrap_or(client_ids.len()) as u64,
            ),
            location: locate(planned.location),
            window,
            duration: (board.ends_at - board.starts_at).num_minutes(),
            demand: 0,
            required_skills: skill_set(&catalogue, &planned.required_skills),
            caregivers_needed: planned.caregivers_needed.clamp(1, 2),
            pinned: if started {
                planned
                    .caregiver_ids
                    .iter()
                    .filter_map(|id| person(id))
                    .collect()
            } else {
                Vec::new()
            },
            refused: client
                .map(|c| {
                    c.refused_caregivers
                        .iter()
                        .filter_map(|id| person(id))
                        .collect()
                })
                .unwrap_or_default(),
            // Whoever has the visit now is preferred: a proposal moves a visit to someone
            // else only when that buys something, so plans do not change without a reason.
            preferred: planned
                .caregiver_ids
                .iter()
                .filter_map(|id| person(id))
                .collect(),
        });
        visit_index.push(index);
    }
    let mut shifts = Vec::new();
    for (person_index, id) in person_ids.iter().enumerate() {
        let Some(facts) = inputs.caregivers.get(id) else {
            continue;
        };
        let home = locate(inputs.home_bases.get(id).copied().unwrap_or(inputs.depot));
        for day in &inputs.days {
            let base = (*day - inputs.monday).num_days() * MINUTES_PER_DAY;
            let absent = facts.absences.iter().any(|a| (a.from..=a.to).contains(day));
            for shift in facts.shifts.iter().filter(|s| s.weekday == day.weekday()) {
                let minute = |time: NaiveTime| base + i64::from(time.hour() * 60 + time.minute());
                let (start, end) = (minute(shift.start), minute(shift.end));
                shifts.push(Shift {
                    person: PersonId(person_index as u64),
                    start_location: home,
                    end_location: home,
                    start,
                    regular_end: end,
                    latest_end: end,
                    skills: skill_set(&catalogue, &facts.skills),
                    capacity: 0,
                    break_: (end - start > SHIFT_NEEDING_BREAK_MINUTES).then_some(Break {
                        earliest: start + 3 * 60,
                        latest: start + 6 * 60,
                        duration: BREAK_MINUTES,
                    }),
                    absences: Vec::new(),
                    absent,
                });
            }
        }
    }
    let size = locations.len();
    let mut times = Vec::with_capacity(size * size);
    for from in &locations {
        for to in &locations {
            times.push(travel_model.travel_time(*from, *to).num_minutes());
        }
    }
    let travel = TravelMatrix::new(size, times).map_err(internal)?;
    let problem = Problem::new(travel, visits, shifts, Weights::HOME_CARE).map_err(internal)?;
    Ok(Mapped {
        problem,
        visit_index,
        person_ids,
    })
}

fn internal(error: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("optimiser problem: {error}"))
}

/// Who serves each visit of the period, and when: the current plan or a proposal.
type Assignment = BTreeMap<String, (Vec<String>, DateTime<Utc>)>;

fn current_assignment(inputs: &Inputs<'_>, mapped: &Mapped) -> Assignment {
    mapped
        .visit_index
        .iter()
        .map(|&index| {
            let (board, _) = &inputs.visits[index];
            (
                board.id.clone(),
                (board.caregiver_ids.clone(), board.starts_at),
            )
        })
        .collect()
}

fn proposed_assignment(inputs: &Inputs<'_>, mapped: &Mapped, plan: &optimiser::Plan) -> Assignment {
    let mut assignment: Assignment = mapped
        .visit_index
        .iter()
        .map(|&index| {
            let (board, _) = &inputs.visits[index];
            (board.id.clone(), (Vec::new(), board.starts_at))
        })
        .collect();
    for route in &plan.routes {
        let person = mapped.problem.shifts()[route.shift].person;
        let caregiver = &mapped.person_ids[person.0 as usize];
        for stop in &route.stops {
            if let Activity::Visit(VisitId(id)) = stop.activity {
                let (board, _) = &inputs.visits[mapped.visit_index[id as usize]];
                let entry = assignment.entry(board.id.clone()).or_default();
                entry.0.push(caregiver.clone());
                entry.1 = instant_at(inputs.monday, stop.start);
            }
        }
    }
    for (caregivers, _) in assignment.values_mut() {
        caregivers.sort();
    }
    assignment
}

/// The same measures for any assignment, so the current plan and the proposal compare fairly.
fn score(inputs: &Inputs<'_>, assignment: &Assignment) -> PlanScore {
    let travel = GreatCircleModel::default();
    let planned: Vec<PlannedVisit> = inputs
        .visits
        .iter()
        .filter_map(|(board, planned)| {
            let (caregiver_ids, starts_at) = assignment.get(&board.id)?;
            Some(PlannedVisit {
                caregiver_ids: caregiver_ids.clone(),
                starts_at: *starts_at,
                ends_at: *starts_at + (board.ends_at - board.starts_at),
                ..planned.clone()
            })
        })
        .collect();
    let mut result = PlanScore {
        unassigned: planned
            .iter()
            .filter(|v| v.caregiver_ids.len() < usize::from(v.caregivers_needed))
            .count() as u32,
        conflicts: detect_conflicts(
            &planned,
            &PlanFacts {
                caregivers: inputs.caregivers,
                clients: inputs.clients,
                travel: &travel,
            },
        )
        .len() as u32,
        ..PlanScore::default()
    };
    let mut clients: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut routes: BTreeMap<(&str, NaiveDate), Vec<&PlannedVisit>> = BTreeMap::new();
    for visit in &planned {
        for caregiver in &visit.caregiver_ids {
            clients
                .entry(&visit.client_id)
                .or_default()
                .insert(caregiver);
            routes
                .entry((caregiver, prague_date(visit.starts_at)))
                .or_default()
                .push(visit);
        }
    }
    result.caregivers_per_client = clients.values().map(|c| c.len() as i64).sum();
    for ((caregiver, day), mut route) in routes {
        route.sort_by_key(|v| v.starts_at);
        let home = inputs
            .home_bases
            .get(caregiver)
            .copied()
            .unwrap_or(inputs.depot);
        let mut place = home;
        let mut free_at: Option<DateTime<Utc>> = None;
        for visit in &route {
            let trip = travel.travel_time(place, visit.location);
            result.travel_minutes += trip.num_minutes();
            if let Some(free_at) = free_at {
                result.waiting_minutes += (visit.starts_at - free_at - trip).num_minutes().max(0);
            }
            free_at = Some(visit.ends_at);
            place = visit.location;
        }
        result.travel_minutes += travel.travel_time(place, home).num_minutes();
        let shift_end = inputs.caregivers.get(caregiver).and_then(|facts| {
            facts
                .shifts
                .iter()
                .filter(|s| s.weekday == day.weekday())
                .map(|s| s.end)
                .max()
        });
        if let (Some(end), Some(last)) = (shift_end, free_at) {
            let (end_instant, _) = from_prague_for_planning(day.and_time(end));
            result.overtime_minutes += (last - end_instant).num_minutes().max(0);
        }
    }
    result
}

fn check_request(request: &OptimiseRequest) -> Result<(Vec<NaiveDate>, StdDuration), FieldError> {
    if request.monday.weekday() != chrono::Weekday::Mon {
        return Err(FieldError::new(
            "monday",
            "Týden se zadává datem jeho pondělí.",
        ));
    }
    let week: Vec<NaiveDate> = (0..7).map(|d| request.monday + Duration::days(d)).collect();
    let days = match request.day {
        Some(day) if week.contains(&day) => vec![day],
        Some(_) => return Err(FieldError::new("day", "Den musí ležet v zadaném týdnu.")),
        None => week,
    };
    let default_seconds = if days.len() == 1 { 2 } else { 8 };
    let seconds = request.time_limit_seconds.unwrap_or(default_seconds);
    if !(1..=30).contains(&seconds) {
        return Err(FieldError::new(
            "time_limit_seconds",
            "Optimalizace smí běžet 1 až 30 sekund.",
        ));
    }
    Ok((days, StdDuration::from_secs(u64::from(seconds))))
}

/// `POST /api/schedule/optimise`: a proposal for the day or week; nothing changes yet.
pub async fn propose<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?.to_owned();
    let request: OptimiseRequest = json_body(&cx.request.body)?;
    let (days, time_limit) = check_request(&request)?;
    let week = Week::load(cx.db, &provider_id, request.monday).await?;
    let inputs = Inputs {
        monday: request.monday,
        days,
        now: cx.now,
        visits: &week.visits,
        caregivers: &week.caregivers,
        clients: &week.clients,
        active: &week.active,
        home_bases: &week.home_bases,
        depot: week.depot,
    };
    let mapped = map_problem(&inputs)?;
    let started = std::time::Instant::now();
    let plan = optimiser::optimise(
        &mapped.problem,
        &Settings {
            seed: 1,
            budget: Budget::Time(time_limit),
        },
    );
    let seconds = started.elapsed().as_secs_f64();
    let report = optimiser::check(&mapped.problem, &plan);
    if !report.is_feasible() {
        return Err(ApiError::Internal(format!(
            "the optimiser's plan failed its check: {:?}",
            report.violations
        )));
    }
    let current = current_assignment(&inputs, &mapped);
    let proposed = proposed_assignment(&inputs, &mapped, &plan);
    let name_of = |visit_id: &str| {
        week.visits
            .iter()
            .find(|(board, _)| board.id == visit_id)
            .map(|(board, _)| board.client_name.clone())
            .unwrap_or_default()
    };
    let changes = proposed
        .iter()
        .filter_map(|(visit_id, (to_caregivers, to_start))| {
            let (from_caregivers, from_start) = current.get(visit_id)?;
            let mut from_sorted = from_caregivers.clone();
            from_sorted.sort();
            let unplanned = to_caregivers.is_empty();
            (!unplanned && (&from_sorted != to_caregivers || from_start != to_start)).then(|| {
                ProposedChange {
                    visit_id: visit_id.clone(),
                    client_name: name_of(visit_id),
                    from_caregiver_ids: from_caregivers.clone(),
                    to_caregiver_ids: to_caregivers.clone(),
                    from_starts_at: *from_start,
                    to_starts_at: *to_start,
                }
            })
        })
        .collect();
    let unplanned = plan
        .unassigned
        .iter()
        .map(|missing| {
            let (board, _) = &inputs.visits[mapped.visit_index[missing.visit.0 as usize]];
            UnplannedVisit {
                visit_id: board.id.clone(),
                client_name: board.client_name.clone(),
                reason: missing.reason.explain().to_owned(),
            }
        })
        .collect();
    // Unplanned visits keep their current caregivers if the planner accepts the rest.
    let mut proposed_with_kept = proposed.clone();
    for missing in &plan.unassigned {
        let (board, _) = &inputs.visits[mapped.visit_index[missing.visit.0 as usize]];
        if let Some(kept) = current.get(&board.id) {
            proposed_with_kept.insert(board.id.clone(), kept.clone());
        }
    }
    let proposal = Proposal {
        monday: request.monday,
        day: request.day,
        current: score(&inputs, &current),
        proposed: score(&inputs, &proposed_with_kept),
        changes,
        unplanned,
        seconds,
    };
    cx.audit(
        Action::Read,
        "week_board",
        Some(&request.monday.to_string()),
        None,
    )
    .await?;
    Ok(ApiResponse::ok(&proposal))
}

/// `POST /api/schedule/optimise/accept`: the chosen changes, all or none.
pub async fn accept<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?.to_owned();
    let input: AcceptProposal = json_body(&cx.request.body)?;
    let reason = check_reason(&input.reason)?;
    if input.changes.is_empty() || input.changes.len() > 2000 {
        return Err(FieldError::new("changes", "Vyberte alespoň jednu změnu z návrhu.").into());
    }
    let mut visits = Vec::with_capacity(input.changes.len());
    for change in &input.changes {
        let current = week::own_visit(cx.db, &provider_id, &change.visit_id)
            .await?
            .ok_or_else(|| {
                FieldError::new("changes.visit_id", "Taková návštěva u poskytovatele není.")
            })?;
        week::check_caregivers(cx, &provider_id, &change.caregiver_ids).await?;
        visits.push(current);
    }
    db::in_transaction(cx.db, async || {
        for (change, current) in input.changes.iter().zip(&visits) {
            let visit_change = VisitChange {
                starts_at: (change.starts_at != current.starts_at).then_some(change.starts_at),
                caregiver_ids: (change.caregiver_ids != current.caregiver_ids)
                    .then(|| change.caregiver_ids.clone()),
                cancel: false,
                reason: reason.clone(),
            };
            week::apply_change(cx, &caller.user.user_id, current, &visit_change, &reason).await?;
        }
        Ok::<_, ApiError>(())
    })
    .await?;
    let monday = shared::planning::week::week_start(prague_date(
        input.changes.first().map(|c| c.starts_at).unwrap_or(cx.now),
    ));
    let board = week::load_board(cx.db, &provider_id, monday).await?;
    Ok(ApiResponse::ok(&AcceptedProposal {
        applied: input.changes.len() as u32,
        conflicts: board.conflicts,
    }))
}
