//! Writes a generated region into a new database, through the same migrations and the same
//! area writers as the demo. A failure midway leaves a database to throw away (on SQLite,
//! written without a journal, even its last round may be half written): write into a new
//! database again.
//!
//! epece-region --database sqlite://region.db | postgres://… [--seed N]
//!              [--providers 39] [--clients 6000] [--days-before 365] [--days-ahead 14]
//!
//! Every account's password is the demo's (`demo1234`); usernames follow the generator
//! (`vedouci.p01`, `koordinator.p01`, `pecovatel.p01.01`, `rodina.cl-p01-0001`, `kraj`).

use std::process::ExitCode;
use std::time::Instant;

use chrono::Utc;
use demo::{Demo, Params};
use platform::db::in_transaction;
use platform::migrate::ensure_schema;
use platform::sqlx_db::SqlxPool;
use platform::{ApiError, Database, Engine};

/// Days written per transaction.
const ROUND_DAYS: usize = 5 * demo::DAYS_PER_ROUND;

struct Arguments {
    database_url: String,
    params: Params,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut database_url = None;
    let mut params = Params::region(1);
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        let value = words.next().ok_or(format!("{word} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|e| format!("{word}: {e}"));
        let count = || value.parse::<usize>().map_err(|e| format!("{word}: {e}"));
        let days = || value.parse::<i64>().map_err(|e| format!("{word}: {e}"));
        match word.as_str() {
            "--database" => database_url = Some(value.clone()),
            "--seed" => params.seed = number()?,
            "--providers" => params.providers = count()?,
            "--clients" => params.clients = count()?,
            "--days-before" => params.days_before = days()?,
            "--days-ahead" => params.days_ahead = days()?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Arguments {
        database_url: database_url.ok_or("--database is required")?,
        params,
    })
}

async fn run(arguments: Arguments) -> Result<(), ApiError> {
    let started = Instant::now();
    let now = Utc::now();
    let pool = SqlxPool::connect(&arguments.database_url).await?;
    let db = pool.acquire().await?;
    ensure_schema::<Demo>(&db, false, now).await?;
    let existing = db
        .query_one("SELECT COUNT(*) AS n FROM providers", &[])
        .await?;
    if existing
        .map(|row| row.integer("n"))
        .transpose()?
        .unwrap_or(0)
        > 0
    {
        return Err(ApiError::Internal(
            "the database already holds providers: write a region into a new one".into(),
        ));
    }
    let sqlite = db.engine() == Engine::Sqlite;
    if sqlite {
        // A bulk load of a new file: a failure midway means starting again anyway, so no
        // journal (each page is written once, into the file) and no flushes; a large cache
        // keeps a round's pages in memory until it commits.
        db.execute("PRAGMA journal_mode = OFF", &[]).await?;
        db.execute("PRAGMA synchronous = OFF", &[]).await?;
        db.execute("PRAGMA cache_size = -262144", &[]).await?;
    }
    let region = demo::region::generate(&arguments.params, now);
    eprintln!(
        "epece-region: {} providers, {} accounts, {} clients, {} templates; {} days of visits",
        region.providers.len(),
        region.users.len(),
        region.clients.len(),
        region.templates.len(),
        region.days.len()
    );
    // One transaction per round: on PostgreSQL everything or nothing of a round, and a
    // bounded log.
    in_transaction(&db, async || demo::write_registry(&db, &region).await).await?;
    let rebuilt = if sqlite {
        drop_day_indexes(&db).await?
    } else {
        Vec::new()
    };
    let mut written = 0;
    for dates in region.days.chunks(ROUND_DAYS) {
        in_transaction(&db, async || demo::write_days(&db, &region, dates).await).await?;
        written += dates.len();
        eprintln!(
            "epece-region: {written}/{} days written, {:.1} s",
            region.days.len(),
            started.elapsed().as_secs_f64()
        );
    }
    in_transaction(&db, async || {
        demo::write_prices_and_links(&db, &region).await
    })
    .await?;
    for index in &rebuilt {
        db.execute(index, &[]).await?;
    }
    if sqlite {
        // Back to the write-ahead log the hosts read the file with.
        db.execute("PRAGMA journal_mode = WAL", &[]).await?;
    } else {
        // Statistics of the whole load: autovacuum may have analysed the tables midway,
        // with today's and the coming days' visits not yet written, and PostgreSQL then
        // plans a caregiver's day for one visit rather than a hundred.
        db.execute("ANALYZE", &[]).await?;
    }
    for table in ["visits", "visit_records", "incidents", "audit_log"] {
        let row = db
            .query_one(&format!("SELECT COUNT(*) AS n FROM {table}"), &[])
            .await?;
        let count = row.map(|row| row.integer("n")).transpose()?.unwrap_or(0);
        eprintln!("epece-region: {table}: {count} rows");
    }
    println!(
        "region written in {:.1} s (seed {})",
        started.elapsed().as_secs_f64(),
        arguments.params.seed
    );
    Ok(())
}

/// The tables the days fill. On SQLite their secondary indexes are made once, after the
/// load: sorting a finished table costs far less than keeping six indexes in order through
/// 750,000 inserts. (Primary keys and `UNIQUE` constraints stay: the load's references and
/// duplicates are checked as they are written.)
const DAY_TABLES: [&str; 5] = [
    "visits",
    "visit_tasks",
    "visit_records",
    "record_tasks",
    "incidents",
];

/// Drops the secondary indexes of `DAY_TABLES`, answering the statements that make them.
async fn drop_day_indexes(db: &impl Database) -> Result<Vec<String>, ApiError> {
    let tables: Vec<String> = DAY_TABLES.iter().map(|t| format!("'{t}'")).collect();
    let indexes = db
        .query(
            &format!(
                "SELECT name, sql FROM sqlite_master \
                 WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({}) ORDER BY name",
                tables.join(", ")
            ),
            &[],
        )
        .await?;
    let mut statements = Vec::with_capacity(indexes.len());
    for index in indexes {
        db.execute(&format!("DROP INDEX {}", index.text("name")?), &[])
            .await?;
        statements.push(index.text("sql")?);
    }
    Ok(statements)
}

#[tokio::main]
async fn main() -> ExitCode {
    match parse_arguments() {
        Ok(arguments) => match run(arguments).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("epece-region: {error}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("epece-region: {message}");
            ExitCode::from(2)
        }
    }
}
