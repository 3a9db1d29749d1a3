//! Every visit the optimiser cannot plan comes with the reason why.

use optimiser::{
    Budget, ClientId, PersonId, Problem, Reason, Settings, Shift, SkillSet, TravelMatrix, Visit,
    VisitId, Weights, Window, check, optimise,
};

/// Two places an hour apart; one caregiver working 8:00–12:00 with skill 0.
fn visit(id: u64) -> Visit {
    Visit {
        id: VisitId(id),
        client: ClientId(id),
        location: 1,
        window: Window {
            open: 8 * 60,
            close: 11 * 60,
        },
        duration: 30,
        demand: 0,
        required_skills: SkillSet::of(&[0]),
        caregivers_needed: 1,
        pinned: Vec::new(),
        refused: Vec::new(),
        preferred: Vec::new(),
        current: None,
    }
}

fn caregiver(person: u64) -> Shift {
    Shift {
        person: PersonId(person),
        start_location: 0,
        end_location: 0,
        start: 8 * 60,
        regular_end: 12 * 60,
        latest_end: 12 * 60,
        skills: SkillSet::of(&[0]),
        capacity: 1,
        break_: None,
        absences: Vec::new(),
        absent: false,
    }
}

/// Plans the visits and returns the reason for each unassigned one, by visit id.
fn reasons(visits: Vec<Visit>, shifts: Vec<Shift>) -> Vec<(u64, Reason)> {
    reasons_on_grid(visits, shifts, 1)
}

fn reasons_on_grid(visits: Vec<Visit>, shifts: Vec<Shift>, grid: i64) -> Vec<(u64, Reason)> {
    let travel = TravelMatrix::new(2, vec![0, 60, 60, 0]).expect("square matrix");
    let problem = Problem::new(travel, visits, shifts, Weights::HOME_CARE)
        .expect("valid day")
        .with_time_grid(grid);
    let plan = optimise(
        &problem,
        &Settings {
            seed: 1,
            budget: Budget::Iterations(100),
        },
    );
    assert!(check(&problem, &plan).is_feasible());
    plan.unassigned
        .iter()
        .map(|unassigned| (unassigned.visit.0, unassigned.reason))
        .collect()
}

#[test]
fn a_visit_needing_a_skill_nobody_has_says_so() {
    let mut nursing = visit(1);
    nursing.required_skills = SkillSet::of(&[3]);

    assert_eq!(
        reasons(vec![nursing], vec![caregiver(1)]),
        vec![(1, Reason::NoCaregiverWithSkill)]
    );
}

#[test]
fn a_visit_whose_only_caregiver_is_off_sick_says_so() {
    let mut sick = caregiver(1);
    sick.absent = true;

    assert_eq!(
        reasons(vec![visit(1)], vec![sick]),
        vec![(1, Reason::AllCaregiversAbsent)]
    );
}

#[test]
fn a_visit_whose_client_refused_the_only_caregiver_says_so() {
    let mut refusing = visit(1);
    refusing.refused = vec![PersonId(1)];

    assert_eq!(
        reasons(vec![refusing], vec![caregiver(1)]),
        vec![(1, Reason::RefusedByClient)]
    );
}

#[test]
fn a_visit_pinned_to_someone_not_working_says_so() {
    let mut pinned = visit(1);
    pinned.pinned = vec![PersonId(9)];

    assert_eq!(
        reasons(vec![pinned], vec![caregiver(1)]),
        vec![(1, Reason::PinnedCaregiverUnavailable)]
    );
}

#[test]
fn a_two_caregiver_visit_with_one_caregiver_working_says_so() {
    let mut together = visit(1);
    together.caregivers_needed = 2;

    assert_eq!(
        reasons(vec![together], vec![caregiver(1)]),
        vec![(1, Reason::NoSecondCaregiver)]
    );
}

#[test]
fn a_visit_heavier_than_any_capacity_says_so() {
    let mut heavy = visit(1);
    heavy.demand = 2;

    assert_eq!(
        reasons(vec![heavy], vec![caregiver(1)]),
        vec![(1, Reason::CapacityExceeded)]
    );
}

#[test]
fn a_visit_whose_window_holds_no_time_on_the_grid_says_so() {
    let mut odd = visit(1);
    odd.window = Window {
        open: 9 * 60 + 1,
        close: 9 * 60 + 4,
    };
    let mut on_grid = visit(2);
    on_grid.window = Window {
        open: 9 * 60 + 1,
        close: 9 * 60 + 5,
    };

    assert_eq!(
        reasons_on_grid(vec![odd, on_grid], vec![caregiver(1)], 5),
        vec![(1, Reason::NoStartOnTimeGrid)]
    );
}

#[test]
fn a_visit_in_the_evening_says_it_is_outside_every_shift() {
    let mut evening = visit(1);
    evening.window = Window {
        open: 18 * 60,
        close: 19 * 60,
    };

    assert_eq!(
        reasons(vec![evening], vec![caregiver(1)]),
        vec![(1, Reason::OutsideEveryShift)]
    );
}

#[test]
fn a_visit_too_early_to_reach_says_its_window_is_unreachable() {
    let mut early = visit(1);
    early.window = Window {
        open: 8 * 60,
        close: 8 * 60 + 30,
    };

    assert_eq!(
        reasons(vec![early], vec![caregiver(1)]),
        vec![(1, Reason::TimeWindowUnreachable)]
    );
}

#[test]
fn a_visit_that_no_longer_fits_a_full_shift_says_there_is_not_enough_time() {
    let mut visits: Vec<Visit> = (1..=4).map(visit).collect();
    for visit in &mut visits {
        visit.duration = 60;
        visit.demand = 0;
    }

    let found = reasons(visits, vec![caregiver(1)]);

    // Out at 8:00, there by 9:00, two hour-long visits, back by 12:00: two fit.
    assert_eq!(found.len(), 2);
    assert!(
        found
            .iter()
            .all(|(_, reason)| *reason == Reason::NotEnoughTime)
    );
}
