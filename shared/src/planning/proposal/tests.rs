use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};

use super::*;
use crate::planning::conflicts::{
    CaregiverFacts, ClientFacts, PlanFacts, PlannedVisit, Shift as WorkShift, detect_conflicts,
};
use crate::planning::travel::GeoPoint;
use crate::planning::travel::GreatCircleModel;
use crate::schedule::{BoardVisit, VisitStatus};
use optimiser::PersonId;

const DECIN: GeoPoint = GeoPoint {
    latitude: 50.772656,
    longitude: 14.212861,
};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("an instant")
}

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").expect("a time")
}

/// A 45-minute visit of a client at Děčín's centre.
fn visit(
    id: &str,
    client: &str,
    caregivers: &[&str],
    starts_at: &str,
) -> (BoardVisit, PlannedVisit) {
    let caregiver_ids: Vec<String> = caregivers.iter().map(|c| (*c).to_owned()).collect();
    let starts_at = at(starts_at);
    let ends_at = starts_at + chrono::Duration::minutes(45);
    let board = BoardVisit {
        id: id.into(),
        client_id: client.into(),
        client_name: format!("Klient {client}"),
        caregiver_ids: caregiver_ids.clone(),
        caregivers_needed: 1,
        starts_at,
        ends_at,
        window: None,
        status: VisitStatus::Planned,
        template_id: None,
        municipality: "Děčín".into(),
        district: "Děčín".into(),
    };
    let planned = PlannedVisit {
        id: id.into(),
        client_id: client.into(),
        caregiver_ids,
        caregivers_needed: 1,
        starts_at,
        ends_at,
        window: None,
        required_skills: Vec::new(),
        location: DECIN,
    };
    (board, planned)
}

fn caregiver(start: &str, end: &str) -> CaregiverFacts {
    CaregiverFacts {
        name: "Pečovatel".into(),
        shifts: vec![WorkShift {
            weekday: Weekday::Mon,
            start: time(start),
            end: time(end),
        }],
        ..CaregiverFacts::default()
    }
}

/// Jana works 07:00–15:30 on Monday, Karel 07:00–12:00; the clock stands at `now`.
struct Week {
    visits: Vec<(BoardVisit, PlannedVisit)>,
    caregivers: BTreeMap<String, CaregiverFacts>,
    clients: BTreeMap<String, ClientFacts>,
    active: BTreeSet<String>,
    home_bases: BTreeMap<String, GeoPoint>,
    contracts: BTreeMap<String, i64>,
    days: Vec<NaiveDate>,
    now: DateTime<Utc>,
}

impl Week {
    fn new(visits: Vec<(BoardVisit, PlannedVisit)>) -> Self {
        let caregivers = BTreeMap::from([
            ("jana".to_owned(), caregiver("07:00", "15:30")),
            ("karel".to_owned(), caregiver("07:00", "12:00")),
        ]);
        Week {
            visits,
            active: caregivers.keys().cloned().collect(),
            caregivers,
            clients: BTreeMap::from([
                ("c1".to_owned(), ClientFacts::default()),
                ("c2".to_owned(), ClientFacts::default()),
            ]),
            home_bases: BTreeMap::new(),
            contracts: BTreeMap::new(),
            days: vec![monday()],
            now: at("2026-11-23T05:00:00Z"),
        }
    }

    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            monday: monday(),
            days: &self.days,
            now: self.now,
            visits: &self.visits,
            caregivers: &self.caregivers,
            clients: &self.clients,
            active: &self.active,
            home_bases: &self.home_bases,
            depot: DECIN,
            contracts: &self.contracts,
        }
    }

    fn mapped(&self) -> Mapped {
        map_problem(&self.inputs()).expect("the week maps")
    }
}

#[test]
fn a_visit_keeps_its_agreed_window_in_minutes_of_the_week() {
    let mut with_window = visit("v1", "c1", &["jana"], "2026-11-23T08:00:00Z");
    // 09:30–10:30 in Prague on Monday.
    with_window.0.window = Some((at("2026-11-23T08:30:00Z"), at("2026-11-23T09:30:00Z")));
    let without = visit("v2", "c2", &["jana"], "2026-11-23T11:00:00Z");
    let week = Week::new(vec![with_window, without]);
    let mapped = week.mapped();
    let visits = mapped.problem.visits();
    assert_eq!((visits[0].window.open, visits[0].window.close), (570, 630));
    // 12:00 Prague, free to move half an hour either way.
    assert_eq!((visits[1].window.open, visits[1].window.close), (690, 750));
    assert_eq!(visits[0].duration, 45);
}

#[test]
fn a_visit_not_yet_started_may_not_start_before_now() {
    // Karel's visit at 10:20 Prague may move half an hour either way; it is 10:02.
    let mut week = Week::new(vec![visit("v1", "c1", &["karel"], "2026-11-23T09:20:00Z")]);
    week.now = at("2026-11-23T09:02:00Z");
    let mapped = week.mapped();
    let window = mapped.problem.visits()[0].window;
    // From 10:05, the next five-minute mark, to 10:50.
    assert_eq!((window.open, window.close), (605, 650));
}

#[test]
fn a_started_visit_stays_out_of_the_problem_and_its_caregiver_goes_on_from_its_door() {
    let mut week = Week::new(vec![visit("v1", "c1", &["karel"], "2026-11-23T07:00:00Z")]);
    week.now = at("2026-11-23T07:10:00Z");
    let mapped = week.mapped();
    assert!(mapped.problem.visits().is_empty(), "nothing may move it");
    let karel = &mapped.problem.shifts()[1];
    // Karel's 08:00 Prague visit ends at 08:45; his day goes on from the client's door.
    assert_eq!(karel.start, 525);
    assert_ne!(karel.start_location, karel.end_location);
}

#[test]
fn a_two_caregiver_visit_needs_both_and_prefers_its_current_pair() {
    let mut pair = visit("v1", "c1", &["jana", "karel"], "2026-11-23T08:00:00Z");
    pair.0.caregivers_needed = 2;
    pair.1.caregivers_needed = 2;
    let week = Week::new(vec![pair]);
    let mapped = week.mapped();
    let visit = &mapped.problem.visits()[0];
    assert_eq!(visit.caregivers_needed, 2);
    assert_eq!(visit.preferred, [PersonId(0), PersonId(1)]);
    assert!(visit.pinned.is_empty(), "not started yet");
}

#[test]
fn a_shift_over_six_hours_gets_its_break_and_a_shorter_one_none() {
    let week = Week::new(Vec::new());
    let mapped = week.mapped();
    let shifts = mapped.problem.shifts();
    assert_eq!(shifts.len(), 2);
    let jana = shifts[0].break_.expect("8.5 hours need a break");
    // Between the 3rd and the 6th hour of a shift starting at 07:00 (420).
    assert_eq!((jana.earliest, jana.latest, jana.duration), (600, 780, 30));
    assert_eq!(shifts[1].break_, None, "5 hours need none");
}

#[test]
fn the_score_counts_conflicts_and_caregivers_per_client_as_the_board_does() {
    // Jana twice at 09:00 (a double booking), and c1 served by both caregivers.
    let week = Week::new(vec![
        visit("v1", "c1", &["jana"], "2026-11-23T08:00:00Z"),
        visit("v2", "c2", &["jana"], "2026-11-23T08:00:00Z"),
        visit("v3", "c1", &["karel"], "2026-11-23T10:00:00Z"),
    ]);
    let inputs = week.inputs();
    let mapped = week.mapped();
    let current = mapped.current(&inputs);
    let scored = score(&inputs, &current);
    let on_the_board = detect_conflicts(
        &week
            .visits
            .iter()
            .map(|(_, p)| p.clone())
            .collect::<Vec<_>>(),
        &PlanFacts {
            caregivers: &week.caregivers,
            clients: &week.clients,
            travel: &GreatCircleModel::default(),
        },
    );
    assert_eq!(scored.conflicts as usize, on_the_board.len());
    assert_eq!(scored.conflicts, 1, "the double booking");
    assert_eq!(
        scored.caregivers_per_client, 3,
        "c1: jana and karel; c2: jana"
    );
    assert_eq!(scored.unassigned, 0);

    let mut fixed = current.clone();
    fixed.insert(
        "v2".into(),
        (vec!["karel".into()], at("2026-11-23T08:00:00Z")),
    );
    assert_eq!(score(&inputs, &fixed).conflicts, 0);
    assert_eq!(score(&inputs, &fixed).caregivers_per_client, 3);
}

#[test]
fn a_request_plans_one_day_of_its_week_or_the_whole_week() {
    let request = |monday: &str, day: Option<&str>| OptimiseRequest {
        monday: monday.parse().expect("a date"),
        day: day.map(|d| d.parse().expect("a date")),
        time_limit_seconds: None,
    };
    let (days, limit) = check_request(&request("2026-11-23", None)).expect("a week");
    assert_eq!((days.len(), limit.as_secs()), (7, 8));
    let (days, _) = check_request(&request("2026-11-23", Some("2026-11-24"))).expect("a day");
    assert_eq!(
        days,
        [NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")]
    );
    assert!(check_request(&request("2026-11-24", None)).is_err());
    assert!(check_request(&request("2026-11-23", Some("2026-12-01"))).is_err());
}

/// Jana is sick from 09:00 Prague on Monday; the clock stands at 08:10 Prague.
fn jana_sick_from_nine(visits: Vec<(BoardVisit, PlannedVisit)>) -> Week {
    let mut week = Week::new(visits);
    week.now = at("2026-11-23T07:10:00Z");
    if let Some(jana) = week.caregivers.get_mut("jana") {
        jana.absences.push(crate::planning::conflicts::Absence {
            from: monday(),
            to: monday(),
            from_time: Some(time("09:00")),
            reason: "nemoc".into(),
        });
    }
    week
}

fn repair_of(week: &Week) -> crate::schedule::Proposal {
    let inputs = week.inputs();
    let mapped = week.mapped();
    let plan = optimiser::optimise(
        &mapped.problem,
        &optimiser::Settings {
            seed: 1,
            budget: optimiser::Budget::Iterations(REPAIR_ITERATIONS),
        },
    );
    assert!(optimiser::check(&mapped.problem, &plan).is_feasible());
    let (request, _) = repair_request(monday(), monday());
    proposal(&request, &inputs, &mapped, &plan, 0.1, Some("jana"))
}

#[test]
fn a_sick_call_during_the_shift_takes_the_rest_of_it() {
    // Jana's visit from 08:00 to 08:45 Prague is under way; she is sick from 09:00.
    let week = jana_sick_from_nine(vec![visit("v1", "c1", &["jana"], "2026-11-23T07:00:00Z")]);
    let shifts = week.mapped().problem.shifts().to_vec();
    assert!(!shifts[0].absent);
    assert_eq!(shifts[0].start, 525, "she finishes the visit she is on");
    assert_eq!(
        (shifts[0].absences[0].start, shifts[0].absences[0].duration),
        (540, 390),
        "from 09:00 to the shift's end at 15:30"
    );
}

#[test]
fn a_repair_moves_the_sick_caregivers_unstarted_visits_and_never_a_started_or_done_one() {
    let mut done = visit("done", "c2", &["jana"], "2026-11-23T06:00:00Z");
    done.0.status = VisitStatus::Done;
    let week = jana_sick_from_nine(vec![
        done,
        visit("started", "c1", &["jana"], "2026-11-23T07:00:00Z"),
        visit("later", "c1", &["jana"], "2026-11-23T09:00:00Z"),
        visit("karels", "c1", &["karel"], "2026-11-23T07:30:00Z"),
    ]);
    let repair = repair_of(&week);
    let moved: Vec<&str> = repair.changes.iter().map(|c| c.visit_id.as_str()).collect();
    assert!(
        !moved.contains(&"done") && !moved.contains(&"started"),
        "{moved:?}"
    );
    let later = repair
        .changes
        .iter()
        .find(|c| c.visit_id == "later")
        .expect("her 10:00 visit goes to Karel");
    assert_eq!(later.to_caregiver_ids, ["karel"]);
    assert_eq!(later.why, "Pečovatel klienta zná (stálost péče).");
    assert_eq!(
        repair.repair.as_ref().map(|r| r.others_changed),
        Some(u32::try_from(moved.iter().filter(|id| **id == "karels").count()).expect("small"))
    );
}

#[test]
fn an_unplaceable_visit_is_listed_with_its_time_and_counted_as_the_list_says() {
    // Karel's shift ends at 12:00: nobody can take Jana's 14:00 visit.
    let week = jana_sick_from_nine(vec![visit("late", "c2", &["jana"], "2026-11-23T13:00:00Z")]);
    let repair = repair_of(&week);
    assert_eq!(repair.unplanned.len(), 1);
    assert_eq!(repair.unplanned[0].starts_at, at("2026-11-23T13:00:00Z"));
    assert!(!repair.unplanned[0].reason.is_empty());
    assert_eq!(repair.proposed.unassigned as usize, repair.unplanned.len());
    assert!(repair.changes.is_empty());
}

#[test]
fn a_sick_call_repairs_its_days_of_the_week_it_starts_in() {
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date");
    let (request, days) = repair_request(friday, friday + chrono::Duration::days(5));
    assert_eq!(request.monday, monday());
    assert_eq!(request.day, None);
    assert_eq!(days.len(), 3, "Friday to Sunday");
    let (one, days) = repair_request(friday, friday);
    assert_eq!((one.day, days.len()), (Some(friday), 1));
}
