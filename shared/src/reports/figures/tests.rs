use super::*;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("an RFC 3339 instant")
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn record(client: &str, caregiver: &str, from: &str, to: &str, tasks: &[&str]) -> RecordFacts {
    RecordFacts {
        provider_id: "p".into(),
        client_id: client.into(),
        caregiver_id: caregiver.into(),
        arrived_at: at(from),
        left_at: at(to),
        tasks: tasks.iter().map(|t| t.to_string()).collect(),
    }
}

fn client(id: &str, latitude: f64, levels: &[(&str, Option<u8>)]) -> (String, ClientFacts) {
    let facts = ClientFacts {
        id: id.into(),
        provider_id: "p".into(),
        municipality_code: "562335".into(),
        location: GeoPoint {
            latitude,
            longitude: 14.2,
        },
        birth_date: Some(day("1946-03-20")),
        free_of_charge: id == "free",
        levels: levels
            .iter()
            .map(|(from, level)| LevelChange {
                from: day(from),
                level: *level,
            })
            .collect(),
    };
    (id.into(), facts)
}

fn catalogue() -> Vec<String> {
    ["a1", "b1", "c3", "d1", "d6", "e1"]
        .map(String::from)
        .to_vec()
}

fn march() -> Bounds {
    Period::parse("2026-03").expect("valid").bounds()
}

#[test]
fn a_visit_across_the_months_midnight_counts_its_part_and_splits_by_task() {
    // 31 March 23:00 to 1 April 00:30, Prague summer time: 60 minutes in March.
    let records = [record(
        "c",
        "w",
        "2026-03-31T21:00:00Z",
        "2026-03-31T22:30:00Z",
        &["d1", "a1", "b1"],
    )];
    let care = direct_care(&records, march(), &catalogue());
    assert_eq!(care.total, 3600);
    assert_eq!(care.by_task["a1"], 1200);
    assert_eq!(care.by_task["b1"], 1200);
    assert_eq!(care.by_task["d1"], 1200);
    let april = direct_care(
        &records,
        Period::parse("2026-04").expect("valid").bounds(),
        &catalogue(),
    );
    assert_eq!(april.total, 1800);
    let activities = care.by_activity(|code| code.chars().next());
    assert_eq!(activities[&'a'], 1200);
}

#[test]
fn leftover_seconds_go_to_the_catalogues_first_tasks_so_tasks_add_up() {
    let records = [record(
        "c",
        "w",
        "2026-03-02T08:00:00Z",
        "2026-03-02T08:00:10Z",
        &["d6", "a1", "e1"],
    )];
    let care = direct_care(&records, march(), &catalogue());
    assert_eq!(
        (care.by_task["a1"], care.by_task["d6"], care.by_task["e1"]),
        (4, 3, 3)
    );
    assert_eq!(care.by_task.values().sum::<i64>(), care.total);
}

#[test]
fn the_night_of_the_spring_clock_change_counts_real_time() {
    // 29 March 2026, 00:30 CET to 03:30 CEST: two hours on the clock's three.
    let records = [record(
        "c",
        "w",
        "2026-03-28T23:30:00Z",
        "2026-03-29T01:30:00Z",
        &["a1"],
    )];
    assert_eq!(direct_care(&records, march(), &catalogue()).total, 2 * 3600);
    assert_eq!(hour_hundredths(2 * 3600), 200);
}

#[test]
fn a_client_is_grouped_by_the_level_in_force_at_their_last_record_of_the_period() {
    let clients: BTreeMap<String, ClientFacts> = [
        client(
            "changed",
            50.7,
            &[("2025-06-01", Some(1)), ("2026-03-15", Some(2))],
        ),
        client(
            "before",
            50.7,
            &[("2025-06-01", Some(1)), ("2026-03-15", Some(3))],
        ),
        client("free", 50.7, &[]),
    ]
    .into_iter()
    .collect();
    let records = [
        record(
            "changed",
            "w",
            "2026-03-10T08:00:00Z",
            "2026-03-10T09:00:00Z",
            &["a1"],
        ),
        record(
            "changed",
            "w",
            "2026-03-20T08:00:00Z",
            "2026-03-20T09:00:00Z",
            &["a1"],
        ),
        record(
            "before",
            "w",
            "2026-03-10T10:00:00Z",
            "2026-03-10T11:00:00Z",
            &["a1"],
        ),
        record(
            "free",
            "w",
            "2026-03-11T10:00:00Z",
            "2026-03-11T11:00:00Z",
            &["a1"],
        ),
    ];
    let served = served_clients(&records, march());
    let counts = client_counts(&served, &clients, Period::parse("2026-03").expect("valid"));
    assert_eq!(counts.total, 3);
    assert_eq!(
        counts.by_level,
        [1, 1, 1, 0, 0],
        "none, I (before), II (changed)"
    );
    assert_eq!(counts.free_of_charge, 1);
    // Born 20 March 1946: 80 on 31 March 2026.
    assert_eq!(counts.by_age_band, [0, 0, 3, 0, 0]);
    assert_eq!(counts.by_municipality["562335"], 3);
}

#[test]
fn a_record_ending_at_midnight_dates_the_client_on_the_day_it_ran() {
    let records = [record(
        "c",
        "w",
        "2026-03-14T22:00:00Z",
        "2026-03-14T23:00:00Z",
        &["a1"],
    )];
    assert_eq!(served_clients(&records, march())["c"], day("2026-03-14"));
}

/// Two clients 0.1° apart: 22 minutes' drive (11.12 km × 1.35 at 50 km/h, rounded up to
/// 19 min, + 3 min door to door).
fn near_and_far() -> BTreeMap<String, ClientFacts> {
    [client("near", 50.70, &[]), client("far", 50.80, &[])]
        .into_iter()
        .collect()
}

#[test]
fn travel_is_the_model_estimate_capped_by_the_gap_between_visits() {
    let clients = near_and_far();
    let records = [
        record(
            "near",
            "w",
            "2026-03-02T07:00:00Z",
            "2026-03-02T08:00:00Z",
            &["a1"],
        ),
        // 11.12 km × 1.35 = 15.01 km at 50 km/h = 18.01 min, rounded up to 19, + 3 min door
        // to door = 22 min; the gap is 30.
        record(
            "far",
            "w",
            "2026-03-02T08:30:00Z",
            "2026-03-02T09:00:00Z",
            &["a1"],
        ),
        // Back: the gap is only 10 minutes.
        record(
            "near",
            "w",
            "2026-03-02T09:10:00Z",
            "2026-03-02T10:00:00Z",
            &["a1"],
        ),
        // Another caregiver's day is not joined to this one.
        record(
            "far",
            "other",
            "2026-03-02T10:00:00Z",
            "2026-03-02T11:00:00Z",
            &["a1"],
        ),
    ];
    assert_eq!(
        travel_by_client(&records, &clients, march()),
        [("far".to_owned(), 22 * 60), ("near".to_owned(), 10 * 60)]
            .into_iter()
            .collect()
    );
}

#[test]
fn visits_count_by_planned_start_and_cancelling_role() {
    let visit = |starts: &str, status, cancelled_by, visits| VisitFacts {
        provider_id: "p".into(),
        client_id: "c".into(),
        starts_at: at(starts),
        status,
        cancelled_by,
        visits,
    };
    let visits = [
        visit("2026-03-01T07:00:00Z", VisitStatus::Done, None, 1),
        visit(
            "2026-03-02T07:00:00Z",
            VisitStatus::Cancelled,
            Some(Role::Coordinator),
            2,
        ),
        visit("2026-03-03T07:00:00Z", VisitStatus::Planned, None, 1),
        // 1 April 00:30 summer time is April.
        visit("2026-03-31T22:30:00Z", VisitStatus::Done, None, 1),
    ];
    let counts = visit_counts(&visits, march());
    assert_eq!(
        (counts.scheduled, counts.done, counts.cancelled, counts.open),
        (4, 1, 2, 1)
    );
    assert_eq!(counts.cancelled_by[&Role::Coordinator], 2);
}

#[test]
fn fte_is_contract_hours_over_forty() {
    let member = |role, minutes| StaffFacts {
        provider_id: "p".into(),
        role,
        contract_minutes_per_week: minutes,
    };
    let counts = staff_counts(&[
        member(Role::Caregiver, Some(2400)),
        member(Role::Caregiver, Some(1200)),
        member(Role::Caregiver, None),
        member(Role::ProviderManager, Some(800)),
    ]);
    let caregivers = counts[&Role::Caregiver];
    assert_eq!(
        (
            caregivers.headcount,
            caregivers.fte_hundredths,
            caregivers.without_contract
        ),
        (3, 150, 1)
    );
    assert_eq!(counts[&Role::ProviderManager].fte_hundredths, 33);
    assert_eq!(percent_hundredths(1, 3), 3333);
}

#[test]
fn a_month_summary_holds_each_clients_part_of_the_month_and_the_travel_to_them() {
    use crate::reports::summary::summarise;
    let clients = near_and_far();
    // 22:00–23:00 and 23:30–00:30 Prague time: the second runs into April.
    let records = [
        record(
            "near",
            "w",
            "2026-03-31T20:00:00Z",
            "2026-03-31T21:00:00Z",
            &["a1"],
        ),
        record(
            "far",
            "w",
            "2026-03-31T21:30:00Z",
            "2026-03-31T22:30:00Z",
            &["b1", "a1"],
        ),
    ];
    let visits = [VisitFacts {
        provider_id: "p".into(),
        client_id: "near".into(),
        starts_at: at("2026-03-31T20:00:00Z"),
        status: VisitStatus::Done,
        cancelled_by: None,
        visits: 1,
    }];
    let month = |code: &str| Period::parse(code).expect("a month");
    let march = summarise(
        "p",
        month("2026-03"),
        &records,
        &visits,
        &clients,
        &catalogue(),
    );
    let april = summarise(
        "p",
        month("2026-04"),
        &records,
        &visits,
        &clients,
        &catalogue(),
    );
    let of = |summary: &crate::reports::summary::MonthSummary, id: &str| {
        summary
            .clients
            .iter()
            .find(|client| client.client_id == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} in {:?}", summary.month))
    };
    let (near, far) = (of(&march, "near"), of(&march, "far"));
    assert_eq!(near.care.total, 3600);
    assert_eq!(near.visits.done, 1);
    assert_eq!(near.last_served, Some(day("2026-03-31")));
    assert_eq!(near.travel_seconds, 0, "nobody came before");
    assert_eq!(
        far.care.by_task,
        [("a1".into(), 900), ("b1".into(), 900)].into()
    );
    assert_eq!(far.last_served, Some(day("2026-03-31")));
    // The 22-minute estimate fits in the 30-minute gap; it counts for the client travelled to.
    assert_eq!(far.travel_seconds, 22 * 60);
    assert_eq!(april.clients.len(), 1, "only the visit running into April");
    let far_in_april = of(&april, "far");
    assert_eq!(far_in_april.care.total, 1800);
    assert_eq!(far_in_april.last_served, Some(day("2026-04-01")));
    assert_eq!(
        far_in_april.travel_seconds, 0,
        "the way there counted in March"
    );
    assert_eq!(far_in_april.visits, VisitCounts::default());
}
