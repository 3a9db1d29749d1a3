//! Every SQL statement of training; rows decoded strictly.

use platform::{Database, DbError};
use shared::catalogue::TrainingCentre;

/// The region's training centres by name, or only a lecturer's own.
pub async fn centres(
    db: &impl Database,
    lecturer: Option<&str>,
) -> Result<Vec<TrainingCentre>, DbError> {
    let select = "SELECT t.id, t.name, m.name AS municipality FROM training_centres t \
                  JOIN municipalities m ON m.code = t.municipality_code";
    let rows = match lecturer {
        Some(user_id) => {
            db.query(
                &format!(
                    "{select} JOIN training_centre_lecturers l ON l.centre_id = t.id \
                     WHERE l.user_id = $1 ORDER BY t.name"
                ),
                &[user_id.into()],
            )
            .await?
        }
        None => db.query(&format!("{select} ORDER BY t.name"), &[]).await?,
    };
    rows.iter()
        .map(|row| {
            Ok(TrainingCentre {
                id: row.text("id")?,
                name: row.text("name")?,
                municipality: row.text("municipality")?,
            })
        })
        .collect()
}
