//! How long the region report's computation takes for a year of a synthetic full region:
//! 39 providers, 500 caregivers, 3,900 clients, 6 visits a caregiver a working day (about
//! 750,000 visits and records), every municipality. Timed apart: summarising the 468
//! provider-months from their records and visits (what a report does for the months a
//! write touched), their JSON as the store keeps it, and adding the summaries up into the
//! report. The database reads and writes are not included.
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
use shared::reports::summary::{MonthSummary, summarise};
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
    println!("{} visits, {} records", visits.len(), records.len());
    let network = Network {
        municipalities,
        providers,
        parameters: BTreeMap::new(),
    };
    let labels = Labels {
        tasks,
        municipality_names: BTreeMap::new(),
    };
    let year = Period::Year(2026);
    let months = year.months();
    let month_of = |instant| {
        months
            .iter()
            .position(|month| month.bounds().contains(instant))
            .expect("in 2026")
    };
    let mut records_of: BTreeMap<(String, usize), Vec<RecordFacts>> = BTreeMap::new();
    for record in records {
        let key = (record.provider_id.clone(), month_of(record.arrived_at));
        records_of.entry(key).or_default().push(record);
    }
    let mut visits_of: BTreeMap<(String, usize), Vec<VisitFacts>> = BTreeMap::new();
    for visit in visits {
        let key = (visit.provider_id.clone(), month_of(visit.starts_at));
        visits_of.entry(key).or_default().push(visit);
    }
    let started = Instant::now();
    let summaries: Vec<MonthSummary> = network
        .providers
        .iter()
        .flat_map(|(id, _)| (0..months.len()).map(move |index| (id, index)))
        .map(|(id, index)| {
            let key = (id.clone(), index);
            summarise(
                id,
                months[index],
                records_of.get(&key).map_or(&[], Vec::as_slice),
                visits_of.get(&key).map_or(&[], Vec::as_slice),
                &clients,
                &labels.task_order(),
            )
        })
        .collect();
    println!(
        "summarising {} provider-months: {} ms",
        summaries.len(),
        started.elapsed().as_millis()
    );
    let started = Instant::now();
    let kept: Vec<String> = summaries
        .iter()
        .map(|summary| serde_json::to_string(summary).expect("JSON"))
        .collect();
    let written = started.elapsed();
    let started = Instant::now();
    let read: Vec<MonthSummary> = kept
        .iter()
        .map(|text| serde_json::from_str(text).expect("a summary"))
        .collect();
    println!(
        "their JSON ({} kB): written in {} ms, read in {} ms",
        kept.iter().map(String::len).sum::<usize>() / 1000,
        written.as_millis(),
        started.elapsed().as_millis()
    );
    let data = CareData {
        clients,
        months: read,
        staff,
    };
    for _ in 0..3 {
        let data = data.clone();
        let started = Instant::now();
        let report = region_report(&network, data, &labels, year, None);
        println!(
            "adding up the year 2026: {} ms ({} tables)",
            started.elapsed().as_millis(),
            report.tables.len()
        );
    }
}
