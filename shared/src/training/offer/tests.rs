use super::*;

fn course() -> CourseInput {
    CourseInput {
        centre_id: "ivc-usti".into(),
        title: "  Bazální stimulace ".into(),
        minutes: 480,
        target_group: TargetGroup::DirectCare,
        accreditation_number: Some("A2026/0001-PC".into()),
        accreditation_valid_until: Some(NaiveDate::from_ymd_opt(2030, 6, 30).expect("a date")),
        description: "Dvoudenní modul.".into(),
        what_to_bring: "Pohodlné oblečení.".into(),
        in_house: false,
    }
}

fn run() -> RunInput {
    RunInput {
        course_id: "kurz-presun".into(),
        centre_id: "ivc-usti".into(),
        lecturer_id: "user-lektor".into(),
        capacity: 12,
        room: "sál 2".into(),
        enrol_by: "2026-12-10T12:00".into(),
        cancel_by: "2026-12-11T12:00".into(),
        sessions: vec![
            SessionInput {
                starts_at: "2026-12-14T08:00".into(),
                ends_at: "2026-12-14T12:00".into(),
            },
            SessionInput {
                starts_at: "2026-12-15T08:00".into(),
                ends_at: "2026-12-15T12:00".into(),
            },
        ],
    }
}

#[test]
fn a_course_is_trimmed_and_keeps_its_accreditation() {
    let checked = check_course(&course()).expect("valid");
    assert_eq!(checked.title, "Bazální stimulace");
    assert_eq!(
        checked.accreditation_number.as_deref(),
        Some("A2026/0001-PC")
    );
}

#[test]
fn an_accreditation_number_needs_its_validity_and_the_validity_its_number() {
    let mut without_date = course();
    without_date.accreditation_valid_until = None;
    assert_eq!(
        check_course(&without_date).map_err(|e| e.field),
        Err("accreditation_valid_until")
    );
    let mut without_number = course();
    without_number.accreditation_number = Some("  ".into());
    assert_eq!(
        check_course(&without_number).map_err(|e| e.field),
        Err("accreditation_number")
    );
}

#[test]
fn a_course_without_a_title_or_hours_or_an_accredited_in_house_event_is_refused() {
    let mut untitled = course();
    untitled.title = " ".into();
    assert_eq!(check_course(&untitled).map_err(|e| e.field), Err("title"));
    let mut no_hours = course();
    no_hours.minutes = 0;
    assert_eq!(check_course(&no_hours).map_err(|e| e.field), Err("minutes"));
    let mut in_house = course();
    in_house.in_house = true;
    assert_eq!(
        check_course(&in_house).map_err(|e| e.field),
        Err("in_house")
    );
}

#[test]
fn a_run_reads_prague_wall_times_in_winter() {
    let checked = check_run(&run()).expect("valid");
    // 14 December is winter time: Prague is UTC+1.
    assert_eq!(
        checked.sessions[0].0,
        "2026-12-14T07:00:00Z"
            .parse::<DateTime<Utc>>()
            .expect("an instant")
    );
    assert_eq!(checked.sessions.len(), 2);
}

#[test]
fn a_session_that_ends_before_it_starts_or_overlaps_the_previous_one_is_named() {
    let mut backwards = run();
    backwards.sessions[1].ends_at = "2026-12-15T07:00".into();
    let error = check_run(&backwards).expect_err("refused");
    assert_eq!(error.field, "sessions.ends_at");
    assert!(error.message.starts_with("2. setkání"), "{}", error.message);
    let mut overlapping = run();
    overlapping.sessions[1].starts_at = "2026-12-14T11:00".into();
    overlapping.sessions[1].ends_at = "2026-12-14T13:00".into();
    assert_eq!(
        check_run(&overlapping).map_err(|e| e.field),
        Err("sessions.starts_at")
    );
}

#[test]
fn deadlines_close_by_the_first_session_and_a_time_in_the_spring_gap_is_refused() {
    let mut late = run();
    late.enrol_by = "2026-12-14T09:00".into();
    assert_eq!(check_run(&late).map_err(|e| e.field), Err("enrol_by"));
    let mut late_cancel = run();
    late_cancel.cancel_by = "2026-12-15T09:00".into();
    assert_eq!(
        check_run(&late_cancel).map_err(|e| e.field),
        Err("cancel_by")
    );
    let mut gap = run();
    gap.enrol_by = "2026-03-29T02:30".into();
    assert_eq!(check_run(&gap).map_err(|e| e.field), Err("enrol_by"));
}

#[test]
fn a_run_needs_a_capacity_a_room_and_a_session() {
    let mut empty = run();
    empty.capacity = 0;
    assert_eq!(check_run(&empty).map_err(|e| e.field), Err("capacity"));
    let mut roomless = run();
    roomless.room = " ".into();
    assert_eq!(check_run(&roomless).map_err(|e| e.field), Err("room"));
    let mut sessionless = run();
    sessionless.sessions.clear();
    assert_eq!(
        check_run(&sessionless).map_err(|e| e.field),
        Err("sessions")
    );
}
