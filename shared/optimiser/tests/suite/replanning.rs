//! Replanning: a repair after a sick call moves only what it must, a plan just accepted is
//! stable, proposed times are on the grid, and continuity, fairness and the disruption
//! weight each change a plan.

use std::collections::BTreeMap;

use optimiser::{
    Activity, Break, Budget, ClientId, CurrentAssignment, PersonId, Plan, Problem, Settings, Shift,
    SkillSet, Time, TravelMatrix, Visit, VisitId, Weights, Window, check, optimise, synthetic,
};

const HOUR: Time = 60;

fn plan_with(problem: &Problem, seed: u64, iterations: u64) -> Plan {
    let plan = optimise(
        problem,
        &Settings {
            seed,
            budget: Budget::Iterations(iterations),
        },
    );
    let report = check(problem, &plan);
    assert_eq!(report.violations, Vec::new());
    assert_eq!(report.objective, plan.objective);
    plan
}

/// Who serves each visit (persons in order) and when.
fn places(problem: &Problem, plan: &Plan) -> BTreeMap<VisitId, (Vec<PersonId>, Time)> {
    plan.places(problem)
        .into_iter()
        .map(|(visit, mut place)| {
            place.persons.sort();
            (visit, (place.persons, place.start))
        })
        .collect()
}

/// A half-hour visit of a client of its own, without skills, pins or preferences.
fn visit(id: u64, location: usize, window: Window) -> Visit {
    Visit {
        id: VisitId(id),
        client: ClientId(id),
        location,
        window,
        duration: 30,
        demand: 0,
        required_skills: SkillSet::default(),
        caregivers_needed: 1,
        pinned: Vec::new(),
        refused: Vec::new(),
        preferred: Vec::new(),
        current: None,
    }
}

/// A shift 7:00–15:00 (16:00 at the latest) from and back to `home`.
fn shift(person: u64, home: usize) -> Shift {
    Shift {
        person: PersonId(person),
        start_location: home,
        end_location: home,
        start: 7 * HOUR,
        regular_end: 15 * HOUR,
        latest_end: 16 * HOUR,
        skills: SkillSet::default(),
        capacity: 1,
        break_: None,
        absences: Vec::new(),
        absent: false,
    }
}

/// Visits of the current plan, not of `sick`, whose persons or start changed.
fn others_changed(problem: &Problem, plan: &Plan, sick: PersonId) -> usize {
    let now = places(problem, plan);
    problem
        .visits()
        .iter()
        .filter_map(|visit| Some((visit, visit.current.as_ref()?)))
        .filter(|(_, current)| !current.persons.contains(&sick))
        .filter(|(visit, current)| {
            let mut persons = current.persons.clone();
            persons.sort();
            now.get(&visit.id) != Some(&(persons, current.start))
        })
        .count()
}

#[test]
fn no_proposed_start_is_off_the_five_minute_grid() {
    let problem = synthetic::home_care_day(3, 120, 12);
    assert_eq!(problem.time_grid(), 5);

    let plan = plan_with(&problem, 3, 2_000);

    let starts: Vec<Time> = places(&problem, &plan).values().map(|p| p.1).collect();
    assert!(starts.len() > 100);
    assert_eq!(starts.iter().filter(|&&start| start % 5 != 0).count(), 0);
}

#[test]
fn a_repair_never_moves_a_visit_already_started_or_done() {
    let day = synthetic::home_care_day(11, 120, 12);
    let before = plan_with(&day, 11, 2_000);
    let now = 11 * HOUR;
    // A caregiver with visits both before and after 11:00 calls in sick.
    let sick = before
        .routes
        .iter()
        .find(|route| {
            let visits =
                || (route.stops.iter()).filter(|s| matches!(s.activity, Activity::Visit(_)));
            visits().any(|s| s.start < now) && visits().any(|s| s.start >= now)
        })
        .map(|route| day.shifts()[route.shift].person)
        .expect("someone works across 11:00");

    let repair = synthetic::sick_call(&day, &before, sick, now, 24 * HOUR);
    let after = plan_with(&repair, 12, 2_000);

    let was = places(&day, &before);
    let is = places(&repair, &after);
    let started: Vec<&VisitId> = was.iter().filter(|p| p.1.1 < now).map(|p| p.0).collect();
    assert!(started.len() > 20);
    assert!(
        was.iter()
            .any(|(_, (persons, start))| *start < now && persons.contains(&sick))
    );
    for visit in started {
        assert_eq!(is.get(visit), was.get(visit), "visit {visit:?} moved");
    }
    // Her visits from now on went to others or are listed as unplaceable.
    assert!(
        is.iter()
            .all(|(_, (persons, start))| *start < now || !persons.contains(&sick))
    );
}

#[test]
fn proposing_again_right_after_accepting_changes_nothing() {
    let day = synthetic::home_care_day(5, 200, 30);
    let proposed = plan_with(&day, 5, 5_000);
    let accepted = day.clone().with_current_plan(&proposed);

    let again = plan_with(&accepted, 6, 5_000);

    assert_eq!(places(&accepted, &again), places(&day, &proposed));
    assert_eq!(again.objective.disruptions, 0);
    assert_eq!(again.objective.retimed, 0);
    assert_eq!(again.unassigned, proposed.unassigned);
}

/// Put back one visit at a time with a break already on the route, a visit could take the
/// place where the accepted plan had the break, and a later visit find no room; these days
/// and seeds did so before the breaks came off during the put-back.
#[test]
fn a_plan_just_accepted_is_put_back_whole_around_its_breaks() {
    for (generator, first, second) in [(5, 5, 6), (6, 5, 6), (5, 1, 2), (7, 5, 6)] {
        let day = synthetic::home_care_day(generator, 200, 30);
        let proposed = plan_with(&day, first, 5_000);
        let accepted = day.clone().with_current_plan(&proposed);

        let again = plan_with(&accepted, second, 5_000);

        assert_eq!(
            places(&accepted, &again),
            places(&day, &proposed),
            "day {generator}, seeds {first} and {second}"
        );
        assert_eq!(again.objective.weighted, proposed.objective.weighted);
    }
}

/// A plan made by hand with five half-hour visits back to back from 10:00, where the
/// break (to start between 11:00 and 12:00) has no room: the visit starting nearest the
/// middle of the break's window goes to the free colleague, the others stay.
#[test]
fn a_current_plan_without_room_for_the_break_gives_up_one_visit_for_it() {
    let travel = TravelMatrix::new(2, vec![0, 0, 0, 0]).expect("square matrix");
    let visits = (0..5)
        .map(|number| {
            let start = 10 * HOUR + 30 * number;
            Visit {
                client: ClientId(1),
                current: Some(CurrentAssignment {
                    persons: vec![PersonId(1)],
                    start,
                }),
                ..visit(
                    number as u64 + 1,
                    1,
                    Window {
                        open: start,
                        close: start,
                    },
                )
            }
        })
        .collect();
    let mut busy = shift(1, 0);
    busy.break_ = Some(Break {
        earliest: 11 * HOUR,
        latest: 12 * HOUR,
        duration: 30,
    });
    let problem = Problem::new(travel, visits, vec![busy, shift(2, 0)], Weights::HOME_CARE)
        .expect("a valid day")
        .with_time_grid(5);

    let plan = plan_with(&problem, 1, 200);

    let moved: Vec<VisitId> = places(&problem, &plan)
        .into_iter()
        .filter(|(_, (persons, _))| persons != &vec![PersonId(1)])
        .map(|(visit, _)| visit)
        .collect();
    assert_eq!(moved, vec![VisitId(4)]);
    assert!(plan.unassigned.is_empty());
}

/// A visit already under way (pinned to its caregiver, at its one moment) keeps its place
/// where another visit, left out for want of time, would be cheaper: a search never takes it
/// out, or it could lose its place to the other.
#[test]
fn a_visit_that_cannot_move_is_never_given_up_for_a_cheaper_one() {
    // Home at 0; the visit under way an hour's drive away at 2, the other next door at 1.
    let travel = TravelMatrix::new(3, vec![0, 5, 60, 5, 0, 60, 60, 60, 0]).expect("square matrix");
    let at_ten = Window {
        open: 10 * HOUR,
        close: 10 * HOUR,
    };
    let under_way = Visit {
        duration: 60,
        pinned: vec![PersonId(1)],
        current: Some(CurrentAssignment {
            persons: vec![PersonId(1)],
            start: 10 * HOUR,
        }),
        ..visit(1, 2, at_ten)
    };
    let next_door = Visit {
        duration: 60,
        ..visit(2, 1, at_ten)
    };
    let problem = Problem::new(
        travel,
        vec![under_way, next_door],
        vec![shift(1, 0)],
        Weights::HOME_CARE,
    )
    .expect("a valid day")
    .with_time_grid(5);

    let plan = plan_with(&problem, 1, 2_000);

    let under_way_place = places(&problem, &plan).get(&VisitId(1)).cloned();
    assert_eq!(under_way_place, Some((vec![PersonId(1)], 10 * HOUR)));
    let left_out: Vec<VisitId> = plan.unassigned.iter().map(|u| u.visit).collect();
    assert_eq!(left_out, vec![VisitId(2)]);
}

/// Places on a line, travel time = distance: the sick A and the free C live at 0, A's
/// clients at -10 and -12; B lives far out at 40 and her clients at 3 and 5, near C. Each
/// has visits at 9:00 and 9:35, movable by an hour. C could do all four on one short
/// round, sparing B her long drive, but only by taking B's visits and moving four times.
fn morning(weights: Weights) -> Problem {
    let x = [0, -10, -12, 3, 5, 40];
    let times = x
        .iter()
        .flat_map(|a| x.iter().map(move |b| (a - b as &i64).abs()))
        .collect();
    let travel = TravelMatrix::new(x.len(), times).expect("square matrix");
    let current = |id: u64, location: usize, start: Time, person: u64| Visit {
        current: Some(CurrentAssignment {
            persons: vec![PersonId(person)],
            start,
        }),
        ..visit(
            id,
            location,
            Window {
                open: start - HOUR,
                close: start + HOUR,
            },
        )
    };
    let mut sick = shift(1, 0);
    sick.absent = true;
    let visits = vec![
        current(1, 1, 9 * HOUR, 1),
        current(2, 2, 9 * HOUR + 35, 1),
        current(3, 3, 9 * HOUR, 2),
        current(4, 4, 9 * HOUR + 35, 2),
    ];
    Problem::new(
        travel,
        visits,
        vec![sick, shift(2, 5), shift(3, 0)],
        weights,
    )
    .expect("a valid morning")
    .with_time_grid(5)
}

#[test]
fn with_a_free_caregiver_nearby_a_repair_changes_no_other_caregivers_visit() {
    let problem = morning(Weights::HOME_CARE);

    let repair = plan_with(&problem, 1, 500);

    assert_eq!(repair.unassigned, Vec::new());
    assert_eq!(others_changed(&problem, &repair, PersonId(1)), 0);
    let now = places(&problem, &repair);
    assert_eq!(now[&VisitId(1)].0, vec![PersonId(3)]);
    assert_eq!(now[&VisitId(2)].0, vec![PersonId(3)]);
    assert_eq!(repair.objective.disruptions, 2);
    assert_eq!(repair.objective.retimed, 0);
}

#[test]
fn the_disruption_weight_keeps_other_caregivers_visits_where_they_are() {
    let weighted = morning(Weights::HOME_CARE);
    let unweighted = morning(Weights {
        disruption: 0,
        ..Weights::HOME_CARE
    });

    let with = others_changed(&weighted, &plan_with(&weighted, 1, 500), PersonId(1));
    let without = others_changed(&unweighted, &plan_with(&unweighted, 1, 500), PersonId(1));

    assert_eq!(with, 0);
    assert!(without > with, "without the weight {without} changed");
}

#[test]
fn continuity_of_care_gives_a_client_fewer_caregivers_over_a_week() {
    let week = synthetic::home_care_week(4, 3, 60, 10);
    let rebuild = |continuity: i64| {
        Problem::new(
            week.travel().clone(),
            week.visits().to_vec(),
            week.shifts().to_vec(),
            Weights {
                continuity,
                ..Weights::HOME_CARE
            },
        )
        .expect("the same week")
        .with_time_grid(5)
    };
    let (on, off) = (rebuild(60), rebuild(0));

    let with = plan_with(&on, 4, 4_000);
    let without = plan_with(&off, 4, 4_000);

    // A visit left unassigned can take at most one caregiver off its client's count.
    let fewer_served = with
        .objective
        .unassigned
        .saturating_sub(without.objective.unassigned);
    assert!(
        with.objective.caregivers_per_client + fewer_served as i64 + 10
            < without.objective.caregivers_per_client,
        "with {} without {}",
        with.objective.caregivers_per_client,
        without.objective.caregivers_per_client
    );
}

/// Four half-hour visits at one place ten minutes from the office; two caregivers.
fn four_visits(fairness: i64) -> Problem {
    let travel = TravelMatrix::new(2, vec![0, 10, 10, 0]).expect("square matrix");
    let morning = Window {
        open: 8 * HOUR,
        close: 12 * HOUR,
    };
    let visits = (1..=4).map(|id| visit(id, 1, morning)).collect();
    let shifts = vec![shift(1, 0), shift(2, 0)];
    let weights = Weights {
        fairness,
        ..Weights::HOME_CARE
    };
    Problem::new(travel, visits, shifts, weights)
        .expect("a valid morning")
        .with_contract_minutes([(PersonId(1), 80), (PersonId(2), 80)].into())
}

fn visits_per_person(problem: &Problem, plan: &Plan) -> Vec<usize> {
    let mut counts: Vec<usize> = plan.routes.iter().map(|r| r.visits().count()).collect();
    counts.resize(problem.shifts().len(), 0);
    counts.sort();
    counts
}

#[test]
fn fairness_shares_the_work_by_contract() {
    let (fair, unfair) = (four_visits(1), four_visits(0));

    let with = plan_with(&fair, 2, 300);
    let without = plan_with(&unfair, 2, 300);

    // One round trip is cheapest; two contracts of 80 minutes ask for two.
    assert_eq!(visits_per_person(&unfair, &without), vec![0, 4]);
    assert_eq!(without.objective.fairness_gap, 140);
    assert_eq!(visits_per_person(&fair, &with), vec![2, 2]);
    assert_eq!(with.objective.fairness_gap, 0);
}
