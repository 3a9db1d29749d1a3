//! Every SQL statement of reports; rows decoded strictly.

use platform::{Database, DbError, Value};
use shared::catalogue::Municipality;

/// The region's municipalities by name, or those of one district.
pub async fn municipalities(
    db: &impl Database,
    district: Option<String>,
) -> Result<Vec<Municipality>, DbError> {
    let columns =
        "code, name, district, orp_name, latitude, longitude, population, population_60_plus";
    let rows = match district {
        Some(district) => {
            db.query(
                &format!(
                    "SELECT {columns} FROM municipalities WHERE district = $1 ORDER BY name, code"
                ),
                &[Value::Text(district)],
            )
            .await?
        }
        None => {
            db.query(
                &format!("SELECT {columns} FROM municipalities ORDER BY name, code"),
                &[],
            )
            .await?
        }
    };
    rows.iter()
        .map(|row| {
            Ok(Municipality {
                code: row.text("code")?,
                name: row.text("name")?,
                district: row.text("district")?,
                orp_name: row.text("orp_name")?,
                latitude: row.real("latitude")?,
                longitude: row.real("longitude")?,
                population: row.integer("population")?,
                population_60_plus: row.integer("population_60_plus")?,
            })
        })
        .collect()
}
