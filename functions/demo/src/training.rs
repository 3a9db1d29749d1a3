//! The training area's part: five training centres on real municipalities with their
//! lecturers, a dozen courses, runs from a month ago to three months on (one today, ready
//! for attendance; two closed, with credits and certificates), enrolments with a waiting
//! list, and employment periods for the demo staff (one moved between the providers this
//! year, one started in April with a probation period).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use platform::{ApiError, Database, timestamp};
use shared::time::{from_prague_for_planning, prague_date, to_prague};
use shared::training::certificate::code_from_random;

use crate::data::{LECTURERS, TRAINING_CENTRES, user_id};

/// centre id, municipality code (for the centres `data` does not list), street, e-mail, phone
const CENTRES: [(&str, &str, &str, &str, &str, &str); 5] = [
    (
        "ivc-usti",
        "",
        "",
        "Velká Hradební 48",
        "usti@ivc.example",
        "+420 475 000 101",
    ),
    (
        "ivc-most",
        "",
        "",
        "Budovatelů 2830",
        "most@ivc.example",
        "+420 476 000 102",
    ),
    (
        "ivc-decin",
        "IVC Děčín (demo)",
        "562335",
        "Masarykovo náměstí 1",
        "decin@ivc.example",
        "+420 412 000 103",
    ),
    (
        "ivc-litomerice",
        "IVC Litoměřice (demo)",
        "564567",
        "Mírové náměstí 15",
        "litomerice@ivc.example",
        "+420 416 000 104",
    ),
    (
        "ivc-chomutov",
        "IVC Chomutov (demo)",
        "562971",
        "Zborovská 4602",
        "chomutov@ivc.example",
        "+420 474 000 105",
    ),
];

/// A second lecturer, at the other centres: the first sees only hers.
const SECOND_LECTURER: (&str, &str) = ("lektorka.most", "Lektorka IVC Most");
const SECOND_LECTURER_CENTRES: [&str; 4] =
    ["ivc-most", "ivc-decin", "ivc-litomerice", "ivc-chomutov"];

/// id, title, minutes, target group, accreditation (number, valid until), description, what to bring
type DemoCourse = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    Option<(&'static str, &'static str)>,
    &'static str,
    &'static str,
);

const COURSES: [DemoCourse; 12] = [
    (
        "kurz-presun",
        "Bezpečný přesun a polohování klienta",
        240,
        "direct_care",
        Some(("A2024/0412-PC", "2028-06-30")),
        "Nácvik přesunů z lůžka na vozík, polohování a práce s pomůckami bez přetěžování zad.",
        "Pohodlné oblečení a přezůvky.",
    ),
    (
        "kurz-hygiena",
        "Osobní hygiena u ležícího klienta",
        240,
        "direct_care",
        Some(("A2023/1187-PC", "2027-12-31")),
        "Hygiena na lůžku, péče o kůži a prevence proleženin, důstojnost a soukromí.",
        "Pracovní oděv.",
    ),
    (
        "kurz-demence",
        "Péče o člověka s demencí",
        480,
        "direct_care",
        Some(("A2024/0233-SP/PC", "2028-03-31")),
        "Dvoudenní modul: projevy demence, komunikace, zvládání neklidu a podpora rodiny.",
        "Zápisník, případně kazuistiku z vlastní praxe.",
    ),
    (
        "kurz-prvni-pomoc",
        "První pomoc v domácí péči",
        360,
        "direct_care",
        Some(("A2025/0098-PC", "2029-01-31")),
        "Resuscitace, pády, zástava krvácení a kdy volat záchrannou službu.",
        "Pohodlné oblečení.",
    ),
    (
        "kurz-komunikace",
        "Komunikace s klientem a rodinou",
        240,
        "social_work",
        None,
        "Rozhovor o potřebách, nesouhlas a stížnosti, hranice vztahu.",
        "Nic zvláštního.",
    ),
    (
        "kurz-syndrom",
        "Prevence syndromu vyhoření",
        240,
        "social_work",
        Some(("A2023/0876-SP/PC", "2027-09-30")),
        "Jak poznat přetížení a co s ním dělat v týmu i sám.",
        "Nic zvláštního.",
    ),
    (
        "kurz-standardy",
        "Standardy kvality v pečovatelské službě",
        360,
        "management",
        Some(("A2024/0321-SP", "2028-05-31")),
        "Standardy kvality sociálních služeb v praxi terénní služby, příprava na inspekci.",
        "Vnitřní pravidla vaší služby.",
    ),
    (
        "kurz-planovani",
        "Plánování péče s klientem",
        240,
        "social_work",
        None,
        "Individuální plán, cíle klienta a jejich revize.",
        "Anonymizovaný individuální plán.",
    ),
    (
        "kurz-vedeni",
        "Vedení týmu terénních pracovníků",
        480,
        "management",
        Some(("A2025/0150-SP", "2029-04-30")),
        "Dvoudenní modul pro vedoucí: porady, supervize, rozpis služeb, adaptace nových pracovníků.",
        "Organizační schéma vaší služby.",
    ),
    (
        "kurz-strava",
        "Výživa a pitný režim seniorů",
        180,
        "direct_care",
        None,
        "Podvýživa a dehydratace, dopomoc při jídle a pití.",
        "Nic zvláštního.",
    ),
    (
        "kurz-pravo",
        "Práva klientů a ochrana osobních údajů",
        180,
        "social_work",
        Some(("A2024/0777-SP/PC", "2028-10-31")),
        "Omezování pohybu, souhlas klienta, mlčenlivost a GDPR v terénu.",
        "Nic zvláštního.",
    ),
    (
        "kurz-nasili",
        "Rozpoznání zanedbávání a násilí na seniorech",
        240,
        "social_work",
        None,
        "Varovné signály, postup a spolupráce s OSPOD a policií.",
        "Nic zvláštního.",
    ),
];

/// A run: id, course, centre, lecturer, capacity, sessions as (days from today, Prague
/// start hour, minutes); `None` start hour = the hour the demo starts, less one.
struct DemoRun {
    id: &'static str,
    course: &'static str,
    centre: &'static str,
    lecturer: &'static str,
    capacity: i64,
    sessions: &'static [(i64, Option<u32>, i64)],
    room: &'static str,
}

const fn demo_run(
    id: &'static str,
    course: &'static str,
    centre: &'static str,
    capacity: i64,
    sessions: &'static [(i64, Option<u32>, i64)],
) -> DemoRun {
    let lecturer = if matches!(centre.as_bytes(), b"ivc-usti") {
        "lektor"
    } else {
        SECOND_LECTURER.0
    };
    DemoRun {
        id,
        course,
        centre,
        lecturer,
        capacity,
        sessions,
        room: "učebna 1",
    }
}

/// The run taking place today (its session is `…-1`), the two closed runs, and the run with a
/// waiting list: the API tests and the authorisation matrix name them.
const RUN_TODAY: &str = "run-demo-dnes";
const RUN_CLOSED_USTI: &str = "run-demo-uzavreny";
const RUN_CLOSED_MOST: &str = "run-demo-most-uzavreny";
const RUN_FULL: &str = "run-demo-plny";
const RUN_OPEN: &str = "run-demo-demence";

const RUNS: [DemoRun; 12] = [
    demo_run(RUN_TODAY, "kurz-presun", "ivc-usti", 12, &[(0, None, 240)]),
    demo_run(
        RUN_CLOSED_USTI,
        "kurz-hygiena",
        "ivc-usti",
        12,
        &[(-30, Some(8), 240)],
    ),
    demo_run(
        RUN_CLOSED_MOST,
        "kurz-komunikace",
        "ivc-most",
        10,
        &[(-20, Some(9), 240)],
    ),
    demo_run(
        RUN_OPEN,
        "kurz-demence",
        "ivc-usti",
        14,
        &[(14, Some(8), 240), (21, Some(8), 240)],
    ),
    demo_run(
        RUN_FULL,
        "kurz-prvni-pomoc",
        "ivc-decin",
        2,
        &[(10, Some(8), 360)],
    ),
    demo_run(
        "run-demo-syndrom",
        "kurz-syndrom",
        "ivc-litomerice",
        12,
        &[(24, Some(9), 240)],
    ),
    demo_run(
        "run-demo-standardy",
        "kurz-standardy",
        "ivc-most",
        16,
        &[(31, Some(8), 360)],
    ),
    demo_run(
        "run-demo-planovani",
        "kurz-planovani",
        "ivc-chomutov",
        12,
        &[(38, Some(9), 240)],
    ),
    demo_run(
        "run-demo-vedeni",
        "kurz-vedeni",
        "ivc-usti",
        10,
        &[(45, Some(8), 240), (52, Some(8), 240)],
    ),
    demo_run(
        "run-demo-strava",
        "kurz-strava",
        "ivc-decin",
        15,
        &[(59, Some(13), 180)],
    ),
    demo_run(
        "run-demo-pravo",
        "kurz-pravo",
        "ivc-litomerice",
        20,
        &[(73, Some(9), 180)],
    ),
    demo_run(
        "run-demo-nasili",
        "kurz-nasili",
        "ivc-chomutov",
        12,
        &[(87, Some(9), 240)],
    ),
];

/// run, worker, status (in this order, so the waiting list has its order)
const ENROLMENTS: [(&str, &str, &str); 11] = [
    (RUN_TODAY, "pecovatelka.decin", "enrolled"),
    (RUN_TODAY, "koordinator.decin", "enrolled"),
    (RUN_TODAY, "vedouci.decin", "enrolled"),
    (RUN_CLOSED_USTI, "pecovatelka.decin", "enrolled"),
    (RUN_CLOSED_USTI, "pecovatel.decin", "enrolled"),
    (RUN_CLOSED_MOST, "pecovatelka.louny", "enrolled"),
    (RUN_FULL, "pecovatelka.decin", "enrolled"),
    (RUN_FULL, "vedouci.louny", "enrolled"),
    (RUN_FULL, "pecovatelka.louny", "waiting"),
    (RUN_OPEN, "pecovatelka.louny", "enrolled"),
    (RUN_OPEN, "pecovatel.decin", "enrolled"),
];

/// Random bytes of the demo certificates, so their codes are known: run, worker, bytes.
/// Codes: see `demo_certificate_codes_are_well_formed` below.
const CERTIFICATES: [(&str, &str, [u8; 8]); 3] = [
    (
        RUN_CLOSED_USTI,
        "pecovatelka.decin",
        [1, 2, 3, 4, 5, 6, 7, 8],
    ),
    (
        RUN_CLOSED_USTI,
        "pecovatel.decin",
        [9, 10, 11, 12, 13, 14, 15, 16],
    ),
    (
        RUN_CLOSED_MOST,
        "pecovatelka.louny",
        [17, 18, 19, 20, 21, 22, 23, 24],
    ),
];

/// worker, provider, start (year offset, month, day), end, probation until; month 0 = none.
/// A day of the demo's year: (years from now, month, day); month 0 = none.
type YearDay = (i32, u32, u32);

const EMPLOYMENTS: [(&str, &str, YearDay, YearDay, YearDay); 7] = [
    (
        "vedouci.decin",
        "prov-decin",
        (-11, 1, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    (
        "koordinator.decin",
        "prov-decin",
        (-5, 9, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    (
        "pecovatelka.decin",
        "prov-decin",
        (-7, 3, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    (
        "pecovatel.decin",
        "prov-decin",
        (0, 4, 1),
        (0, 0, 0),
        (0, 6, 30),
    ),
    (
        "vedouci.louny",
        "prov-louny",
        (-3, 2, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    // Lucie moved from Děčín to Louny this year; her hours go with her.
    (
        "pecovatelka.louny",
        "prov-decin",
        (-2, 1, 1),
        (0, 5, 31),
        (0, 0, 0),
    ),
    (
        "pecovatelka.louny",
        "prov-louny",
        (0, 7, 1),
        (0, 0, 0),
        (0, 9, 30),
    ),
];

fn day_of(year: i32, (offset, month, day): YearDay) -> Option<String> {
    (month != 0)
        .then(|| NaiveDate::from_ymd_opt(year + offset, month, day))
        .flatten()
        .map(|date| date.to_string())
}

fn prague(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default();
    from_prague_for_planning(date.and_time(time)).0
}

pub async fn centres_and_lecturers(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let created_at = timestamp::format(now);
    for (id, name, municipality) in TRAINING_CENTRES {
        db.execute(
            "INSERT INTO training_centres (id, name, municipality_code, created_at) VALUES ($1, $2, $3, $4)",
            &[id.into(), name.into(), municipality.into(), created_at.as_str().into()],
        )
        .await?;
    }
    for (id, name, municipality, street, email, phone) in CENTRES {
        if !name.is_empty() {
            db.execute(
                "INSERT INTO training_centres (id, name, municipality_code, created_at) VALUES ($1, $2, $3, $4)",
                &[id.into(), name.into(), municipality.into(), created_at.as_str().into()],
            )
            .await?;
        }
        db.execute(
            "UPDATE training_centres SET street = $2, email = $3, phone = $4 WHERE id = $1",
            &[id.into(), street.into(), email.into(), phone.into()],
        )
        .await?;
    }
    // The second lecturer shares the demo password: her hash is the first lecturer's.
    let (username, display_name) = SECOND_LECTURER;
    db.execute(
        "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, active, created_at) \
         SELECT $1, $2, $3, password_hash, 'lecturer', NULL, 1, $4 FROM users WHERE id = $5",
        &[
            user_id(username).into(),
            username.into(),
            display_name.into(),
            created_at.as_str().into(),
            user_id("lektor").into(),
        ],
    )
    .await?;
    let lecturers = LECTURERS.iter().copied().chain(
        SECOND_LECTURER_CENTRES
            .iter()
            .map(|centre| (username, *centre)),
    );
    for (username, centre) in lecturers {
        db.execute(
            "INSERT INTO training_centre_lecturers (centre_id, user_id) VALUES ($1, $2)",
            &[centre.into(), user_id(username).into()],
        )
        .await?;
    }
    courses_runs_and_people(db, now).await
}

async fn courses_runs_and_people(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let created_at = timestamp::format(now);
    for (id, title, minutes, group, accreditation, description, bring) in COURSES {
        db.execute(
            "INSERT INTO training_courses (id, title, minutes, target_group, accreditation_number, \
             accreditation_valid_until, description, what_to_bring, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                id.into(),
                title.into(),
                minutes.into(),
                group.into(),
                accreditation.map(|(number, _)| number).into(),
                accreditation.map(|(_, until)| until).into(),
                description.into(),
                bring.into(),
                created_at.as_str().into(),
            ],
        )
        .await?;
    }
    let today = prague_date(now);
    // Today's run began an hour ago, on the hour, so attendance can be taken at once.
    let hour_now = to_prague(now).hour().max(1);
    for run in &RUNS {
        let starts: Vec<(DateTime<Utc>, i64)> = run
            .sessions
            .iter()
            .map(|(days, hour, minutes)| {
                let date = today + Duration::days(*days);
                (prague(date, hour.unwrap_or(hour_now - 1)), *minutes)
            })
            .collect();
        let (first, _) = starts[0];
        let (last, last_minutes) = starts[starts.len() - 1];
        let last_end = last + Duration::minutes(last_minutes);
        let (enrol_by, cancel_by) = if first > now {
            (first - Duration::days(3), first - Duration::days(2))
        } else {
            (last_end, first)
        };
        db.execute(
            "INSERT INTO training_runs (id, course_id, centre_id, lecturer_id, capacity, enrol_by, \
             cancel_by, room, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                run.id.into(),
                run.course.into(),
                run.centre.into(),
                user_id(run.lecturer).into(),
                run.capacity.into(),
                timestamp::format(enrol_by).into(),
                timestamp::format(cancel_by).into(),
                run.room.into(),
                created_at.as_str().into(),
            ],
        )
        .await?;
        for (index, (starts_at, minutes)) in starts.iter().enumerate() {
            db.execute(
                "INSERT INTO training_sessions (id, run_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)",
                &[
                    format!("{}-{}", run.id, index + 1).into(),
                    run.id.into(),
                    timestamp::format(*starts_at).into(),
                    timestamp::format(*starts_at + Duration::minutes(*minutes)).into(),
                ],
            )
            .await?;
        }
    }
    // Each course is kept by the centre of its first run (whose lecturers may change it).
    db.execute(
        "UPDATE training_courses SET centre_id = (SELECT r.centre_id FROM training_runs r \
         WHERE r.course_id = training_courses.id ORDER BY r.created_at, r.id LIMIT 1)",
        &[],
    )
    .await?;
    enrolments_and_credits(db, now).await
}

async fn enrolments_and_credits(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let at = timestamp::format(now);
    for (position, (run, worker, status)) in ENROLMENTS.iter().enumerate() {
        db.execute(
            "INSERT INTO training_enrolments (id, run_id, user_id, provider_id, status, enrolled_by, \
             requested_at, queue_position) \
             SELECT $1, $2, id, provider_id, $3, id, $4, $5 FROM users WHERE id = $6",
            &[
                format!("enr-{run}-{worker}").into(),
                (*run).into(),
                (*status).into(),
                at.as_str().into(),
                i64::try_from(position).unwrap_or_default().into(),
                user_id(worker).into(),
            ],
        )
        .await?;
    }
    // The closed runs: everyone present, hours credited, certificates issued.
    for run in [RUN_CLOSED_USTI, RUN_CLOSED_MOST] {
        db.execute(
            "INSERT INTO training_attendance (session_id, user_id, mark, minutes, recorded_by, recorded_at) \
             SELECT s.id, e.user_id, 'present', NULL, r.lecturer_id, s.ends_at FROM training_sessions s \
             JOIN training_runs r ON r.id = s.run_id JOIN training_enrolments e ON e.run_id = r.id \
             WHERE r.id = $1",
            &[run.into()],
        )
        .await?;
        db.execute(
            "INSERT INTO training_credits (run_id, user_id, year, minutes, credited_at) \
             SELECT r.id, e.user_id, $2, c.minutes, s.ends_at FROM training_runs r \
             JOIN training_courses c ON c.id = r.course_id JOIN training_sessions s ON s.run_id = r.id \
             JOIN training_enrolments e ON e.run_id = r.id WHERE r.id = $1",
            &[run.into(), i64::from(run_year(db, run).await?).into()],
        )
        .await?;
        db.execute(
            "UPDATE training_runs SET closed_at = (SELECT MAX(ends_at) FROM training_sessions \
             WHERE run_id = $1) WHERE id = $1",
            &[run.into()],
        )
        .await?;
    }
    for (run, worker, bytes) in CERTIFICATES {
        db.execute(
            "INSERT INTO training_certificates (code, run_id, user_id, holder_name, course_title, \
             minutes, accreditation_number, first_day, last_day, centre_name, lecturer_name, \
             issued_by, issued_at) \
             SELECT $1, r.id, w.id, w.display_name, c.title, c.minutes, c.accreditation_number, \
             $4, $4, t.name, l.display_name, l.id, s.ends_at FROM training_runs r \
             JOIN training_courses c ON c.id = r.course_id JOIN training_centres t ON t.id = r.centre_id \
             JOIN users l ON l.id = r.lecturer_id JOIN training_sessions s ON s.run_id = r.id \
             JOIN users w ON w.id = $3 WHERE r.id = $2",
            &[
                code_from_random(bytes).into(),
                run.into(),
                user_id(worker).into(),
                session_day(db, run).await?.into(),
            ],
        )
        .await?;
    }
    employments(db, prague_date(now).year()).await
}

/// The Prague year of a demo run's session: the year its hours count for.
async fn run_year(db: &impl Database, run: &str) -> Result<i32, ApiError> {
    let day: NaiveDate = session_day(db, run)
        .await?
        .parse()
        .map_err(|_| ApiError::Internal(format!("demo run {run} has a malformed day")))?;
    Ok(day.year())
}

async fn session_day(db: &impl Database, run: &str) -> Result<String, ApiError> {
    let row = db
        .query_one(
            "SELECT starts_at FROM training_sessions WHERE run_id = $1",
            &[run.into()],
        )
        .await?
        .ok_or_else(|| ApiError::Internal(format!("demo run {run} has no session")))?;
    Ok(prague_date(row.instant("starts_at")?).to_string())
}

async fn employments(db: &impl Database, year: i32) -> Result<(), ApiError> {
    for (index, (worker, provider, starts, ends, probation)) in EMPLOYMENTS.iter().enumerate() {
        db.execute(
            "INSERT INTO employment_periods (id, user_id, provider_id, starts_on, ends_on, probation_until) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                format!("emp-demo-{index}").into(),
                user_id(worker).into(),
                (*provider).into(),
                day_of(year, *starts).into(),
                day_of(year, *ends).into(),
                day_of(year, *probation).into(),
            ],
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_certificate_codes_are_well_formed() {
        let codes: Vec<String> = CERTIFICATES
            .iter()
            .map(|(_, _, bytes)| code_from_random(*bytes))
            .collect();
        assert_eq!(codes, ["3456-789A-N", "BCDE-FGHJ-N", "KLMN-PQRS-N"]);
    }
}
