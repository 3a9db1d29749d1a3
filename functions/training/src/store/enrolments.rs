//! Places and the waiting list. Every change runs in a transaction that first takes the
//! run's lock (`lock_run`), so concurrent enrolments and cancellations see each other's
//! counts: a run never holds more than its capacity, and each freed place promotes exactly
//! one waiting worker.

use chrono::{DateTime, Utc};
use platform::db::in_transaction;
use platform::{ApiError, Database, DbError, timestamp};
use shared::training::EnrolmentOutcome;
use shared::training::enrolment::{
    Cancellation, EnrolDecision, EnrolmentStatus, RunState, cancellation, decide_enrolment,
};

use super::lock_run;

/// Who is enrolled, for whom, and by whom.
#[derive(Debug, Clone, Copy)]
pub struct Enrolment<'a> {
    pub run_id: &'a str,
    pub worker_id: &'a str,
    pub provider_id: &'a str,
    pub by: &'a str,
}

async fn run_state(
    db: &impl Database,
    run_id: &str,
) -> Result<(RunState, DateTime<Utc>), ApiError> {
    let row = db
        .query_one(
            "SELECT r.capacity, r.enrol_by, r.cancel_by, r.closed_at, \
             (SELECT COUNT(*) FROM training_enrolments e WHERE e.run_id = r.id AND e.status = 'enrolled') AS enrolled \
             FROM training_runs r WHERE r.id = $1",
            &[run_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Termín kurzu"))?;
    let state = RunState {
        capacity: row.integer("capacity")?,
        enrolled: row.integer("enrolled")?,
        enrol_by: row.instant("enrol_by")?,
        closed: row.optional_text("closed_at")?.is_some(),
    };
    Ok((state, row.instant("cancel_by")?))
}

async fn current_status(
    db: &impl Database,
    run_id: &str,
    worker_id: &str,
) -> Result<Option<EnrolmentStatus>, DbError> {
    let row = db
        .query_one(
            "SELECT status FROM training_enrolments WHERE run_id = $1 AND user_id = $2",
            &[run_id.into(), worker_id.into()],
        )
        .await?;
    row.map(|row| row.parsed("status", "an enrolment status", EnrolmentStatus::parse))
        .transpose()
}

/// Enrols, or puts on the waiting list; enrolling again changes nothing.
pub async fn enrol(
    db: &impl Database,
    enrolment: Enrolment<'_>,
    now: DateTime<Utc>,
) -> Result<EnrolmentOutcome, ApiError> {
    in_transaction(db, async || {
        let queue_position = lock_run(db, enrolment.run_id)
            .await?
            .ok_or(ApiError::NotFound("Termín kurzu"))?;
        let (state, _) = run_state(db, enrolment.run_id).await?;
        let current = current_status(db, enrolment.run_id, enrolment.worker_id).await?;
        let status = match decide_enrolment(state, current, now) {
            EnrolDecision::AlreadyIn(status) => {
                return Ok(EnrolmentOutcome {
                    status,
                    late: false,
                });
            }
            EnrolDecision::Closed => return Err(conflict("run_closed", "Kurz je již uzavřen.")),
            EnrolDecision::DeadlinePassed => {
                return Err(conflict(
                    "enrolment_closed",
                    "Termín pro přihlášení na tento kurz již uplynul.",
                ));
            }
            EnrolDecision::Place => EnrolmentStatus::Enrolled,
            EnrolDecision::WaitingList => EnrolmentStatus::Waiting,
        };
        let params = [
            enrolment.run_id.into(),
            enrolment.worker_id.into(),
            enrolment.provider_id.into(),
            status.as_str().into(),
            enrolment.by.into(),
            timestamp::format(now).into(),
            queue_position.into(),
            platform::random::new_id().into(),
        ];
        if current.is_some() {
            db.execute(
                "UPDATE training_enrolments SET provider_id = $3, status = $4, enrolled_by = $5, \
                 requested_at = $6, queue_position = $7, promoted_at = NULL, \
                 promotion_seen_at = NULL, cancelled_at = NULL, cancelled_late = 0 \
                 WHERE run_id = $1 AND user_id = $2",
                &params[..7],
            )
            .await?;
        } else {
            db.execute(
                "INSERT INTO training_enrolments (run_id, user_id, provider_id, status, \
                 enrolled_by, requested_at, queue_position, id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &params,
            )
            .await?;
        }
        Ok(EnrolmentOutcome {
            status,
            late: false,
        })
    })
    .await
}

fn conflict(code: &'static str, message: &str) -> ApiError {
    ApiError::Conflict {
        code,
        field: Some("run_id".into()),
        message: message.into(),
    }
}

/// Cancels a place or a waiting-list entry; a freed place goes to the first waiting.
pub async fn cancel(
    db: &impl Database,
    run_id: &str,
    worker_id: &str,
    now: DateTime<Utc>,
) -> Result<EnrolmentOutcome, ApiError> {
    in_transaction(db, async || {
        lock_run(db, run_id)
            .await?
            .ok_or(ApiError::NotFound("Termín kurzu"))?;
        let (state, cancel_by) = run_state(db, run_id).await?;
        if state.closed {
            return Err(conflict("run_closed", "Kurz je již uzavřen."));
        }
        let current = current_status(db, run_id, worker_id)
            .await?
            .ok_or(ApiError::NotFound("Přihláška"))?;
        let Some(Cancellation {
            late,
            frees_a_place,
        }) = cancellation(current, cancel_by, now)
        else {
            return Ok(EnrolmentOutcome {
                status: EnrolmentStatus::Cancelled,
                late: false,
            });
        };
        db.execute(
            "UPDATE training_enrolments SET status = 'cancelled', cancelled_at = $3, \
             cancelled_late = $4 WHERE run_id = $1 AND user_id = $2",
            &[
                run_id.into(),
                worker_id.into(),
                timestamp::format(now).into(),
                i64::from(late).into(),
            ],
        )
        .await?;
        if frees_a_place && state.enrolled - 1 < state.capacity {
            promote_first_waiting(db, run_id, now).await?;
        }
        Ok(EnrolmentOutcome {
            status: EnrolmentStatus::Cancelled,
            late,
        })
    })
    .await
}

/// Gives the first waiting worker a place; `false`: nobody was waiting.
pub(super) async fn promote_first_waiting(
    db: &impl Database,
    run_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let first = db
        .query_one(
            "SELECT id FROM training_enrolments WHERE run_id = $1 AND status = 'waiting' \
             ORDER BY queue_position, id LIMIT 1",
            &[run_id.into()],
        )
        .await?;
    if let Some(row) = first {
        db.execute(
            "UPDATE training_enrolments SET status = 'enrolled', promoted_at = $2 \
             WHERE id = $1 AND status = 'waiting'",
            &[row.text("id")?.into(), timestamp::format(now).into()],
        )
        .await?;
        return Ok(true);
    }
    Ok(false)
}

/// A worker's enrolments with what she has not seen yet; marks the promotions as seen.
pub struct OwnEnrolment {
    pub run_id: String,
    pub status: EnrolmentStatus,
    pub cancelled_late: bool,
    pub newly_promoted: bool,
}

pub async fn own(
    db: &impl Database,
    worker_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<OwnEnrolment>, DbError> {
    let rows = db
        .query(
            "SELECT run_id, status, cancelled_late, promoted_at, promotion_seen_at \
             FROM training_enrolments WHERE user_id = $1",
            &[worker_id.into()],
        )
        .await?;
    let enrolments = rows
        .iter()
        .map(|row| {
            Ok(OwnEnrolment {
                run_id: row.text("run_id")?,
                status: row.parsed("status", "an enrolment status", EnrolmentStatus::parse)?,
                cancelled_late: row.flag("cancelled_late")?,
                newly_promoted: row.optional_text("promoted_at")?.is_some()
                    && row.optional_text("promotion_seen_at")?.is_none(),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    db.execute(
        "UPDATE training_enrolments SET promotion_seen_at = $2 \
         WHERE user_id = $1 AND promoted_at IS NOT NULL AND promotion_seen_at IS NULL",
        &[worker_id.into(), timestamp::format(now).into()],
    )
    .await?;
    Ok(enrolments)
}
