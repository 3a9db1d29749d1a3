//! The training area's part: the region's training centres and their lecturers.

use chrono::{DateTime, Utc};
use platform::{ApiError, Database, timestamp};

use crate::data::{LECTURERS, TRAINING_CENTRES, user_id};

pub async fn centres_and_lecturers(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    for (id, name, municipality) in TRAINING_CENTRES {
        db.execute(
            "INSERT INTO training_centres (id, name, municipality_code, created_at) VALUES ($1, $2, $3, $4)",
            &[id.into(), name.into(), municipality.into(), timestamp::format(now).into()],
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
    Ok(())
}
