//! Certificates: issued for credited modules, revoked with a reason, verified by code.

use chrono::{DateTime, Utc};
use platform::db::in_transaction;
use platform::{ApiError, Database, DbError, Row, timestamp};
use shared::time::prague_date;
use shared::training::certificate::code_from_random;
use shared::training::{Certificate, IssuedCertificate};

const COLUMNS: &str = "code, holder_name, course_title, minutes, accreditation_number, \
    first_day, last_day, centre_name, lecturer_name, issued_at, revoked_at";

fn certificate(row: &Row) -> Result<Certificate, DbError> {
    Ok(Certificate {
        code: row.text("code")?,
        holder_name: row.text("holder_name")?,
        course_title: row.text("course_title")?,
        minutes: row.integer("minutes")?,
        accreditation_number: row.optional_text("accreditation_number")?,
        first_day: row.date("first_day")?,
        last_day: row.date("last_day")?,
        centre_name: row.text("centre_name")?,
        lecturer_name: row.text("lecturer_name")?,
        issued_on: prague_date(row.instant("issued_at")?),
    })
}

/// Issues a certificate to every worker credited for a closed run who has none yet; answers
/// the run's certificates.
pub async fn issue(
    db: &impl Database,
    run_id: &str,
    issued_by: &str,
    now: DateTime<Utc>,
) -> Result<Vec<IssuedCertificate>, ApiError> {
    in_transaction(db, async || {
        let run = db
            .query_one(
                "SELECT r.closed_at, c.title, c.accreditation_number, t.name AS centre_name, \
                 u.display_name AS lecturer_name, \
                 (SELECT MIN(s.starts_at) FROM training_sessions s WHERE s.run_id = r.id) AS first_start, \
                 (SELECT MAX(s.starts_at) FROM training_sessions s WHERE s.run_id = r.id) AS last_start \
                 FROM training_runs r JOIN training_courses c ON c.id = r.course_id \
                 JOIN training_centres t ON t.id = r.centre_id JOIN users u ON u.id = r.lecturer_id \
                 WHERE r.id = $1",
                &[run_id.into()],
            )
            .await?
            .ok_or(ApiError::NotFound("Termín kurzu"))?;
        if run.optional_text("closed_at")?.is_none() {
            return Err(ApiError::Conflict {
                code: "run_not_closed",
                field: None,
                message: "Osvědčení lze vydat až po uzavření docházky.".into(),
            });
        }
        let first_day = prague_date(run.instant("first_start")?).to_string();
        let last_day = prague_date(run.instant("last_start")?).to_string();
        let due = db
            .query(
                "SELECT c.user_id, c.minutes, u.display_name FROM training_credits c \
                 JOIN users u ON u.id = c.user_id \
                 LEFT JOIN training_certificates z ON z.run_id = c.run_id AND z.user_id = c.user_id \
                 WHERE c.run_id = $1 AND z.code IS NULL",
                &[run_id.into()],
            )
            .await?;
        for row in &due {
            db.execute(
                "INSERT INTO training_certificates (code, run_id, user_id, holder_name, \
                 course_title, minutes, accreditation_number, first_day, last_day, centre_name, \
                 lecturer_name, issued_by, issued_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                &[
                    code_from_random(platform::random::bytes()).into(),
                    run_id.into(),
                    row.text("user_id")?.into(),
                    row.text("display_name")?.into(),
                    run.text("title")?.into(),
                    row.integer("minutes")?.into(),
                    run.optional_text("accreditation_number")?.into(),
                    first_day.as_str().into(),
                    last_day.as_str().into(),
                    run.text("centre_name")?.into(),
                    run.text("lecturer_name")?.into(),
                    issued_by.into(),
                    timestamp::format(now).into(),
                ],
            )
            .await?;
        }
        Ok(listed(db, "run_id", run_id).await?)
    })
    .await
}

/// Certificates by a column: a run's, or a worker's (`user_id`).
pub async fn listed(
    db: &impl Database,
    column: &'static str,
    value: &str,
) -> Result<Vec<IssuedCertificate>, DbError> {
    let rows = db
        .query(
            &format!(
                "SELECT {COLUMNS} FROM training_certificates WHERE {column} = $1 \
                 ORDER BY last_day DESC, holder_name"
            ),
            &[value.into()],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(IssuedCertificate {
                certificate: certificate(row)?,
                revoked: row.optional_text("revoked_at")?.is_some(),
            })
        })
        .collect()
}

/// A certificate by its normalised code, with the day it was revoked, if it was.
pub async fn find(
    db: &impl Database,
    code: &str,
) -> Result<Option<(Certificate, Option<DateTime<Utc>>)>, DbError> {
    let row = db
        .query_one(
            &format!("SELECT {COLUMNS} FROM training_certificates WHERE code = $1"),
            &[code.into()],
        )
        .await?;
    row.map(|row| Ok((certificate(&row)?, row.optional_instant("revoked_at")?)))
        .transpose()
}

/// The run a certificate was issued for.
pub async fn run_of(db: &impl Database, code: &str) -> Result<Option<String>, DbError> {
    let row = db
        .query_one(
            "SELECT run_id FROM training_certificates WHERE code = $1",
            &[code.into()],
        )
        .await?;
    row.map(|row| row.text("run_id")).transpose()
}

/// Revokes a certificate; a second revocation keeps the first reason and day.
pub async fn revoke(
    db: &impl Database,
    code: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE training_certificates SET revoked_at = $2, revoked_reason = $3 \
         WHERE code = $1 AND revoked_at IS NULL",
        &[code.into(), timestamp::format(now).into(), reason.into()],
    )
    .await
    .map(drop)
}
