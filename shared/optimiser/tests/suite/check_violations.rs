//! The checker catches each kind of broken hard constraint: one small day, a plan that
//! keeps every rule, and one test per rule that breaks exactly it.

use optimiser::{
    Absence, Activity, Break, ClientId, CurrentAssignment, Objective, PersonId, Plan, Problem,
    Reason, Route, Shift, SkillSet, Stop, TravelMatrix, Unassigned, Violation, Visit, VisitId,
    Weights, Window, check,
};

const FIRST: VisitId = VisitId(1);
const NURSING: VisitId = VisitId(2);
const TOGETHER: VisitId = VisitId(3);
const PINNED: VisitId = VisitId(4);

/// Four places ten minutes apart; a nurse with a break and a carer with a fixed absence.
struct Day {
    visits: Vec<Visit>,
    shifts: Vec<Shift>,
}

impl Day {
    fn new() -> Self {
        let visit = |id: VisitId, client: u64, location: usize, open: i64, close: i64| Visit {
            id,
            client: ClientId(client),
            location,
            window: Window { open, close },
            duration: 20,
            demand: 4,
            required_skills: SkillSet::of(&[0]),
            caregivers_needed: 1,
            pinned: Vec::new(),
            refused: Vec::new(),
            preferred: Vec::new(),
            current: None,
        };
        let shift = |person: u64, skills: &[u8]| Shift {
            person: PersonId(person),
            start_location: 0,
            end_location: 0,
            start: 0,
            regular_end: 400,
            latest_end: 500,
            skills: SkillSet::of(skills),
            capacity: 10,
            break_: None,
            absences: Vec::new(),
            absent: false,
        };
        let mut nurse = shift(1, &[0, 1]);
        nurse.break_ = Some(Break {
            earliest: 100,
            latest: 200,
            duration: 30,
        });
        let mut carer = shift(2, &[0]);
        carer.absences = vec![Absence {
            start: 300,
            duration: 20,
        }];
        let mut nursing = visit(NURSING, 2, 2, 0, 300);
        nursing.required_skills = SkillSet::of(&[1]);
        let mut together = visit(TOGETHER, 3, 3, 60, 60);
        together.caregivers_needed = 2;
        together.duration = 30;
        together.demand = 0;
        let mut pinned = visit(PINNED, 1, 1, 0, 1000);
        pinned.duration = 10;
        pinned.demand = 0;
        pinned.pinned = vec![PersonId(2)];
        Day {
            visits: vec![visit(FIRST, 1, 1, 10, 50), nursing, together, pinned],
            shifts: vec![nurse, carer],
        }
    }

    fn problem(&self) -> Problem {
        let times = (0..4)
            .flat_map(|a| (0..4).map(move |b| if a == b { 0 } else { 10 }))
            .collect();
        let travel = TravelMatrix::new(4, times).expect("square matrix");
        Problem::new(
            travel,
            self.visits.clone(),
            self.shifts.clone(),
            Weights::HOME_CARE,
        )
        .expect("a valid day")
    }

    fn visit(&mut self, id: VisitId) -> &mut Visit {
        self.visits
            .iter_mut()
            .find(|visit| visit.id == id)
            .expect("a visit of the day")
    }
}

fn at(activity: Activity, start: i64) -> Stop {
    Stop { activity, start }
}

/// Every rule kept: the nurse does the first visit, the joint one, her break and the
/// nursing visit; the carer the joint visit, the pinned one and her absence.
fn valid_plan() -> Plan {
    Plan {
        routes: vec![
            Route {
                shift: 0,
                departure: 0,
                stops: vec![
                    at(Activity::Visit(FIRST), 10),
                    at(Activity::Visit(TOGETHER), 60),
                    at(Activity::Break, 100),
                    at(Activity::Visit(NURSING), 140),
                ],
                arrival: 170,
            },
            Route {
                shift: 1,
                departure: 0,
                stops: vec![
                    at(Activity::Visit(TOGETHER), 60),
                    at(Activity::Visit(PINNED), 100),
                    at(Activity::Absence(0), 300),
                ],
                arrival: 320,
            },
        ],
        unassigned: Vec::new(),
        objective: Objective::default(),
    }
}

fn violations(day: &Day, plan: &Plan) -> Vec<Violation> {
    check(&day.problem(), plan).violations
}

#[test]
fn a_plan_that_keeps_every_rule_passes_and_its_objective_is_recomputed() {
    let report = check(&Day::new().problem(), &valid_plan());

    assert_eq!(report.violations, Vec::new());
    let objective = report.objective;
    assert_eq!(objective.travel, 40 + 30);
    assert_eq!(objective.waiting, (170 - 40 - 100) + (320 - 30 - 60));
    assert_eq!(objective.overtime, 0);
    assert_eq!(objective.caregivers_per_client, 2 + 1 + 2);
    assert_eq!(objective.preference_misses, 0);
    let weights = Weights::HOME_CARE;
    assert_eq!(
        objective.weighted,
        weights.travel * 70 + weights.waiting * 260 + weights.continuity * 5
    );
}

#[test]
fn a_visit_outside_its_window_is_caught() {
    let mut day = Day::new();
    day.visit(FIRST).window = Window { open: 0, close: 5 };

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::TimeWindow {
            visit: FIRST,
            start: 10
        }]
    );
}

#[test]
fn a_visit_started_before_the_caregiver_can_arrive_is_caught() {
    let mut plan = valid_plan();
    plan.routes[0].departure = 5;

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::NotEnoughTravelTime {
            shift: 0,
            visit: FIRST
        }]
    );
}

#[test]
fn an_overloaded_route_is_caught() {
    let mut day = Day::new();
    day.shifts[0].capacity = 5;

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::Capacity {
            shift: 0,
            load: 8,
            capacity: 5
        }]
    );
}

#[test]
fn a_route_back_after_the_shift_ends_is_caught() {
    let mut day = Day::new();
    day.shifts[0].regular_end = 150;
    day.shifts[0].latest_end = 150;

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::Shift { shift: 0 }]
    );
}

#[test]
fn a_route_leaving_before_the_shift_starts_is_caught() {
    let mut day = Day::new();
    day.shifts[1].start = 5;

    let found = violations(&day, &valid_plan());

    assert!(found.contains(&Violation::Shift { shift: 1 }));
}

#[test]
fn a_missing_break_is_caught() {
    let mut plan = valid_plan();
    plan.routes[0].stops.remove(2);

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::Break { shift: 0 }]
    );
}

#[test]
fn a_break_outside_its_window_is_caught() {
    let mut day = Day::new();
    day.shifts[0].break_ = Some(Break {
        earliest: 110,
        latest: 200,
        duration: 30,
    });

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::Break { shift: 0 }]
    );
}

#[test]
fn a_caregiver_without_the_required_skill_is_caught() {
    let mut day = Day::new();
    day.visit(NURSING).required_skills = SkillSet::of(&[2]);

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::Skill {
            shift: 0,
            visit: NURSING
        }]
    );
}

#[test]
fn a_caregiver_the_client_refused_is_caught() {
    let mut day = Day::new();
    day.visit(FIRST).refused = vec![PersonId(1)];

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::RefusedPairing {
            shift: 0,
            visit: FIRST
        }]
    );
}

#[test]
fn a_visit_on_an_absent_shift_is_caught() {
    let mut day = Day::new();
    day.shifts[1].absent = true;

    let found = violations(&day, &valid_plan());

    assert!(!found.is_empty());
    assert!(found.iter().all(|v| *v == Violation::Absence { shift: 1 }));
}

#[test]
fn a_fixed_absence_left_out_of_the_route_is_caught() {
    let mut plan = valid_plan();
    plan.routes[1].stops.pop();

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::Absence { shift: 1 }]
    );
}

#[test]
fn a_pinned_visit_given_to_someone_else_is_caught() {
    let mut day = Day::new();
    day.visit(PINNED).pinned = vec![PersonId(1)];

    assert_eq!(
        violations(&day, &valid_plan()),
        vec![Violation::PinnedVisitMoved {
            shift: 1,
            visit: PINNED
        }]
    );
}

#[test]
fn a_two_caregiver_visit_started_at_different_times_is_caught() {
    let mut day = Day::new();
    day.visit(TOGETHER).window = Window {
        open: 60,
        close: 61,
    };
    let mut plan = valid_plan();
    plan.routes[0].stops[1].start = 61;

    assert_eq!(
        violations(&day, &plan),
        vec![Violation::NotSynchronised { visit: TOGETHER }]
    );
}

#[test]
fn a_two_caregiver_visit_served_by_one_caregiver_is_caught() {
    let mut plan = valid_plan();
    plan.routes[1].stops.remove(0);

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::OneCaregiverOnly { visit: TOGETHER }]
    );
}

#[test]
fn a_visit_served_twice_is_caught() {
    let mut plan = valid_plan();
    plan.routes[1]
        .stops
        .insert(0, at(Activity::Visit(FIRST), 10));

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::ServedTwice { visit: FIRST }]
    );
}

#[test]
fn a_visit_neither_served_nor_listed_unassigned_is_caught() {
    let mut plan = valid_plan();
    plan.routes[1].stops.remove(1);

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::Missing { visit: PINNED }]
    );
}

#[test]
fn a_visit_listed_unassigned_with_its_reason_is_not_missing() {
    let mut plan = valid_plan();
    plan.routes[1].stops.remove(1);
    plan.unassigned = vec![Unassigned {
        visit: PINNED,
        reason: Reason::NotEnoughTime,
    }];

    let report = check(&Day::new().problem(), &plan);

    assert_eq!(report.violations, Vec::new());
    assert_eq!(report.objective.unassigned, 1);
}

#[test]
fn a_visit_listed_unassigned_but_served_is_caught() {
    let mut plan = valid_plan();
    plan.unassigned = vec![Unassigned {
        visit: FIRST,
        reason: Reason::NotEnoughTime,
    }];

    assert_eq!(
        violations(&Day::new(), &plan),
        vec![Violation::UnassignedButServed { visit: FIRST }]
    );
}

#[test]
fn a_start_off_the_time_grid_is_caught() {
    let problem = Day::new().problem().with_time_grid(10);
    let mut plan = valid_plan();
    assert_eq!(check(&problem, &plan).violations, Vec::new());

    plan.routes[0].stops[0].start = 15;

    assert_eq!(
        check(&problem, &plan).violations,
        vec![Violation::OffTimeGrid {
            visit: FIRST,
            start: 15
        }]
    );
}

#[test]
fn the_checker_counts_moved_visits_moved_times_and_the_gap_to_contracts() {
    let mut day = Day::new();
    // The first visit was the carer's at 10; the nursing visit was the nurse's at 150.
    day.visit(FIRST).current = Some(CurrentAssignment {
        persons: vec![PersonId(2)],
        start: 10,
    });
    day.visit(NURSING).current = Some(CurrentAssignment {
        persons: vec![PersonId(1)],
        start: 150,
    });
    day.visit(TOGETHER).current = Some(CurrentAssignment {
        persons: vec![PersonId(1), PersonId(2)],
        start: 60,
    });
    let targets = [(PersonId(1), 100), (PersonId(2), 100)].into();
    let problem = day.problem().with_contract_minutes(targets);

    let objective = check(&problem, &valid_plan()).objective;

    assert_eq!(objective.disruptions, 1);
    assert_eq!(objective.retimed, 1);
    // The nurse: 40 travel and 70 of visits; the carer: 30 travel and 40 of visits.
    assert_eq!(objective.fairness_gap, 10 + 30);
    let weights = Weights::HOME_CARE;
    assert_eq!(
        objective.weighted,
        weights.travel * 70
            + weights.waiting * 260
            + weights.continuity * 5
            + weights.disruption
            + weights.retime
            + weights.fairness * 40
    );
}
