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

mod catalogue;

use catalogue::{
    CENTRES, CERTIFICATES, COURSES, EMPLOYMENTS, ENROLMENTS, RUN_CLOSED_MOST, RUN_CLOSED_USTI,
    RUNS, SECOND_LECTURER, SECOND_LECTURER_CENTRES, YearDay,
};

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
