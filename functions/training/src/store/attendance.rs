//! Rolls, attendance marks and closing a run, which credits the hours.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use platform::db::in_transaction;
use platform::{ApiError, Database, DbError, timestamp};
use shared::time::prague_date;
use shared::training::attendance::{Attendance, Mark, credited_minutes};
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{AttendanceSubmission, CertificateSummary, RollEntry};

use super::lock_run;

/// A session and the run it belongs to.
#[derive(Debug, Clone)]
pub struct SessionOfRun {
    pub run_id: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
}

pub async fn session(
    db: &impl Database,
    session_id: &str,
) -> Result<Option<SessionOfRun>, DbError> {
    let row = db
        .query_one(
            "SELECT run_id, starts_at, ends_at FROM training_sessions WHERE id = $1",
            &[session_id.into()],
        )
        .await?;
    row.map(|row| {
        let starts_at = row.instant("starts_at")?;
        Ok(SessionOfRun {
            run_id: row.text("run_id")?,
            minutes: (row.instant("ends_at")? - starts_at).num_minutes(),
            starts_at,
        })
    })
    .transpose()
}

/// Marks by person, then by session id.
async fn marks(
    db: &impl Database,
    run_id: &str,
) -> Result<BTreeMap<(String, String), Attendance>, DbError> {
    let rows = db
        .query(
            "SELECT a.user_id, a.session_id, a.mark, a.minutes FROM training_attendance a \
             JOIN training_sessions s ON s.id = a.session_id WHERE s.run_id = $1",
            &[run_id.into()],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok((
                (row.text("user_id")?, row.text("session_id")?),
                Attendance {
                    mark: row.parsed("mark", "an attendance mark", Mark::parse)?,
                    minutes: row.optional_integer("minutes")?,
                },
            ))
        })
        .collect()
}

/// Each session of a run with its length, in time order.
async fn sessions(
    db: &impl Database,
    run_id: &str,
) -> Result<Vec<(String, i64, DateTime<Utc>)>, DbError> {
    let rows = db
        .query(
            "SELECT id, starts_at, ends_at FROM training_sessions WHERE run_id = $1 \
             ORDER BY starts_at, id",
            &[run_id.into()],
        )
        .await?;
    rows.iter()
        .map(|row| {
            let starts_at = row.instant("starts_at")?;
            Ok((
                row.text("id")?,
                (row.instant("ends_at")? - starts_at).num_minutes(),
                starts_at,
            ))
        })
        .collect()
}

/// The people of a run (enrolled, then waiting in order) with their marks, credits and
/// certificates.
pub async fn roll(db: &impl Database, run_id: &str) -> Result<Vec<RollEntry>, DbError> {
    let rows = db
        .query(
            "SELECT e.user_id, u.display_name, p.name AS provider_name, e.status, \
             c.minutes AS credited, z.code, z.revoked_at \
             FROM training_enrolments e JOIN users u ON u.id = e.user_id \
             JOIN providers p ON p.id = e.provider_id \
             LEFT JOIN training_credits c ON c.run_id = e.run_id AND c.user_id = e.user_id \
             LEFT JOIN training_certificates z ON z.run_id = e.run_id AND z.user_id = e.user_id \
             WHERE e.run_id = $1 AND e.status IN ('enrolled', 'waiting') \
             ORDER BY CASE e.status WHEN 'enrolled' THEN 0 ELSE 1 END, \
             CASE e.status WHEN 'enrolled' THEN u.display_name ELSE '' END, e.queue_position",
            &[run_id.into()],
        )
        .await?;
    let sessions = sessions(db, run_id).await?;
    let marks = marks(db, run_id).await?;
    rows.iter()
        .map(|row| {
            let worker_id = row.text("user_id")?;
            let certificate = row
                .optional_text("code")?
                .map(|code| {
                    Ok::<_, DbError>(CertificateSummary {
                        code,
                        revoked: row.optional_text("revoked_at")?.is_some(),
                    })
                })
                .transpose()?;
            Ok(RollEntry {
                marks: sessions
                    .iter()
                    .map(|(session_id, _, _)| {
                        marks.get(&(worker_id.clone(), session_id.clone())).copied()
                    })
                    .collect(),
                worker_id,
                name: row.text("display_name")?,
                provider_name: row.text("provider_name")?,
                status: row.parsed("status", "an enrolment status", EnrolmentStatus::parse)?,
                credited_minutes: row.optional_integer("credited")?,
                certificate,
            })
        })
        .collect()
}

fn conflict(code: &'static str, field: Option<&str>, message: &str) -> ApiError {
    ApiError::Conflict {
        code,
        field: field.map(str::to_owned),
        message: message.into(),
    }
}

async fn is_closed(db: &impl Database, run_id: &str) -> Result<bool, DbError> {
    let row = db
        .query_one(
            "SELECT closed_at FROM training_runs WHERE id = $1",
            &[run_id.into()],
        )
        .await?;
    Ok(row
        .map(|row| row.optional_text("closed_at"))
        .transpose()?
        .flatten()
        .is_some())
}

/// Saves one roll of a session; `false` when this submission was saved before.
pub async fn save(
    db: &impl Database,
    session_id: &str,
    session: &SessionOfRun,
    submission: &AttendanceSubmission,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    in_transaction(db, async || {
        if is_closed(db, &session.run_id).await? {
            return Err(conflict(
                "run_closed",
                None,
                "Docházka kurzu je již uzavřena.",
            ));
        }
        let received = db
            .execute(
                "INSERT INTO training_attendance_submissions (id, session_id, received_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
                &[
                    submission.submission_id.as_str().into(),
                    session_id.into(),
                    timestamp::format(now).into(),
                ],
            )
            .await?;
        if received == 0 {
            return Ok(false);
        }
        for (index, entry) in submission.marks.iter().enumerate() {
            let attendance = Attendance::parse(entry.mark, entry.minutes, session.minutes)
                .map_err(|error| ApiError::BadInput {
                    code: "invalid_field",
                    field: Some(format!("marks[{index}].{}", error.field)),
                    message: error.message,
                })?;
            let enrolled = db
                .query_one(
                    "SELECT 1 AS yes FROM training_enrolments WHERE run_id = $1 AND user_id = $2 \
                     AND status = 'enrolled'",
                    &[
                        session.run_id.as_str().into(),
                        entry.worker_id.as_str().into(),
                    ],
                )
                .await?;
            if enrolled.is_none() {
                return Err(ApiError::BadInput {
                    code: "not_enrolled",
                    field: Some(format!("marks[{index}].worker_id")),
                    message: "Tento účastník není na kurz přihlášen.".into(),
                });
            }
            db.execute(
                "INSERT INTO training_attendance (session_id, user_id, mark, minutes, recorded_by, \
                 recorded_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (session_id, user_id) DO UPDATE SET mark = excluded.mark, \
                 minutes = excluded.minutes, recorded_by = excluded.recorded_by, \
                 recorded_at = excluded.recorded_at",
                &[
                    session_id.into(),
                    entry.worker_id.as_str().into(),
                    attendance.mark.as_str().into(),
                    attendance.minutes.into(),
                    recorded_by.into(),
                    timestamp::format(now).into(),
                ],
            )
            .await?;
        }
        Ok(true)
    })
    .await
}

/// Closes a run whose every enrolled person is marked at every session, and credits each
/// completed module to its worker in the year of the run's last session. Answers how many
/// were credited.
pub async fn close(db: &impl Database, run_id: &str, now: DateTime<Utc>) -> Result<i64, ApiError> {
    in_transaction(db, async || {
        lock_run(db, run_id)
            .await?
            .ok_or(ApiError::NotFound("Termín kurzu"))?;
        if is_closed(db, run_id).await? {
            return Err(conflict(
                "run_closed",
                None,
                "Docházka kurzu je již uzavřena.",
            ));
        }
        let sessions = sessions(db, run_id).await?;
        let marks = marks(db, run_id).await?;
        let enrolled = db
            .query(
                "SELECT user_id FROM training_enrolments WHERE run_id = $1 AND status = 'enrolled'",
                &[run_id.into()],
            )
            .await?;
        let year = sessions
            .last()
            .map_or(prague_date(now).year(), |(_, _, starts_at)| {
                prague_date(*starts_at).year()
            });
        let mut credited = 0;
        for row in &enrolled {
            let worker_id = row.text("user_id")?;
            let attended: Vec<(i64, Option<Attendance>)> = sessions
                .iter()
                .map(|(session_id, minutes, _)| {
                    (
                        *minutes,
                        marks.get(&(worker_id.clone(), session_id.clone())).copied(),
                    )
                })
                .collect();
            if attended.iter().any(|(_, mark)| mark.is_none()) {
                return Err(conflict(
                    "attendance_incomplete",
                    None,
                    "Docházka není zapsána u všech účastníků a všech lekcí.",
                ));
            }
            if let Some(minutes) = credited_minutes(&attended) {
                db.execute(
                    "INSERT INTO training_credits (run_id, user_id, year, minutes, credited_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                    &[
                        run_id.into(),
                        worker_id.into(),
                        i64::from(year).into(),
                        minutes.into(),
                        timestamp::format(now).into(),
                    ],
                )
                .await?;
                credited += 1;
            }
        }
        db.execute(
            "UPDATE training_runs SET closed_at = $2 WHERE id = $1",
            &[run_id.into(), timestamp::format(now).into()],
        )
        .await?;
        Ok(credited)
    })
    .await
}
