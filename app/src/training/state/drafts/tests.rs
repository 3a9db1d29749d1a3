use super::*;

#[test]
fn hours_take_a_decimal_comma_and_come_back_with_one() {
    assert_eq!(minutes_from_hours("4,5", "minutes"), Ok(270));
    assert_eq!(minutes_from_hours(" 8 ", "minutes"), Ok(480));
    assert_eq!(
        minutes_from_hours("čtyři", "minutes").map_err(|e| e.field),
        Err("minutes")
    );
    assert_eq!(hours_field(270), "4,5");
    assert_eq!(hours_field(480), "8");
}

#[test]
fn a_course_draft_names_the_field_a_lecturer_left_wrong() {
    let draft = CourseDraft {
        centre_id: "ivc-usti".into(),
        title: "Bazální stimulace".into(),
        hours: "8".into(),
        target_group: "direct_care".into(),
        accreditation_number: "A2026/0001-PC".into(),
        ..CourseDraft::default()
    };
    assert_eq!(
        draft.input().map_err(|e| e.field),
        Err("accreditation_valid_until")
    );
    let dated = CourseDraft {
        accreditation_valid_until: "2030-06-30".into(),
        ..draft
    };
    assert_eq!(dated.input().map(|c| c.minutes), Ok(480));
}

#[test]
fn a_run_draft_joins_each_days_times_and_checks_them() {
    let mut draft = RunDraft {
        course_id: "kurz-presun".into(),
        centre_id: "ivc-usti".into(),
        lecturer_id: "user-lektor".into(),
        room: "sál 1".into(),
        enrol_by: "2026-12-10T12:00".into(),
        cancel_by: "2026-12-11T12:00".into(),
        sessions: vec![SessionDraft {
            day: "2026-12-14".into(),
            start: "08:00".into(),
            end: "12:00".into(),
        }],
        ..RunDraft::default()
    };
    let input = draft.input().expect("valid");
    assert_eq!(input.sessions[0].starts_at, "2026-12-14T08:00");
    assert_eq!(input.capacity, 12);
    draft.sessions[0].end = "07:00".into();
    assert_eq!(draft.input().map_err(|e| e.field), Err("sessions.ends_at"));
    draft.capacity = "dvanáct".into();
    assert_eq!(draft.input().map_err(|e| e.field), Err("capacity"));
}

#[test]
fn employment_drafts_need_a_start_and_keep_an_open_end() {
    let open = PeriodDraft {
        starts_on: "2020-01-01".into(),
        ..PeriodDraft::default()
    };
    let employments = employments_input(std::slice::from_ref(&open)).expect("valid");
    assert_eq!(employments.periods[0].ends_on, None);
    assert_eq!(period_drafts(&employments), vec![open]);
    assert_eq!(
        employments_input(&[PeriodDraft::default()]).map_err(|e| e.field),
        Err("periods.starts_on")
    );
}
