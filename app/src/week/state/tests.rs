use super::*;
use crate::week::fixtures::*;
use shared::planning::conflicts::{Conflict, HomeDrive, TravelLeg};

/// The Friday before the fixtures' week: every visit is still ahead.
fn before_the_week() -> DateTime<Utc> {
    utc("2026-11-20T12:00:00Z")
}

/// The rows of `day` of `week`, narrowed by `filter`, seen before the week begins.
fn rows_of(week: &WeekBoard, day: NaiveDate, filter: &BoardFilter) -> Vec<BoardRow> {
    board_rows(week, day, filter, before_the_week())
}

#[test]
fn a_day_has_the_unassigned_row_first_then_every_caregiver_by_name() {
    let rows = rows_of(&board(), date("2026-11-23"), &BoardFilter::default());
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Nepřiřazené", "Jana", "Martin"]);
    assert_eq!(rows[0].blocks[0].visit_id, "c");
    assert_eq!(rows[1].blocks.len(), 1, "Tuesday's visit is not on Monday");
}

#[test]
fn a_visit_sits_on_the_timeline_by_its_prague_time() {
    let rows = rows_of(&board(), date("2026-11-23"), &BoardFilter::default());
    let jana = &rows[1].blocks[0];
    // 08:00 is 2 h into a 15 h day; an hour is 1/15 of it.
    assert!((jana.left - 200.0 / 15.0).abs() < 1e-9, "{}", jana.left);
    assert!((jana.width - 100.0 / 15.0).abs() < 1e-9, "{}", jana.width);
    assert_eq!(jana.time, "8:00–9:00");
}

#[test]
fn a_conflict_is_shown_on_its_visit_and_in_its_label() {
    let rows = rows_of(&board(), date("2026-11-23"), &BoardFilter::default());
    let jana = &rows[1].blocks[0];
    assert_eq!(jana.conflicts, ["Mimo směnu."]);
    assert!(
        jana.label().ends_with("konflikt: Mimo směnu."),
        "{}",
        jana.label()
    );
    assert!(rows[2].blocks[0].conflicts.is_empty());
    assert_eq!(day_conflicts(&board(), date("2026-11-23")), ["Mimo směnu."]);
    assert!(day_conflicts(&board(), date("2026-11-24")).is_empty());
}

#[test]
fn the_load_compares_the_week_with_the_contract() {
    let rows = rows_of(&board(), date("2026-11-23"), &BoardFilter::default());
    assert_eq!(rows[1].load, "41 h / 40 h");
    assert!(rows[1].over_contract);
    assert_eq!(rows[2].load, "1 h 30 min");
    assert!(!rows[2].over_contract);
}

#[test]
fn filters_narrow_by_district_caregiver_and_unassigned() {
    let day = date("2026-11-23");
    let decin = BoardFilter {
        district: Some("Děčín".into()),
        ..BoardFilter::default()
    };
    let rows = rows_of(&board(), day, &decin);
    assert_eq!(
        rows.len(),
        2,
        "no unassigned row: Louny's visit is filtered out"
    );
    let martin = BoardFilter {
        caregiver_id: Some("martin".into()),
        ..BoardFilter::default()
    };
    let names: Vec<String> = rows_of(&board(), day, &martin)
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["Nepřiřazené", "Martin"]);
    let unassigned = BoardFilter {
        unassigned_only: true,
        ..BoardFilter::default()
    };
    let rows = rows_of(&board(), day, &unassigned);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].caregiver_id, None);
    assert_eq!(districts(&board()), ["Děčín", "Louny"]);
}

fn block_at(id: &str, left: f64, width: f64) -> Block {
    Block {
        visit_id: id.into(),
        client_name: "Marie Ukázková".into(),
        municipality: "Děčín".into(),
        time: "8:00–9:00".into(),
        left,
        width,
        lane: 0,
        status: VisitStatus::Planned,
        state: BoardState::Planned,
        conflicts: vec![],
    }
}

#[test]
fn overlapping_visits_go_into_lanes_and_a_free_lane_is_reused() {
    let mut blocks = vec![
        block_at("late", 50.0, 10.0),
        block_at("first", 10.0, 20.0),
        block_at("overlap", 20.0, 20.0),
        block_at("after", 30.0, 5.0),
    ];
    assert_eq!(into_lanes(&mut blocks), 2);
    let lanes: Vec<(&str, usize)> = blocks
        .iter()
        .map(|b| (b.visit_id.as_str(), b.lane))
        .collect();
    assert_eq!(
        lanes,
        [("first", 0), ("overlap", 1), ("after", 0), ("late", 0)]
    );
    assert_eq!(into_lanes(&mut []), 1, "an empty row keeps its height");
}

#[test]
fn a_done_visit_says_so_in_words_and_is_not_movable() {
    let done = Block {
        status: VisitStatus::Done,
        state: BoardState::Done,
        ..block_at("done", 10.0, 5.0)
    };
    assert!(done.label().ends_with(", hotovo"), "{}", done.label());
    assert!(!done.movable());
    assert!(block_at("planned", 10.0, 5.0).movable());
    assert_eq!(block_at("planned", 10.0, 5.0).state_word(), None);
}

#[test]
fn a_drop_lands_on_the_nearest_quarter_hour_inside_the_day() {
    assert_eq!(time_at(0.0), "06:00");
    assert_eq!(time_at(0.5), "13:30");
    assert_eq!(time_at(0.51), "13:45");
    assert_eq!(time_at(1.0), "20:45");
    assert_eq!(time_at(-3.0), "06:00");
}

#[test]
fn the_board_opens_on_today_within_its_week_else_on_monday() {
    let monday = date("2026-11-23");
    assert_eq!(initial_day(monday, date("2026-11-26")), date("2026-11-26"));
    assert_eq!(initial_day(monday, date("2026-12-01")), monday);
    assert_eq!(day_tab_label(monday), "Po 23. 11.");
    assert_eq!(week_days(monday).len(), 7);
}

#[test]
fn the_now_line_stands_at_the_clock_on_today_only() {
    let monday = date("2026-11-23");
    // 13:30 in Prague is 7½ h into the 15 h timeline: half way.
    assert_eq!(
        now_position(monday, utc("2026-11-23T12:30:00Z")),
        Some(50.0)
    );
    let quarter_later =
        now_position(monday, utc("2026-11-23T12:45:00Z")).expect("still on the timeline");
    assert!(
        (quarter_later - 465.0 / 9.0).abs() < 1e-9,
        "it moves with the clock: {quarter_later}"
    );
    assert_eq!(
        now_position(date("2026-11-24"), utc("2026-11-23T12:30:00Z")),
        None,
        "not on another day"
    );
    assert_eq!(
        now_position(date("2026-11-30"), utc("2026-11-23T12:30:00Z")),
        None,
        "nor in another week"
    );
    assert_eq!(
        now_position(monday, utc("2026-11-23T04:30:00Z")),
        None,
        "5:30 is before the timeline"
    );
    assert_eq!(
        now_position(monday, utc("2026-11-23T20:30:00Z")),
        None,
        "21:30 is after it"
    );
}

#[test]
fn a_visit_reads_planned_in_progress_not_started_missed_done_or_cancelled_by_the_clock() {
    // 8:00–9:00 in Prague, nothing recorded.
    let eight = visit("a", &["jana"], "2026-11-23T07:00:00Z", 60, "Děčín");
    let at = |instant: &str| BoardState::of(&eight, utc(instant));
    assert_eq!(at("2026-11-23T06:30:00Z"), BoardState::Planned);
    assert_eq!(at("2026-11-23T07:05:00Z"), BoardState::InProgress);
    assert_eq!(at("2026-11-23T07:20:00Z"), BoardState::NotStarted);
    assert_eq!(at("2026-11-23T08:30:00Z"), BoardState::Missed);
    let done = BoardVisit {
        status: VisitStatus::Done,
        ..eight.clone()
    };
    assert_eq!(
        BoardState::of(&done, utc("2026-11-23T08:30:00Z")),
        BoardState::Done
    );
    let cancelled = BoardVisit {
        status: VisitStatus::Cancelled,
        ..eight.clone()
    };
    assert_eq!(
        BoardState::of(&cancelled, utc("2026-11-23T08:30:00Z")),
        BoardState::Cancelled
    );
    let words: Vec<Option<&str>> = [
        BoardState::Planned,
        BoardState::InProgress,
        BoardState::NotStarted,
        BoardState::Missed,
        BoardState::Done,
        BoardState::Cancelled,
    ]
    .into_iter()
    .map(BoardState::word)
    .collect();
    assert_eq!(
        words,
        [
            None,
            Some("probíhá"),
            Some("nezahájeno"),
            Some("zmeškáno"),
            Some("hotovo"),
            Some("zrušeno")
        ]
    );
}

#[test]
fn the_board_says_in_words_where_each_visit_stands_at_its_clock() {
    let rows = board_rows(
        &board(),
        date("2026-11-23"),
        &BoardFilter::default(),
        utc("2026-11-23T07:05:00Z"),
    );
    let jana = &rows[1].blocks[0];
    assert_eq!(jana.state, BoardState::InProgress);
    assert!(
        jana.label().contains(", probíhá, konflikt"),
        "{}",
        jana.label()
    );
    assert_eq!(
        rows[2].blocks[0].state,
        BoardState::Planned,
        "Martin's 8:30"
    );
}

/// Jana's Monday: 8:00–9:00, 9:10–9:40 across town, 12:00–12:30, and Tuesday's 8:00.
fn janas_drives() -> WeekBoard {
    let mut week = board();
    week.visits.extend([
        visit("e", &["jana"], "2026-11-23T08:10:00Z", 30, "Děčín"),
        visit("f", &["jana"], "2026-11-23T11:00:00Z", 30, "Louny"),
    ]);
    let leg = |from: &str, to: &str, minutes| TravelLeg {
        caregiver_id: "jana".into(),
        from_visit_id: from.into(),
        to_visit_id: to.into(),
        minutes,
    };
    week.travel = vec![leg("a", "e", 12), leg("e", "f", 25), leg("f", "d", 0)];
    week.conflicts.push(Conflict {
        visit_id: "e".into(),
        caregiver_id: Some("jana".into()),
        kind: ConflictKind::TravelInfeasible {
            from_visit_id: "a".into(),
            needed_minutes: 12,
            available_minutes: 10,
        },
        message: "Jana nestihne přejezd: potřebuje 12 min, má 10 min.".into(),
    });
    week
}

#[test]
fn a_drive_is_drawn_between_two_visits_and_marked_when_the_gap_is_too_short() {
    let rows = rows_of(&janas_drives(), date("2026-11-23"), &BoardFilter::default());
    let drives = &rows[1].travel;
    let labels: Vec<String> = drives.iter().map(TravelGap::label).collect();
    assert_eq!(labels, ["cesta 12 min, chybí 2 min", "cesta 25 min"]);
    // 9:00 is 3 h into the 15 h timeline; the ten minutes to 9:10 are 1/90 of it.
    assert!((drives[0].left - 20.0).abs() < 1e-9, "{}", drives[0].left);
    assert!(
        (drives[0].width - 100.0 / 90.0).abs() < 1e-9,
        "{}",
        drives[0].width
    );
    assert_eq!(drives[0].short_by, Some(2));
    assert_eq!(drives[1].short_by, None);
    assert!(rows[2].travel.is_empty(), "Martin has one visit");
    assert!(
        rows[0].travel.is_empty(),
        "nobody drives the unassigned row"
    );
}

#[test]
fn a_drive_to_a_visit_filtered_out_or_on_another_day_is_not_drawn() {
    let decin = BoardFilter {
        district: Some("Děčín".into()),
        ..BoardFilter::default()
    };
    let rows = rows_of(&janas_drives(), date("2026-11-23"), &decin);
    let labels: Vec<String> = rows[0].travel.iter().map(TravelGap::label).collect();
    assert_eq!(
        labels,
        ["cesta 12 min, chybí 2 min"],
        "the visit in Louny is filtered out"
    );
    let tuesday = rows_of(&janas_drives(), date("2026-11-24"), &BoardFilter::default());
    assert!(tuesday[0].travel.is_empty(), "{:?}", tuesday[0].travel);
}

#[test]
fn the_drive_from_home_ends_at_the_first_visit_and_the_drive_home_starts_at_the_last() {
    let mut week = janas_drives();
    let drive = |visit: &str, way, minutes| HomeDrive {
        caregiver_id: "jana".into(),
        visit_id: visit.into(),
        way,
        minutes,
    };
    week.home_drives = vec![
        drive("a", HomeWay::Out, 30),
        drive("f", HomeWay::Back, 45),
        drive("d", HomeWay::Out, 0),
    ];
    let rows = rows_of(&week, date("2026-11-23"), &BoardFilter::default());
    let drives = &rows[1].travel;
    let labels: Vec<String> = drives.iter().map(TravelGap::label).collect();
    assert_eq!(
        labels,
        [
            "cesta 12 min, chybí 2 min",
            "cesta 25 min",
            "z domova 30 min",
            "domů 45 min"
        ]
    );
    // Out at 7:30 to be at 8:00 (2 h into the 15 h day); home from 12:30 for 45 minutes.
    let (out, home) = (&drives[2], &drives[3]);
    assert_eq!((out.drive, home.drive), (Drive::FromHome, Drive::Home));
    assert!((out.left - 150.0 / 15.0).abs() < 1e-9, "{}", out.left);
    assert!((out.width - 50.0 / 15.0).abs() < 1e-9, "{}", out.width);
    assert!((home.left - 650.0 / 15.0).abs() < 1e-9, "{}", home.left);
    assert!((home.width - 75.0 / 15.0).abs() < 1e-9, "{}", home.width);
    assert!(
        rows[2].travel.is_empty(),
        "Martin has no home base, so no drive from home"
    );
    let tuesday = rows_of(&week, date("2026-11-24"), &BoardFilter::default());
    assert!(
        tuesday[0].travel.is_empty(),
        "a drive of no minutes is not drawn: {:?}",
        tuesday[0].travel
    );
}
