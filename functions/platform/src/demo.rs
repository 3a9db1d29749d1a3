//! Synthetic demo data on real municipalities of the region: two providers, their staff,
//! clients and a fortnight of visits around the day the database was created. No real
//! person's data: names are invented, streets are invented.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use shared::identity::Role;
use shared::time::{from_prague, prague_date};

use crate::auth::hash_password;
use crate::db::{Database, DbError};
use crate::timestamp;

/// The password of every demo account (README lists the accounts).
pub const DEMO_PASSWORD: &str = "demo1234";

struct DemoProvider {
    id: &'static str,
    name: &'static str,
    municipality: &'static str,
}

const PROVIDERS: [DemoProvider; 2] = [
    DemoProvider {
        id: "prov-decin",
        name: "Pečovatelská služba Děčín (demo)",
        municipality: "562335",
    },
    DemoProvider {
        id: "prov-louny",
        name: "Charita Louny – pečovatelská služba (demo)",
        municipality: "565971",
    },
];

/// username, display name, role, provider
const USERS: [(&str, &str, Role, Option<&str>); 11] = [
    (
        "vedouci.decin",
        "Alena Vedoucí",
        Role::ProviderManager,
        Some("prov-decin"),
    ),
    (
        "koordinator.decin",
        "Petr Koordinátor",
        Role::Coordinator,
        Some("prov-decin"),
    ),
    (
        "pecovatelka.decin",
        "Jana Pečovatelka",
        Role::Caregiver,
        Some("prov-decin"),
    ),
    (
        "pecovatel.decin",
        "Martin Pečovatel",
        Role::Caregiver,
        Some("prov-decin"),
    ),
    (
        "vedouci.louny",
        "Eva Vedoucí",
        Role::ProviderManager,
        Some("prov-louny"),
    ),
    (
        "pecovatelka.louny",
        "Lucie Pečovatelka",
        Role::Caregiver,
        Some("prov-louny"),
    ),
    ("kraj", "Krajský Referent", Role::RegionOfficer, None),
    ("analytik", "Datový Analytik", Role::DataAnalyst, None),
    ("lektor", "Lektor IVC", Role::Lecturer, None),
    ("rodina.decin", "Dcera Ukázková", Role::FamilyMember, None),
    ("rodina.louny", "Syn Vzorový", Role::FamilyMember, None),
];

/// family member, client
const FAMILY_LINKS: [(&str, &str, &str); 2] = [
    ("rodina.decin", "cl-d1", "koordinator.decin"),
    ("rodina.louny", "cl-l2", "vedouci.louny"),
];

/// Every caregiver works every day, 07:00–15:30 (weekday 1 = Monday … 7 = Sunday): the demo
/// route runs at weekends too.
const SHIFT: (&str, &str) = ("07:00", "15:30");

/// caregiver, skills, contract minutes a week
const CAREGIVERS: [(&str, &[&str], i64); 3] = [
    ("pecovatelka.decin", &["přesun", "koupel"], 40 * 60),
    ("pecovatel.decin", &["přesun", "řidič"], 30 * 60),
    ("pecovatelka.louny", &["koupel"], 40 * 60),
];

/// A care plan's weekly visit the planner generates into the week.
struct DemoTemplate {
    id: &'static str,
    provider: &'static str,
    client: &'static str,
    weekdays: &'static str,
    window: (&'static str, &'static str),
    minutes: i64,
    task: &'static str,
    preferred: Option<&'static str>,
}

const TEMPLATES: [DemoTemplate; 2] = [
    // A big clean for František Testovací every Wednesday, by his usual caregiver.
    DemoTemplate {
        id: "tpl-cl-d6-uklid",
        provider: "prov-decin",
        client: "cl-d6",
        weekdays: "3",
        window: ("13:00", "14:00"),
        minutes: 90,
        task: "d3",
        preferred: Some("pecovatel.decin"),
    },
    // A large shopping trip for Zdeňka Příkladová on Fridays, not yet given to anyone.
    DemoTemplate {
        id: "tpl-cl-l3-nakup",
        provider: "prov-louny",
        client: "cl-l3",
        weekdays: "5",
        window: ("14:00", "15:00"),
        minutes: 60,
        task: "d7",
        preferred: None,
    },
];

/// A training day of a caregiver, three weeks after the demo starts: after the demo's
/// visits, so the plan stays free of conflicts.
const ABSENCE: (&str, &str, i64, &str) = ("absence-demo-decin", "pecovatel.decin", 21, "školení");

/// The care plan of Marie Ukázková: goals and the tasks agreed with her.
const CARE_PLAN: (&str, &str, &str, &str) = (
    "plan-cl-d1-1",
    "cl-d1",
    "Paní Ukázková chce zůstat doma. Ranní hygiena a oblékání s dopomocí, oběd dovezený \
     v poledne; dcera zajišťuje nákupy.",
    "a2,b1,c2",
);

/// lecturer, training centre
const LECTURERS: [(&str, &str); 1] = [("lektor", "ivc-usti")];

/// id, provider, name, street, municipality, care allowance level, doorstep note
type DemoClient = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    Option<&'static str>,
);

const CLIENTS: [DemoClient; 10] = [
    (
        "cl-d1",
        "prov-decin",
        "Marie Ukázková",
        "Zahradní 12",
        "562335",
        Some(2),
        Some("Klíč v klíčence u dveří, kód 1945."),
    ),
    (
        "cl-d2",
        "prov-decin",
        "Josef Vzorový",
        "Lipová 3",
        "562351",
        Some(3),
        None,
    ),
    (
        "cl-d3",
        "prov-decin",
        "Anna Příkladová",
        "Náměstí 48",
        "562394",
        Some(1),
        Some("Pozor na psa, zvonit dvakrát."),
    ),
    (
        "cl-d4",
        "prov-decin",
        "Karel Zkušební",
        "Polní 7",
        "562564",
        Some(4),
        None,
    ),
    (
        "cl-d5",
        "prov-decin",
        "Věra Modelová",
        "Krátká 150",
        "546496",
        Some(2),
        None,
    ),
    (
        "cl-d6",
        "prov-decin",
        "František Testovací",
        "Horní 22",
        "562521",
        None,
        Some("Bydlí ve 2. patře bez výtahu."),
    ),
    (
        "cl-l1",
        "prov-louny",
        "Ludmila Ukázková",
        "Husova 5",
        "565971",
        Some(3),
        None,
    ),
    (
        "cl-l2",
        "prov-louny",
        "Jiří Vzorový",
        "Nádražní 18",
        "566624",
        Some(2),
        Some("Vchod ze dvora."),
    ),
    (
        "cl-l3",
        "prov-louny",
        "Zdeňka Příkladová",
        "Pod Lesem 4",
        "566551",
        Some(1),
        None,
    ),
    (
        "cl-l4",
        "prov-louny",
        "Václav Modelový",
        "Školní 9",
        "542571",
        Some(2),
        None,
    ),
];

/// One visit of a caregiver's daily route.
struct RouteStop {
    caregiver: &'static str,
    client: &'static str,
    /// Prague wall time.
    start: (u32, u32),
    minutes: i64,
    tasks: &'static [&'static str],
}

const fn stop(
    caregiver: &'static str,
    client: &'static str,
    start: (u32, u32),
    minutes: i64,
    tasks: &'static [&'static str],
) -> RouteStop {
    RouteStop {
        caregiver,
        client,
        start,
        minutes,
        tasks,
    }
}

const DAILY_ROUTES: [RouteStop; 12] = [
    stop("pecovatelka.decin", "cl-d1", (7, 30), 60, &["b1", "a2"]),
    stop("pecovatelka.decin", "cl-d2", (9, 0), 45, &["a4", "b1"]),
    stop("pecovatelka.decin", "cl-d3", (10, 15), 60, &["d1", "d6"]),
    stop("pecovatelka.decin", "cl-d1", (11, 45), 20, &["c2"]),
    stop("pecovatelka.decin", "cl-d5", (13, 0), 45, &["c4", "a1"]),
    stop("pecovatel.decin", "cl-d4", (7, 0), 90, &["b1", "a4", "a2"]),
    stop("pecovatel.decin", "cl-d6", (9, 0), 60, &["d5", "d4"]),
    stop("pecovatel.decin", "cl-d4", (12, 0), 30, &["c4"]),
    stop("pecovatelka.louny", "cl-l1", (7, 30), 60, &["b1", "b2"]),
    stop("pecovatelka.louny", "cl-l2", (9, 0), 45, &["d6"]),
    stop("pecovatelka.louny", "cl-l3", (10, 30), 60, &["e1"]),
    stop("pecovatelka.louny", "cl-l4", (12, 0), 20, &["c2"]),
];

const TRAINING_CENTRES: [(&str, &str, &str); 2] = [
    ("ivc-usti", "IVC Ústí nad Labem (demo)", "554804"),
    ("ivc-most", "IVC Most (demo)", "567027"),
];

/// The provider of a demo client, from the table above.
fn client_provider(client: &str) -> Result<&'static str, DbError> {
    CLIENTS
        .iter()
        .find(|(id, ..)| *id == client)
        .map(|(_, provider, ..)| *provider)
        .ok_or_else(|| DbError::Statement(format!("demo client {client} missing")))
}

fn user_id(username: &str) -> String {
    format!("user-{username}")
}

/// Seeds the demo into a freshly migrated database, inside the migration's transaction.
pub async fn seed(db: &impl Database, now: DateTime<Utc>) -> Result<(), DbError> {
    let created_at = timestamp::format(now);
    for provider in &PROVIDERS {
        db.execute(
            "INSERT INTO providers (id, name, municipality_code, created_at) VALUES ($1, $2, $3, $4)",
            &[provider.id.into(), provider.name.into(), provider.municipality.into(), created_at.clone().into()],
        )
        .await?;
    }
    // One hash serves every demo account: they share the documented password.
    let password_hash = hash_password(DEMO_PASSWORD);
    for (username, display_name, role, provider) in USERS {
        db.execute(
            "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, active, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
            &[
                user_id(username).into(),
                username.into(),
                display_name.into(),
                password_hash.clone().into(),
                role.as_str().into(),
                provider.into(),
                created_at.clone().into(),
            ],
        )
        .await?;
    }
    for (id, provider, name, street, municipality, level, note) in CLIENTS {
        let centre = db
            .query_one(
                "SELECT latitude, longitude FROM municipalities WHERE code = $1",
                &[municipality.into()],
            )
            .await?
            .ok_or_else(|| DbError::Statement(format!("municipality {municipality} missing")))?;
        // Each client lives a little off the municipality's centre point.
        let offset = (id.bytes().map(f64::from).sum::<f64>() % 17.0 - 8.0) / 1000.0;
        db.execute(
            "INSERT INTO clients (id, provider_id, name, street, municipality_code, latitude, longitude, \
                                  care_allowance_level, doorstep_note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                id.into(),
                provider.into(),
                name.into(),
                street.into(),
                municipality.into(),
                (centre.real("latitude")? + offset).into(),
                (centre.real("longitude")? - offset).into(),
                level.into(),
                note.into(),
                created_at.clone().into(),
            ],
        )
        .await?;
    }
    seed_visits(db, now, &created_at).await?;
    seed_records(db, now).await?;
    for (id, name, municipality) in TRAINING_CENTRES {
        db.execute(
            "INSERT INTO training_centres (id, name, municipality_code, created_at) VALUES ($1, $2, $3, $4)",
            &[id.into(), name.into(), municipality.into(), created_at.clone().into()],
        )
        .await?;
    }
    for (username, client, invited_by) in FAMILY_LINKS {
        db.execute(
            "INSERT INTO family_links (id, user_id, client_id, provider_id, created_by, created_at) \
             SELECT $1, $2, id, provider_id, $3, $4 FROM clients WHERE id = $5",
            &[
                format!("link-{username}-{client}").into(),
                user_id(username).into(),
                user_id(invited_by).into(),
                created_at.clone().into(),
                client.into(),
            ],
        )
        .await?;
    }
    for (username, centre) in LECTURERS {
        db.execute(
            "INSERT INTO training_centre_lecturers (centre_id, user_id) VALUES ($1, $2)",
            &[centre.into(), user_id(username).into()],
        )
        .await?;
    }
    for (username, skills, contract_minutes) in CAREGIVERS {
        db.execute(
            "INSERT INTO caregiver_profiles (user_id, contract_minutes_per_week) VALUES ($1, $2)",
            &[user_id(username).into(), contract_minutes.into()],
        )
        .await?;
        for weekday in 1..=7_i64 {
            db.execute(
                "INSERT INTO caregiver_shifts (user_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4)",
                &[user_id(username).into(), weekday.into(), SHIFT.0.into(), SHIFT.1.into()],
            )
            .await?;
        }
        for skill in skills {
            db.execute(
                "INSERT INTO caregiver_skills (user_id, skill) VALUES ($1, $2)",
                &[user_id(username).into(), (*skill).into()],
            )
            .await?;
        }
    }
    for template in &TEMPLATES {
        db.execute(
            "INSERT INTO visit_templates (id, provider_id, client_id, weekdays, window_start, window_end, \
                                          duration_minutes, tasks, required_skills, caregivers_needed, \
                                          preferred_caregiver_id, valid_from) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', 1, $9, $10)",
            &[
                template.id.into(),
                template.provider.into(),
                template.client.into(),
                template.weekdays.into(),
                template.window.0.into(),
                template.window.1.into(),
                template.minutes.into(),
                template.task.into(),
                template.preferred.map(user_id).into(),
                (prague_date(now) - Duration::days(30)).to_string().into(),
            ],
        )
        .await?;
    }
    let (absence_id, caregiver, days_ahead, reason) = ABSENCE;
    let absent_on = (prague_date(now) + Duration::days(days_ahead)).to_string();
    db.execute(
        "INSERT INTO caregiver_absences (id, user_id, from_date, to_date, reason) VALUES ($1, $2, $3, $3, $4)",
        &[absence_id.into(), user_id(caregiver).into(), absent_on.into(), reason.into()],
    )
    .await?;
    let (plan_id, client, goals, tasks) = CARE_PLAN;
    db.execute(
        "INSERT INTO care_plans (id, provider_id, client_id, version, goals, agreed_tasks, valid_from, \
                                 created_by, created_at) \
         VALUES ($1, 'prov-decin', $2, 1, $3, $4, $5, $6, $7)",
        &[
            plan_id.into(),
            client.into(),
            goals.into(),
            tasks.into(),
            (prague_date(now) - Duration::days(30)).to_string().into(),
            user_id("koordinator.decin").into(),
            created_at.clone().into(),
        ],
    )
    .await?;
    db.execute(
        "UPDATE clients SET internal_note = $1 WHERE id = $2",
        &[
            "Dcera žádá volat jen po 16. hodině (interní poznámka).".into(),
            "cl-d1".into(),
        ],
    )
    .await?;
    Ok(())
}

/// The same weekday route from yesterday to thirteen days ahead, so "today" has visits for
/// two weeks after the demo starts.
async fn seed_visits(
    db: &impl Database,
    now: DateTime<Utc>,
    created_at: &str,
) -> Result<(), DbError> {
    let today = prague_date(now);
    for day_offset in -1..14 {
        let day = today + Duration::days(day_offset);
        for (index, stop) in DAILY_ROUTES.iter().enumerate() {
            let (hour, minute) = stop.start;
            let start_time = NaiveTime::from_hms_opt(hour, minute, 0).expect("valid route time");
            // Route times lie between 07:00 and 14:00: never in a daylight-saving gap.
            let starts_at = from_prague(day.and_time(start_time))
                .map_err(|e| DbError::Statement(e.to_string()))?;
            let ends_at = starts_at + Duration::minutes(stop.minutes);
            let visit_id = format!("visit-{day}-{index:02}");
            let status = if day_offset < 0 { "done" } else { "planned" };
            let provider = client_provider(stop.client)?;
            db.execute(
                "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    visit_id.clone().into(),
                    provider.into(),
                    stop.client.into(),
                    user_id(stop.caregiver).into(),
                    timestamp::format(starts_at).into(),
                    timestamp::format(ends_at).into(),
                    status.into(),
                    created_at.into(),
                ],
            )
            .await?;
            for task in stop.tasks {
                db.execute(
                    "INSERT INTO visit_tasks (visit_id, task_code) VALUES ($1, $2)",
                    &[visit_id.clone().into(), (*task).into()],
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// provider, manager who saved it, haléře per hour; unit prices are the caps'.
const PRICE_LISTS: [(&str, &str, i64); 2] = [
    ("prov-decin", "vedouci.decin", 16500),
    ("prov-louny", "vedouci.louny", 15000),
];

/// Yesterday's visits, done, have records as the caregivers' phones sent them; two carry an
/// incident for the coordinators. Both providers have a price list within the caps.
async fn seed_records(db: &impl Database, now: DateTime<Utc>) -> Result<(), DbError> {
    let yesterday = prague_date(now) - Duration::days(1);
    for (index, stop) in DAILY_ROUTES.iter().enumerate() {
        let visit_id = format!("visit-{yesterday}-{index:02}");
        let record_id = format!("rec-{visit_id}");
        db.execute(
            "INSERT INTO visit_records (id, visit_id, provider_id, client_id, caregiver_id, device_id, \
                                        recorded_at, received_at, planned_starts_at, clock_arrived_at, \
                                        clock_left_at, arrived_at, left_at, fingerprint, state) \
             SELECT $1, id, provider_id, client_id, caregiver_id, 'demo', ends_at, ends_at, starts_at, \
                    starts_at, ends_at, starts_at, ends_at, 'demo', 'accepted' FROM visits WHERE id = $2",
            &[record_id.as_str().into(), visit_id.as_str().into()],
        )
        .await?;
        for task in stop.tasks {
            db.execute(
                "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
                 SELECT $1, 0, code, CASE WHEN unit = 'hour' THEN 0 ELSE 1 END, 1 FROM care_tasks WHERE code = $2",
                &[record_id.as_str().into(), (*task).into()],
            )
            .await?;
        }
    }
    for (provider, index, kind, note) in [
        ("decin", 1, "health_change", "Klient si stěžuje na závratě."),
        ("louny", 9, "fall", "Klient upadl v koupelně, bez zranění."),
    ] {
        let visit_id = format!("visit-{yesterday}-{index:02}");
        db.execute(
            "INSERT INTO incidents (id, record_id, visit_id, provider_id, client_id, kind, note, reported_at) \
             SELECT $1, $2, id, provider_id, client_id, $3, $4, ends_at FROM visits WHERE id = $5",
            &[
                format!("inc-demo-{provider}").into(),
                format!("rec-{visit_id}").into(),
                kind.into(),
                note.into(),
                visit_id.as_str().into(),
            ],
        )
        .await?;
    }
    for (provider, manager, hourly_rate) in PRICE_LISTS {
        db.execute(
            "INSERT INTO price_lists (provider_id, valid_from, hourly_rate, saved_by, saved_at) \
             VALUES ($1, '2024-07-01', $2, $3, $4)",
            &[
                provider.into(),
                hourly_rate.into(),
                user_id(manager).into(),
                timestamp::format(now).into(),
            ],
        )
        .await?;
        db.execute(
            "INSERT INTO price_list_units (provider_id, valid_from, task_code, price) \
             SELECT $1, '2024-07-01', item, cap FROM payment_caps WHERE item <> 'hour' AND valid_from = '2014-01-01'",
            &[provider.into()],
        )
        .await?;
    }
    Ok(())
}
