//! The day's decisions, natively: states, the next visit, clock changes.

use super::*;
use shared::planning::travel::GeoPoint;
use shared::schedule::VisitStatus;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid instant")
        .with_timezone(&Utc)
}

fn visit(id: &str, client: &str, starts: &str, ends: &str) -> VisitView {
    VisitView {
        id: id.to_owned(),
        client_name: client.to_owned(),
        address: "Husova 12".to_owned(),
        municipality: "Děčín".to_owned(),
        starts_at: utc(starts),
        ends_at: utc(ends),
        status: VisitStatus::Planned,
        tasks: vec!["Pomoc při osobní hygieně".to_owned()],
        doorstep_note: None,
        key_risks: None,
        client_phone: None,
        contacts: Vec::new(),
        location: GeoPoint {
            latitude: 50.772656,
            longitude: 14.212861,
        },
        recorded: None,
    }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
}

#[test]
fn visits_are_sorted_by_start_then_client_then_id() {
    let mut visits = vec![
        visit(
            "c",
            "Zelená",
            "2026-11-23T09:00:00Z",
            "2026-11-23T10:00:00Z",
        ),
        visit(
            "b",
            "Adámek",
            "2026-11-23T09:00:00Z",
            "2026-11-23T09:30:00Z",
        ),
        visit("a", "Novák", "2026-11-23T07:00:00Z", "2026-11-23T08:00:00Z"),
    ];
    sort_visits(&mut visits);
    let ids: Vec<&str> = visits.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn a_day_without_visits_is_the_empty_state_with_its_date() {
    let state = TodayState::from_result(Ok(TodayVisits {
        date: date("2026-11-23"),
        visits: vec![],
        office_phone: None,
    }));
    assert_eq!(
        state,
        TodayState::Empty {
            date: date("2026-11-23")
        }
    );
    assert_eq!(state.date(), Some(date("2026-11-23")));
}

#[test]
fn a_day_with_visits_is_loaded_and_sorted() {
    let state = TodayState::from_result(Ok(TodayVisits {
        date: date("2026-11-23"),
        visits: vec![
            visit("late", "B", "2026-11-23T12:00:00Z", "2026-11-23T13:00:00Z"),
            visit("early", "A", "2026-11-23T06:00:00Z", "2026-11-23T07:00:00Z"),
        ],
        office_phone: None,
    }));
    let TodayState::Loaded(day) = state else {
        panic!("expected loaded, got {state:?}");
    };
    assert_eq!(day.visits[0].id, "early");
}

#[test]
fn a_load_in_any_stage_becomes_the_days_page() {
    assert_eq!(
        TodayState::from_remote(Remote::Loading),
        TodayState::Loading
    );
    let empty = Remote::Loaded(TodayVisits {
        date: date("2026-11-23"),
        visits: vec![],
        office_phone: None,
    });
    assert_eq!(
        TodayState::from_remote(empty),
        TodayState::Empty {
            date: date("2026-11-23")
        }
    );
    let failed = crate::remote::decode_error(503, "").detail();
    assert_eq!(
        TodayState::from_remote(Remote::Failed(failed.clone())),
        TodayState::Failed(failed)
    );
}

#[test]
fn a_failed_request_keeps_the_servers_czech_message() {
    let body = r#"{"error":{"code":"internal","message":"Databáze neodpovídá."}}"#;
    let state = TodayState::from_result(Err(crate::remote::decode_error(500, body)));
    let TodayState::Failed(detail) = state else {
        panic!("expected failed");
    };
    assert_eq!(detail.message, "Databáze neodpovídá.");
}

#[test]
fn a_kept_route_gives_each_of_its_days_to_its_caregiver_only() {
    let date = |text: &str| text.parse::<NaiveDate>().expect("a date");
    let today = visit(
        "visit-1",
        "Marie Dvořáková",
        "2026-11-23T06:00:00Z",
        "2026-11-23T07:00:00Z",
    );
    let mut tomorrow = today.clone();
    tomorrow.id = "visit-2".to_owned();
    // 23:30 UTC on the 23rd is already the 24th in Prague.
    tomorrow.starts_at = utc("2026-11-23T23:30:00Z");
    let kept = KeptRoute {
        user_id: "jana".to_owned(),
        saved_at: utc("2026-11-23T05:00:00Z"),
        route: UpcomingVisits {
            from: date("2026-11-23"),
            to: date("2026-11-29"),
            visits: vec![today, tomorrow],
            office_phone: Some("+420 601 000 001".to_owned()),
        },
    };
    let ids = |day: Option<TodayVisits>| {
        day.expect("covered")
            .visits
            .into_iter()
            .map(|v| v.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(kept.day("jana", date("2026-11-23"))), ["visit-1"]);
    assert_eq!(ids(kept.day("jana", date("2026-11-24"))), ["visit-2"]);
    assert_eq!(
        kept.day("jana", date("2026-11-24"))
            .and_then(|day| day.office_phone)
            .as_deref(),
        Some("+420 601 000 001"),
        "the office's phone is kept with the route"
    );
    assert!(ids(kept.day("jana", date("2026-11-29"))).is_empty());
    assert_eq!(kept.day("jana", date("2026-11-30")), None, "past the route");
    assert_eq!(kept.day("jana", date("2026-11-22")), None, "before it");
    assert_eq!(
        kept.day("petra", date("2026-11-23")),
        None,
        "another user's"
    );
}

fn states(visits: &[VisitView], phone: &[OnPhone], now: &str) -> Vec<(VisitView, RouteState)> {
    visits
        .iter()
        .zip(phone)
        .map(|(visit, phone)| (visit.clone(), visit_state(visit, *phone, utc(now))))
        .collect()
}

#[test]
fn at_half_past_eight_in_the_evening_the_morning_visits_are_missed_and_none_is_next() {
    let visits = [
        visit(
            "a",
            "Ukázková",
            "2026-11-23T06:30:00Z",
            "2026-11-23T07:30:00Z",
        ),
        visit(
            "b",
            "Vzorový",
            "2026-11-23T08:00:00Z",
            "2026-11-23T09:00:00Z",
        ),
    ];
    let day = states(&visits, &[OnPhone::Nothing; 2], "2026-11-23T19:29:00Z");
    assert_eq!(day[0].1, RouteState::Missed);
    assert_eq!(state_badge(day[0].1), ("missed", "Zmeškáno".to_owned()));
    let plan = DayPlan::of(&day);
    assert_eq!(plan.next, None);
    assert_eq!(
        plan.ahead,
        ["a", "b"],
        "missed visits stay in sight, marked"
    );
}

#[test]
fn the_visit_under_way_is_next_then_the_first_to_do_and_done_ones_are_folded() {
    let mut visits = [
        visit("done", "A", "2026-11-23T06:00:00Z", "2026-11-23T06:30:00Z"),
        visit("late", "B", "2026-11-23T07:00:00Z", "2026-11-23T08:00:00Z"),
        visit("later", "C", "2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z"),
    ];
    visits[0].status = VisitStatus::Done;
    let nothing = OnPhone::Nothing;
    let day = states(&visits, &[nothing; 3], "2026-11-23T07:20:00Z");
    assert_eq!(day[1].1, RouteState::Late { minutes: 20 });
    let plan = DayPlan::of(&day);
    assert_eq!(plan.next.as_deref(), Some("late"));
    assert_eq!(plan.ahead, ["later"]);
    assert_eq!(plan.behind, ["done"]);

    let arrived = OnPhone::CheckedIn {
        at: utc("2026-11-23T08:55:00Z"),
    };
    let day = states(
        &visits,
        &[nothing, nothing, arrived],
        "2026-11-23T09:05:00Z",
    );
    let plan = DayPlan::of(&day);
    assert_eq!(
        plan.next.as_deref(),
        Some("later"),
        "the visit she is at leads"
    );
    assert_eq!(
        plan.ahead,
        ["late"],
        "the one she skipped is missed, not lost"
    );
    assert_eq!(day[1].1, RouteState::Missed);
}

#[test]
fn a_record_saved_on_the_phone_makes_its_visit_done_at_once_and_the_server_wins() {
    let mut visit = visit("a", "A", "2026-11-23T06:00:00Z", "2026-11-23T07:00:00Z");
    let now = utc("2026-11-23T06:40:00Z");
    let saved = OnPhone::Recorded { outcome: None };
    assert!(matches!(
        visit_state(&visit, saved, now),
        RouteState::Done { .. }
    ));
    visit.status = VisitStatus::Cancelled;
    assert_eq!(visit_state(&visit, saved, now), RouteState::Cancelled);
    visit.status = VisitStatus::Done;
    let checked_in = OnPhone::CheckedIn {
        at: utc("2026-11-23T06:05:00Z"),
    };
    assert_eq!(
        visit_state(&visit, checked_in, now),
        RouteState::Done { outcome: None },
        "done on another device: no second record"
    );
}

#[test]
fn on_the_night_summer_time_begins_states_and_the_next_visit_follow_real_time() {
    // 29 March 2026: at 2:00 the clocks go to 3:00 in Prague. A night visit 1:00–3:30
    // on the wall lasts 90 real minutes (0:00–1:30 UTC); the next is 4:00–5:00.
    let visits = [
        visit("night", "A", "2026-03-29T00:00:00Z", "2026-03-29T01:30:00Z"),
        visit(
            "morning",
            "B",
            "2026-03-29T02:00:00Z",
            "2026-03-29T03:00:00Z",
        ),
    ];
    let nothing = [OnPhone::Nothing; 2];
    // 3:20 on the wall: 80 real minutes after the start, not 140 by the wall.
    let day = states(&visits, &nothing, "2026-03-29T01:20:00Z");
    assert_eq!(day[0].1, RouteState::Late { minutes: 80 });
    assert_eq!(DayPlan::of(&day).next.as_deref(), Some("night"));
    // 3:35 on the wall: the night visit has ended unrecorded; the morning one is next.
    let day = states(&visits, &nothing, "2026-03-29T01:35:00Z");
    assert_eq!(day[0].1, RouteState::Missed);
    assert_eq!(day[1].1, RouteState::Planned);
    assert_eq!(DayPlan::of(&day).next.as_deref(), Some("morning"));
}

#[test]
fn on_the_night_summer_time_ends_the_repeated_hour_is_counted_once() {
    // 25 October 2026: 3:00 summer time becomes 2:00 winter time. A visit at 2:30 summer
    // time (0:30 UTC) seen at 2:40 winter time (1:40 UTC) is 70 minutes late, not 10.
    let visits = [visit(
        "a",
        "A",
        "2026-10-25T00:30:00Z",
        "2026-10-25T02:00:00Z",
    )];
    let day = states(&visits, &[OnPhone::Nothing], "2026-10-25T01:40:00Z");
    assert_eq!(day[0].1, RouteState::Late { minutes: 70 });
    assert_eq!(DayPlan::of(&day).next.as_deref(), Some("a"));
    let kept = KeptRoute {
        user_id: "jana".to_owned(),
        saved_at: utc("2026-10-24T20:00:00Z"),
        route: UpcomingVisits {
            from: date("2026-10-24"),
            to: date("2026-10-30"),
            visits: visits.to_vec(),
            office_phone: None,
        },
    };
    assert_eq!(
        kept.day("jana", date("2026-10-25"))
            .expect("covered")
            .visits
            .len(),
        1
    );
    assert!(
        kept.day("jana", date("2026-10-24"))
            .expect("covered")
            .visits
            .is_empty()
    );
}
