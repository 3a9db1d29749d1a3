//! The measures of a plan, the same for the current plan and a proposal so they compare
//! fairly: visits short of caregivers, conflicts as the board counts them, caregivers per
//! client, travel, waiting and overtime.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{Inputs, PlanAssignment};
use crate::planning::conflicts::{PlanFacts, PlannedVisit, detect_conflicts};
use crate::planning::travel::{GreatCircleModel, TravelTimes};
use crate::schedule::PlanScore;
use crate::time::{from_prague_for_planning, prague_date};

fn count(number: usize) -> u32 {
    u32::try_from(number).unwrap_or(u32::MAX)
}

pub fn score(inputs: &Inputs<'_>, assignment: &PlanAssignment) -> PlanScore {
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
        unassigned: count(
            planned
                .iter()
                .filter(|v| v.caregiver_ids.len() < usize::from(v.caregivers_needed))
                .count(),
        ),
        conflicts: count(
            detect_conflicts(
                &planned,
                &PlanFacts {
                    caregivers: inputs.caregivers,
                    clients: inputs.clients,
                    travel: &travel,
                },
            )
            .len(),
        ),
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
