//! How long the region report's computation takes for a year of a synthetic full region:
//! 39 providers, 500 caregivers, 3,900 clients, 6 visits a caregiver a working day (about
//! 750,000 visits and records), every municipality. The database reads are not included.
//!
//! `cargo run --release -p shared --example region_report_bench`

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use shared::catalogue::{CareTask, Municipality, TaskUnit};
use shared::identity::Role;
use shared::planning::travel::GeoPoint;
use shared::reports::Period;
use shared::reports::figures::{ClientFacts, LevelChange, RecordFacts, StaffFacts, VisitFacts};
use shared::reports::provider::{CareData, Labels};
use shared::reports::region::{Network, region_report};
use shared::schedule::VisitStatus;
use shared::time::prague_day_bounds;

fn main() {
    let municipalities: Vec<Municipality> = (0..354)
        .map(|i| Municipality {
            code: format!("{}", 500_000 + i),
            name: format!("Obec {i}"),
            district: format!("Okres {}", i % 7),
            orp_name: format!("ORP {}", i % 16),
            latitude: 50.2 + f64::from(i % 19) * 0.045,
            longitude: 13.2 + f64::from(i / 19) * 0.09,
            population: 1000 + i64::from(i) * 37,
            population_60_plus: 300 + i64::from(i) * 9,
        })
        .collect();
    let providers: Vec<(String, String)> = (0..39)
        .map(|p| (format!("p{p}"), format!("Poskytovatel {p}")))
        .collect();
    let mut clients = BTreeMap::new();
    for c in 0..3900 {
        let m = &municipalities[c * 7 % 354];
        let id = format!("c{c}");
        clients.insert(
            id.clone(),
            ClientFacts {
                id,
                provider_id: format!("p{}", c % 39),
                municipality_code: m.code.clone(),
                location: GeoPoint {
                    latitude: m.latitude + 0.001 * (c % 10) as f64,
                    longitude: m.longitude,
                },
                birth_date: NaiveDate::from_ymd_opt(1930 + (c % 50) as i32, 5, 1),
                free_of_charge: c % 40 == 0,
                levels: vec![LevelChange {
                    from: NaiveDate::MIN,
                    level: Some((c % 4 + 1) as u8),
                }],
            },
        );
    }
    let tasks: Vec<CareTask> = ["a1", "b1", "c3", "d1", "d6", "e1"]
        .iter()
        .map(|code| CareTask {
            code: (*code).into(),
            activity: code[..1].into(),
            name: (*code).into(),
            unit: TaskUnit::Hour,
        })
        .collect();
    let (mut visits, mut records) = (Vec::new(), Vec::new());
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    while day.year() == 2026 {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            let start = prague_day_bounds(day).0 + Duration::hours(7);
            for caregiver in 0..500 {
                for slot in 0..6 {
                    let client = (caregiver * 6 + slot + day.ordinal() as usize) % 3900;
                    let arrived = start + Duration::minutes(75 * slot as i64);
                    let provider = format!("p{}", client % 39);
                    visits.push(VisitFacts {
                        provider_id: provider.clone(),
                        client_id: format!("c{client}"),
                        starts_at: arrived,
                        status: VisitStatus::Done,
                        cancelled_by: None,
                        visits: 1,
                    });
                    records.push(RecordFacts {
                        provider_id: provider,
                        client_id: format!("c{client}"),
                        caregiver_id: format!("w{caregiver}"),
                        arrived_at: arrived,
                        left_at: arrived + Duration::minutes(50),
                        tasks: vec![
                            tasks[slot % 6].code.clone(),
                            tasks[(slot + 2) % 6].code.clone(),
                        ],
                    });
                }
            }
        }
        day += Duration::days(1);
    }
    let staff = (0..500)
        .map(|w| StaffFacts {
            provider_id: format!("p{}", w % 39),
            role: Role::Caregiver,
            contract_minutes_per_week: Some(2400),
        })
        .collect();
    let data = CareData {
        clients,
        visits,
        records,
        staff,
    };
    let network = Network {
        municipalities,
        providers,
        parameters: BTreeMap::new(),
    };
    let labels = Labels {
        tasks,
        municipality_names: BTreeMap::new(),
    };
    println!(
        "{} visits, {} records",
        data.visits.len(),
        data.records.len()
    );
    for _ in 0..3 {
        let data = data.clone();
        let started = Instant::now();
        let report = region_report(&network, data, &labels, Period::Year(2026), None);
        println!(
            "region report for 2026: {} ms ({} tables)",
            started.elapsed().as_millis(),
            report.tables.len()
        );
    }
}
