//! Embeds every `migrations/NNNN_name.sql` in order, so the components carry their schema.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    // At run time, not `env!`: a build script compiled in another checkout is reused by a
    // shared target directory and must read this checkout's migrations.
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = PathBuf::from(manifest_dir).join("../../migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<(u32, String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("migrations/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 file name");
            let (number, name) = stem
                .split_once('_')
                .unwrap_or_else(|| panic!("{stem}: migrations are named NNNN_name.sql"));
            let version = number
                .parse()
                .unwrap_or_else(|_| panic!("{stem}: migrations start with a number"));
            (
                version,
                name.to_owned(),
                path.canonicalize().expect("an existing file"),
            )
        })
        .collect();
    files.sort();
    for pair in files.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "two migrations share version {}",
            pair[0].0
        );
    }
    let mut code = String::from("pub const MIGRATIONS: &[Migration] = &[\n");
    for (version, name, path) in files {
        writeln!(
            code,
            "    Migration {{ version: {version}, name: {name:?}, sql: include_str!({path:?}) }},"
        )
        .expect("writing to a String succeeds");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("migrations.rs"), code).expect("OUT_DIR is writable");
}
