//! Embeds every `migrations/NNNN_name.sql` in order, so the components carry their schema.
//! A migration one engine writes differently (triggers) is a pair of files,
//! `NNNN_name.sqlite.sql` and `NNNN_name.postgres.sql`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// One migration's text for SQLite and for PostgreSQL.
#[derive(Default)]
struct Texts {
    name: String,
    sqlite: Option<PathBuf>,
    postgres: Option<PathBuf>,
}

fn main() {
    // At run time, not `env!`: a build script compiled in another checkout is reused by a
    // shared target directory and must read this checkout's migrations.
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = PathBuf::from(manifest_dir).join("../../migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut migrations: BTreeMap<u32, Texts> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("migrations/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|ext| ext != "sql") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name")
            .to_owned();
        let (number, rest) = stem
            .split_once('_')
            .unwrap_or_else(|| panic!("{stem}: migrations are named NNNN_name.sql"));
        let version: u32 = number
            .parse()
            .unwrap_or_else(|_| panic!("{stem}: migrations start with a number"));
        let (name, engines) = match rest.rsplit_once('.') {
            Some((name, "sqlite")) => (name, (true, false)),
            Some((name, "postgres")) => (name, (false, true)),
            Some(_) => panic!("{stem}: only .sqlite.sql and .postgres.sql name an engine"),
            None => (rest, (true, true)),
        };
        let texts = migrations.entry(version).or_default();
        assert!(
            texts.name.is_empty() || texts.name == name,
            "two migrations share version {version}"
        );
        texts.name = name.to_owned();
        let path = path.canonicalize().expect("an existing file");
        for (wanted, slot) in [
            (engines.0, &mut texts.sqlite),
            (engines.1, &mut texts.postgres),
        ] {
            if wanted {
                assert!(slot.is_none(), "two migrations share version {version}");
                *slot = Some(path.clone());
            }
        }
    }
    let mut code = String::from("pub const MIGRATIONS: &[Migration] = &[\n");
    for (version, texts) in migrations {
        let (Some(sqlite), Some(postgres)) = (texts.sqlite, texts.postgres) else {
            panic!("migration {version} is missing for one engine");
        };
        writeln!(
            code,
            "    Migration {{ version: {version}, name: {:?}, sqlite: include_str!({sqlite:?}), \
             postgres: include_str!({postgres:?}) }},",
            texts.name
        )
        .expect("writing to a String succeeds");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("migrations.rs"), code).expect("OUT_DIR is writable");
}
