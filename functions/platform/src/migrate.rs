//! Applies `migrations/` exactly once, on both engines, whatever number of first requests
//! arrive at once. Every request pays one cheap read; only a behind schema takes the lock.

use chrono::{DateTime, Utc};

use crate::db::{Database, DbError, Engine, in_transaction};
use crate::error::ApiError;
use crate::{sql, timestamp};

#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    /// The same text for both engines, unless the migration is a pair of files.
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

impl Migration {
    pub fn sql(&self, engine: Engine) -> &'static str {
        match engine {
            Engine::Sqlite => self.sqlite,
            Engine::Postgres => self.postgres,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// Arbitrary, fixed: the PostgreSQL advisory lock that serialises migrators.
const MIGRATION_LOCK: i64 = 0x0e9e_ce00;

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |migration| migration.version)
}

async fn applied_version(db: &impl Database) -> Result<i64, DbError> {
    let row = db
        .query_one("SELECT MAX(version) AS version FROM schema_migrations", &[])
        .await?;
    Ok(row
        .map(|row| row.optional_integer("version"))
        .transpose()?
        .flatten()
        .unwrap_or(0))
}

/// What a brand-new database is filled with when the deployment asks for demo data. The
/// platform knows no area's tables: the seed lives outside it (the `demo` crate), and each
/// component names it as its `Component::Seed`.
#[allow(async_fn_in_trait)]
pub trait Seed {
    /// Runs once, inside the migration's transaction.
    async fn seed(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError>;
}

/// Brings the schema up to date; on a brand-new database also seeds `S` when asked.
pub async fn ensure_schema<S: Seed>(
    db: &impl Database,
    seed_demo: bool,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    // A missing table is an error here, and means the same as "behind".
    if applied_version(db)
        .await
        .is_ok_and(|version| version >= latest_version())
    {
        return Ok(());
    }
    if db.engine() == Engine::Sqlite {
        // Readers should not wait for a writer. The mode stays with the file, so setting it
        // here, once, is enough; it cannot change inside a transaction.
        db.query("PRAGMA journal_mode = WAL", &[]).await?;
    }
    in_transaction(db, async || -> Result<(), ApiError> {
        if db.engine() == Engine::Postgres {
            // Concurrent CREATE TABLE IF NOT EXISTS can still collide on PostgreSQL.
            db.execute("SELECT pg_advisory_xact_lock($1)", &[MIGRATION_LOCK.into()])
                .await?;
        }
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (\
                 version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            &[],
        )
        .await?;
        // Read again under the lock: another request may have finished meanwhile.
        let applied = applied_version(db).await?;
        for migration in MIGRATIONS.iter().filter(|m| m.version > applied) {
            for statement in sql::split_statements(migration.sql(db.engine())) {
                db.execute(&statement, &[]).await?;
            }
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                &[
                    migration.version.into(),
                    migration.name.into(),
                    timestamp::format(now).into(),
                ],
            )
            .await?;
        }
        if applied == 0 && seed_demo {
            S::seed(db, now).await?;
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_embedded_in_version_order() {
        assert!(MIGRATIONS.len() >= 2);
        assert!(
            MIGRATIONS
                .windows(2)
                .all(|pair| pair[0].version < pair[1].version)
        );
        assert!(MIGRATIONS.iter().all(|m| {
            [m.sqlite, m.postgres]
                .iter()
                .all(|text| !sql::split_statements(text).is_empty())
        }));
    }
}
