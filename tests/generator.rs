//! The region generator: counts within the stated bounds, clients on real municipalities of
//! the region spread over the ORP as their 60+ population, every generated record accepted
//! by the care-records rules, an office and contact persons to call, and the same seed
//! writing byte-identical data.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use demo::region::generate;
use demo::sources::municipalities;
use demo::{Demo, Params, Region};
use platform::Database;
use platform::db::in_transaction;
use platform::migrate::ensure_schema;
use platform::sqlx_db::SqlxPool;
use shared::catalogue::TaskUnit;
use shared::identity::Role;
use shared::records::check_record;
use shared::records::sync::{RecordFacts, RecordState, VisitFacts, decide};
use shared::schedule::VisitStatus;

fn now() -> DateTime<Utc> {
    "2026-03-04T15:30:00Z".parse().expect("an instant")
}

/// A region small enough to write in a test, with a whole year of visits.
fn small(seed: u64) -> Params {
    Params {
        seed,
        providers: 16,
        clients: 400,
        ..Params::region(seed)
    }
}

fn count(region: &Region, role: Role) -> usize {
    region.users.iter().filter(|user| user.role == role).count()
}

#[test]
fn the_whole_region_has_39_providers_about_500_caregivers_6000_clients_and_a_year_of_visits() {
    let region = generate(&Params::region(1), now());
    assert_eq!(region.providers.len(), 39);
    assert!(
        (450..=560).contains(&count(&region, Role::Caregiver)),
        "{}",
        count(&region, Role::Caregiver)
    );
    assert_eq!(count(&region, Role::ProviderManager), 39);
    assert_eq!(region.clients.len(), 6000);
    assert_eq!(region.care_plans.len(), 6000);
    assert!(
        region.templates.len() >= 5900,
        "nearly every client has a weekly visit"
    );
    // A family member of one client in ten uses the app.
    assert!(
        (450..=750).contains(&region.family_links.len()),
        "{}",
        region.family_links.len()
    );
    assert_eq!(region.price_lists.len(), 39);
    assert_eq!(region.days.len(), 379, "a year back and two weeks ahead");
    // Absences: a holiday week for most caregivers, sickness for some.
    let away: BTreeSet<&str> = region.absences.iter().map(|a| a.user_id.as_str()).collect();
    assert!(away.len() * 10 >= count(&region, Role::Caregiver) * 8);
    let week: Vec<_> = region.days[..7]
        .iter()
        .map(|date| region.day(*date))
        .collect();
    let visits: usize = week.iter().map(|day| day.visits.len()).sum();
    let records: usize = week.iter().map(|day| day.records.len()).sum();
    assert!(
        (12_000..=20_000).contains(&visits),
        "{visits} visits a week"
    );
    assert!(
        records * 100 >= visits * 90,
        "{records} records of {visits} past visits"
    );
    let cancelled = week
        .iter()
        .flat_map(|d| &d.visits)
        .filter(|v| v.status == "cancelled")
        .count();
    assert!(
        (visits / 100..=visits / 10).contains(&cancelled),
        "{cancelled} cancelled"
    );
    let incidents: usize = week
        .iter()
        .flat_map(|d| &d.records)
        .map(|r| r.input.incidents.len())
        .sum();
    assert!(
        (visits / 200..=visits / 25).contains(&incidents),
        "{incidents} incidents"
    );
    // Two weeks ahead are planned, nothing recorded.
    let ahead = region.day(*region.days.last().expect("days"));
    assert!(ahead.records.is_empty() && ahead.visits.iter().all(|v| v.status == "planned"));
}

#[test]
fn every_provider_has_an_office_to_call_and_every_client_a_contact_person_to_call() {
    let region = generate(&Params::region(2), now());
    for provider in &region.providers {
        let phone = provider.office_phone.as_deref().unwrap_or_default();
        assert!(
            shared::clients::tel_href(phone).is_some_and(|href| href.len() == "tel:+420".len() + 9),
            "{} has no office phone to dial: {phone:?}",
            provider.id
        );
    }
    for client in &region.clients {
        assert!(
            !client.contacts.is_empty(),
            "{} has nobody to call",
            client.id
        );
        for (name, relation, phone) in &client.contacts {
            assert!(!name.is_empty() && !relation.is_empty(), "{}", client.id);
            assert!(
                shared::clients::tel_href(phone)
                    .is_some_and(|href| href.len() == "tel:+420".len() + 9),
                "{}'s contact {name} has no number to dial: {phone:?}",
                client.id
            );
        }
    }
    // A family member in the app is the first person to call about the client.
    for link in &region.family_links {
        let client = region
            .clients
            .iter()
            .find(|c| c.id == link.client_id)
            .expect("client");
        let member = region
            .users
            .iter()
            .find(|u| u.id == link.user_id)
            .expect("user");
        assert_eq!(member.display_name, client.contacts[0].0);
    }
}

#[test]
fn every_price_list_stays_within_the_caps() {
    let region = generate(&Params::region(3), now());
    let caps = demo::sources::payment_caps();
    for list in &region.price_lists {
        let hour_cap = caps
            .iter()
            .filter(|(from, item, _)| item == "hour" && *from <= list.valid_from)
            .max_by(|a, b| a.0.cmp(&b.0))
            .map(|cap| cap.2)
            .expect("an hourly cap");
        assert!(list.hourly_rate <= hour_cap && list.hourly_rate > 0);
        for (task, price) in &list.unit_prices {
            let cap = caps
                .iter()
                .find(|(_, item, _)| item == task)
                .map(|c| c.2)
                .expect("a cap");
            assert!(*price <= cap && *price > 0, "{task}: {price} over {cap}");
        }
    }
}

#[test]
fn clients_spread_over_the_orp_as_their_60_plus_population_within_half_a_point() {
    let region = generate(&Params::region(2), now());
    let towns = municipalities();
    let orp_of: BTreeMap<&str, &str> = towns
        .iter()
        .map(|m| (m.code.as_str(), m.orp_code.as_str()))
        .collect();
    let mut population: BTreeMap<&str, u64> = BTreeMap::new();
    for town in &towns {
        *population.entry(town.orp_code.as_str()).or_default() += town.population_60_plus;
    }
    let total: u64 = population.values().sum();
    let mut clients: BTreeMap<&str, usize> = BTreeMap::new();
    for client in &region.clients {
        *clients
            .entry(orp_of[client.municipality_code.as_str()])
            .or_default() += 1;
    }
    assert_eq!(clients.len(), 16, "every ORP has clients");
    for (orp, people) in &population {
        let expected = *people as f64 / total as f64;
        let actual = clients[orp] as f64 / region.clients.len() as f64;
        assert!(
            (expected - actual).abs() <= 0.005,
            "ORP {orp}: {actual:.4} of clients, {expected:.4} of 60+"
        );
    }
    // Each provider's clients live in its own ORP.
    let provider_orp: BTreeMap<&str, &str> = region
        .providers
        .iter()
        .map(|p| (p.id.as_str(), orp_of[p.municipality_code.as_str()]))
        .collect();
    assert!(
        region
            .clients
            .iter()
            .all(|c| provider_orp[c.provider_id.as_str()] == orp_of[c.municipality_code.as_str()])
    );
}

#[test]
fn every_generated_visit_record_is_accepted_by_the_care_records_rules() {
    let region = generate(&small(4), now());
    let units: BTreeMap<String, TaskUnit> = demo::sources::care_tasks().into_iter().collect();
    let mut checked = 0;
    for date in &region.days {
        let day = region.day(*date);
        for record in &day.records {
            let visit = day
                .visits
                .iter()
                .find(|v| v.id == record.input.visit_id)
                .expect("its visit");
            let parsed = check_record(&record.input, |code| units.get(code).copied(), region.now)
                .unwrap_or_else(|error| panic!("{}: {error:?}", record.input.record_id));
            assert_eq!(
                parsed.record_id, record.input.record_id,
                "ids are lower-case UUIDs"
            );
            assert_eq!(
                record.fingerprint,
                serde_json::to_string(&record.input).expect("json")
            );
            assert!(
                record.received_at <= region.now && record.input.recorded_at <= record.received_at
            );
            let facts = VisitFacts {
                status: VisitStatus::parse(visit.status).expect("a status"),
                starts_at: visit.starts_at,
                caregiver_ids: visit.caregiver_id.iter().cloned().collect(),
            };
            let incoming = RecordFacts {
                record_id: record.input.record_id.clone(),
                caregiver_id: record.caregiver_id.clone(),
                recorded_at: record.input.recorded_at,
                planned_starts_at: record.input.planned_starts_at,
                fingerprint: record.fingerprint.clone(),
                released: false,
            };
            let decision = decide(&facts, &[], &incoming);
            assert_eq!(decision.resolutions.len(), 1);
            assert_eq!(decision.resolutions[0].state, RecordState::Accepted);
            assert!(
                decision.resolutions[0].conflicts.is_empty(),
                "{:?}",
                decision.resolutions[0]
            );
            checked += 1;
        }
    }
    assert!(checked > 30_000, "{checked} records checked");
}

/// Writes `params`' region into a new SQLite file and reads every table back as text, rows
/// sorted. Password hashes are salted at random, so they are left out.
async fn written(params: &Params, file: &std::path::Path) -> BTreeMap<String, String> {
    let pool = SqlxPool::connect(&format!("sqlite://{}", file.display()))
        .await
        .expect("sqlite");
    let db = pool.acquire().await.expect("a connection");
    ensure_schema::<Demo>(&db, false, now())
        .await
        .expect("migrations");
    let region = generate(params, now());
    in_transaction(&db, async || demo::write_region(&db, &region).await)
        .await
        .expect("written");
    let unknown = db
        .query(
            "SELECT c.id FROM clients c LEFT JOIN municipalities m ON m.code = c.municipality_code WHERE m.code IS NULL",
            &[],
        )
        .await
        .expect("query");
    assert!(
        unknown.is_empty(),
        "clients off the region's municipalities: {unknown:?}"
    );
    let uncallable = db
        .query(
            "SELECT c.id FROM clients c JOIN providers p ON p.id = c.provider_id \
             WHERE p.office_phone IS NULL \
                OR NOT EXISTS (SELECT 1 FROM client_contacts k WHERE k.client_id = c.id)",
            &[],
        )
        .await
        .expect("query");
    assert!(
        uncallable.is_empty(),
        "clients whose caregiver has no office or no contact person to call: {uncallable:?}"
    );
    let mut dump = BTreeMap::new();
    for table in [
        "providers",
        "clients",
        "client_contacts",
        "caregiver_profiles",
        "caregiver_shifts",
        "caregiver_skills",
        "caregiver_absences",
        "care_plans",
        "visit_templates",
        "visits",
        "visit_tasks",
        "visit_records",
        "record_tasks",
        "incidents",
        "price_lists",
        "price_list_units",
        "family_links",
    ] {
        let rows = db
            .query(&format!("SELECT * FROM {table}"), &[])
            .await
            .expect("dump");
        let mut lines: Vec<String> = rows.iter().map(|row| format!("{row:?}")).collect();
        lines.sort();
        dump.insert(table.to_owned(), lines.join("\n"));
    }
    let users = db
        .query(
            "SELECT id, username, display_name, role, provider_id FROM users ORDER BY id",
            &[],
        )
        .await
        .expect("users");
    dump.insert("users".into(), format!("{users:?}"));
    drop(db);
    pool.close().await;
    dump
}

#[tokio::test]
async fn the_same_seed_writes_byte_identical_data_and_every_client_on_a_real_municipality() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let params = Params {
        days_before: 30,
        ..small(5)
    };
    let first = written(&params, &folder.path().join("first.db")).await;
    let second = written(&params, &folder.path().join("second.db")).await;
    assert!(
        first["visit_records"].len() > 100_000,
        "the dump holds the records"
    );
    for (table, text) in &first {
        assert!(
            second[table] == *text,
            "{table} differs between two runs of one seed"
        );
    }
    let other = written(
        &Params { seed: 6, ..params },
        &folder.path().join("other.db"),
    )
    .await;
    assert_ne!(
        other["clients"], first["clients"],
        "another seed, another region"
    );
}

#[test]
fn the_demo_is_a_small_region_of_two_providers_and_ten_clients() {
    let region = demo::demo_region(now());
    assert_eq!(region.providers.len(), 2);
    assert_eq!(region.clients.len(), 10);
    let codes: BTreeSet<String> = municipalities().into_iter().map(|m| m.code).collect();
    assert!(
        region
            .clients
            .iter()
            .all(|c| codes.contains(&c.municipality_code))
    );
    let yesterday = region.day(region.days[0]);
    assert_eq!(yesterday.records.len(), 12);
    assert_eq!(
        yesterday
            .records
            .iter()
            .map(|r| r.incident_ids.len())
            .sum::<usize>(),
        2
    );
}
