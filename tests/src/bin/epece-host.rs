//! Runs E-péče natively without Spin: for the browser tests and for development.
//!
//! epece-host [--listen 127.0.0.1:8080] [--database sqlite://epece.db | postgres://…]
//!            [--static-dir dist] [--manifest spin.toml] [--demo]
//!
//! Without --database, a fresh SQLite file in a temporary folder. Prints
//! `listening on http://ADDRESS` once the port is bound.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use epece_tests::server::repository_root;
use epece_tests::{Clock, Host, HostConfig};

struct Arguments {
    listen: SocketAddr,
    database_url: Option<String>,
    static_dir: PathBuf,
    manifest: PathBuf,
    seed_demo: bool,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut arguments = Arguments {
        listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
        database_url: None,
        static_dir: repository_root().join("dist"),
        manifest: repository_root().join("spin.toml"),
        seed_demo: false,
    };
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        let mut value = |name: &str| words.next().ok_or(format!("{name} needs a value"));
        match word.as_str() {
            "--listen" => {
                arguments.listen = value("--listen")?
                    .parse()
                    .map_err(|e| format!("--listen: {e}"))?;
            }
            "--database" => arguments.database_url = Some(value("--database")?),
            "--static-dir" => arguments.static_dir = value("--static-dir")?.into(),
            "--manifest" => arguments.manifest = value("--manifest")?.into(),
            "--demo" => arguments.seed_demo = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(arguments)
}

#[tokio::main]
async fn main() -> ExitCode {
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("epece-host: {message}");
            return ExitCode::from(2);
        }
    };
    // Kept alive until the process ends: the temporary database lives in it.
    let scratch = std::env::temp_dir().join(format!("epece-host-{}", std::process::id()));
    let database_url = arguments.database_url.unwrap_or_else(|| {
        let _ = std::fs::create_dir_all(&scratch);
        format!("sqlite://{}", scratch.join("epece.db").display())
    });
    let config = HostConfig {
        database_url,
        seed_demo: arguments.seed_demo,
        static_dir: arguments.static_dir,
        manifest: arguments.manifest,
        clock: Clock::default(),
    };
    let running = match Host::new(config).await {
        Ok(host) => host.start(arguments.listen).await,
        Err(error) => Err(error),
    };
    match running {
        Ok(running) => {
            println!("listening on {}", running.url(""));
            let _ = tokio::signal::ctrl_c().await;
            let _ = std::fs::remove_dir_all(&scratch);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("epece-host: {error}");
            ExitCode::FAILURE
        }
    }
}
