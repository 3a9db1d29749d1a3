//! What lecturers write: courses, and runs with their sessions. A run's sessions are
//! replaced whole, only while no attendance has been taken for it; a larger capacity
//! promotes the waiting list in its order.

use chrono::{DateTime, Utc};
use platform::db::in_transaction;
use platform::{ApiError, Database, DbError, Value, timestamp};
use shared::training::offer::{CheckedRun, CourseInput};

use super::enrolments::promote_first_waiting;
use super::lock_run;

/// Whether a lecturer teaches at a centre.
pub async fn teaches_at(
    db: &impl Database,
    lecturer_id: &str,
    centre_id: &str,
) -> Result<bool, DbError> {
    let row = db
        .query_one(
            "SELECT 1 AS yes FROM training_centre_lecturers WHERE user_id = $1 AND centre_id = $2",
            &[lecturer_id.into(), centre_id.into()],
        )
        .await?;
    Ok(row.is_some())
}

/// The centre that keeps a course; `None`: no such course, `Some(None)`: kept by none.
pub async fn course_centre(
    db: &impl Database,
    course_id: &str,
) -> Result<Option<Option<String>>, DbError> {
    let row = db
        .query_one(
            "SELECT centre_id FROM training_courses WHERE id = $1",
            &[course_id.into()],
        )
        .await?;
    row.map(|row| row.optional_text("centre_id")).transpose()
}

fn course_params(id: &str, course: &CourseInput) -> Vec<Value> {
    vec![
        id.into(),
        course.title.as_str().into(),
        course.minutes.into(),
        course.target_group.as_str().into(),
        course.accreditation_number.as_deref().into(),
        course
            .accreditation_valid_until
            .map(|date| date.to_string())
            .into(),
        course.description.as_str().into(),
        course.what_to_bring.as_str().into(),
        course.centre_id.as_str().into(),
        i64::from(course.in_house).into(),
    ]
}

pub async fn insert_course(
    db: &impl Database,
    id: &str,
    course: &CourseInput,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let mut params = course_params(id, course);
    params.push(timestamp::format(now).into());
    db.execute(
        "INSERT INTO training_courses (id, title, minutes, target_group, accreditation_number, \
         accreditation_valid_until, description, what_to_bring, centre_id, in_house, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        &params,
    )
    .await?;
    Ok(())
}

pub async fn update_course(
    db: &impl Database,
    id: &str,
    course: &CourseInput,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE training_courses SET title = $2, minutes = $3, target_group = $4, \
         accreditation_number = $5, accreditation_valid_until = $6, description = $7, \
         what_to_bring = $8, centre_id = $9, in_house = $10 WHERE id = $1",
        &course_params(id, course),
    )
    .await?;
    Ok(())
}

async fn insert_sessions(
    db: &impl Database,
    run_id: &str,
    sessions: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<(), DbError> {
    for (index, (starts_at, ends_at)) in sessions.iter().enumerate() {
        db.execute(
            "INSERT INTO training_sessions (id, run_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)",
            &[
                format!("{run_id}-{}", index + 1).into(),
                run_id.into(),
                timestamp::format(*starts_at).into(),
                timestamp::format(*ends_at).into(),
            ],
        )
        .await?;
    }
    Ok(())
}

fn run_params(id: &str, run: &CheckedRun) -> Vec<Value> {
    vec![
        id.into(),
        run.course_id.as_str().into(),
        run.centre_id.as_str().into(),
        run.lecturer_id.as_str().into(),
        run.capacity.into(),
        timestamp::format(run.enrol_by).into(),
        timestamp::format(run.cancel_by).into(),
        run.room.as_str().into(),
    ]
}

pub async fn insert_run(
    db: &impl Database,
    id: &str,
    run: &CheckedRun,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    in_transaction(db, async || {
        let mut params = run_params(id, run);
        params.push(timestamp::format(now).into());
        db.execute(
            "INSERT INTO training_runs (id, course_id, centre_id, lecturer_id, capacity, enrol_by, \
             cancel_by, room, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &params,
        )
        .await?;
        insert_sessions(db, id, &run.sessions).await?;
        Ok(())
    })
    .await
}

fn conflict(code: &'static str, field: &str, message: String) -> ApiError {
    ApiError::Conflict {
        code,
        field: Some(field.into()),
        message,
    }
}

/// How many hold a place on a run that may still change: one whose attendance has not been
/// taken (a roll sent for any session) and which is not closed.
pub async fn changeable_run(db: &impl Database, id: &str) -> Result<i64, ApiError> {
    let row = db
        .query_one(
            "SELECT r.closed_at, \
             (SELECT COUNT(*) FROM training_enrolments e WHERE e.run_id = r.id AND e.status = 'enrolled') AS enrolled, \
             (SELECT COUNT(*) FROM training_attendance_submissions a \
              JOIN training_sessions s ON s.id = a.session_id WHERE s.run_id = r.id) AS rolls \
             FROM training_runs r WHERE r.id = $1",
            &[id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Termín kurzu"))?;
    if row.optional_text("closed_at")?.is_some() || row.integer("rolls")? > 0 {
        return Err(conflict(
            "attendance_taken",
            "sessions",
            "Na tomto termínu se už zapisovala docházka: změnit jej nelze.".into(),
        ));
    }
    Ok(row.integer("enrolled")?)
}

/// Changes a run that may still change: its fields and all its sessions.
pub async fn update_run(
    db: &impl Database,
    id: &str,
    run: &CheckedRun,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    in_transaction(db, async || {
        lock_run(db, id)
            .await?
            .ok_or(ApiError::NotFound("Termín kurzu"))?;
        let enrolled = changeable_run(db, id).await?;
        if run.capacity < enrolled {
            return Err(conflict(
                "capacity_below_enrolled",
                "capacity",
                format!("Přihlášeno je už {enrolled}: kapacita nemůže být menší."),
            ));
        }
        db.execute(
            "UPDATE training_runs SET course_id = $2, centre_id = $3, lecturer_id = $4, \
             capacity = $5, enrol_by = $6, cancel_by = $7, room = $8 WHERE id = $1",
            &run_params(id, run),
        )
        .await?;
        db.execute(
            "DELETE FROM training_sessions WHERE run_id = $1",
            &[id.into()],
        )
        .await?;
        insert_sessions(db, id, &run.sessions).await?;
        for _ in enrolled..run.capacity {
            if !promote_first_waiting(db, id, now).await? {
                break;
            }
        }
        Ok(())
    })
    .await
}
