use super::*;
use shared::reports::Column;

fn territory() -> Table {
    let mut table = Table::new(
        "territory",
        "Síť podle území",
        ["area", "code", "clients", "clients_per_1000", "covered"]
            .map(|key| Column::new(key, key, ColumnKind::Text, ""))
            .to_vec(),
        "",
    );
    table.columns[2].kind = ColumnKind::Count;
    table.columns[3].kind = ColumnKind::Decimal;
    let text = |t: &str| Cell::Text(t.into());
    table.rows = vec![
        vec![
            text("Děčín"),
            text("562335"),
            Cell::Number(40),
            Cell::Number(303),
            text("ano"),
        ],
        vec![
            text("Janská"),
            text("530395"),
            Cell::Suppressed,
            Cell::Suppressed,
            text("ano"),
        ],
        vec![
            text("Doubice"),
            text("530417"),
            Cell::Number(0),
            Cell::Number(0),
            text("ne"),
        ],
    ];
    table
}

fn municipality(code: &str, name: &str, latitude: f64, longitude: f64) -> Municipality {
    Municipality {
        code: code.into(),
        name: name.into(),
        district: "Děčín".into(),
        orp_name: "Děčín".into(),
        latitude,
        longitude,
        population: 1000,
        population_60_plus: 300,
    }
}

#[test]
fn cells_read_in_czech_with_hidden_counts_marked() {
    assert_eq!(czech_hundredths(123_456_789), "1\u{a0}234\u{a0}567,89");
    assert_eq!(
        display_cell(&Cell::Number(769), ColumnKind::Percent),
        "7,69 %"
    );
    assert_eq!(
        display_cell(&Cell::Number(12_500), ColumnKind::Count),
        "12\u{a0}500"
    );
    assert_eq!(
        display_cell(&Cell::Number(-300), ColumnKind::Decimal),
        "−3,00"
    );
    assert_eq!(display_cell(&Cell::Suppressed, ColumnKind::Count), "x");
    assert_eq!(display_cell(&Cell::Empty, ColumnKind::Hours), "–");
}

#[test]
fn report_urls_carry_the_choice_encoded() {
    let query = Query {
        period: "2026-Q1".into(),
        provider: None,
        district: Some("Ústí nad Labem".into()),
    };
    assert_eq!(
        query.url("region", Some("xlsx")),
        "/api/reports/region/xlsx?period=2026-Q1&okres=%C3%9Ast%C3%AD%20nad%20Labem"
    );
    assert!(
        query
            .csv_url("region", "territory")
            .ends_with("&table=territory")
    );
    let manager = Query {
        period: "2026-03".into(),
        ..Query::default()
    };
    assert_eq!(
        manager.url(STATEMENT, None),
        "/api/reports/statement?year=2026"
    );
    assert_eq!(
        manager.csv_url(STATEMENT, "statement"),
        "/api/reports/statement/csv?year=2026&table=statement"
    );
}

#[test]
fn the_map_places_north_up_and_colours_by_the_measure() {
    let municipalities = [
        municipality("562335", "Děčín", 50.77, 14.21),
        municipality("530395", "Janská", 50.80, 14.36),
        municipality("530417", "Doubice", 50.89, 14.46),
    ];
    let (points, height) = map_points(&municipalities, &territory(), MapMeasure::Coverage);
    assert_eq!(points.len(), 3);
    assert!(height > 0.0);
    assert!(points[2].y < points[0].y, "north is up");
    assert!(points[2].x > points[0].x, "east is right");
    assert_eq!(points[0].colour, COVERED.0);
    assert_eq!(
        points[1].colour, COVERED.0,
        "hidden counts are still served"
    );
    assert_eq!(points[2].colour, NOT_COVERED.0);
    assert!(points[0].title.contains("ORP Děčín"));
    let (rates, _) = map_points(&municipalities, &territory(), MapMeasure::ClientsPer1000);
    assert_eq!(
        rates[0].colour, RATE_CLASSES[1].1,
        "3,03 per 1 000: up to 10"
    );
    assert_eq!(rates[1].colour, HIDDEN.0);
    assert_eq!(rates[2].colour, RATE_CLASSES[0].1);
}

#[test]
fn bars_scale_to_the_largest_and_show_hidden_values_as_x() {
    let bars = bars(&territory(), "clients", false);
    assert_eq!(bars.len(), 3);
    assert!((bars[0].share - 1.0).abs() < 1e-9);
    assert_eq!(bars[1].value, "x");
    assert!(bars[1].share.abs() < 1e-9);
}
