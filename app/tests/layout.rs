//! The app's layout holds: no file in `app/src` over 500 lines, no import cycle between its
//! top-level modules, features that import only the common layer (and `shared`), and a
//! common layer that imports no feature. The module graph is read from the `crate::…`
//! paths in the sources.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The most lines a source file may have, tests included.
const MAX_LINES: usize = 500;

/// The common layer every feature may use. Every other top-level module except the crate
/// root and `routes` is a feature.
const COMMON: [&str; 6] = ["paths", "json", "remote", "ui", "offline_store", "session"];

/// The module that puts the pages together: the one place allowed to import features.
const ROUTER: &str = "routes";

/// A source file: its path under `src/` (with `/` separators) and its text.
struct Source {
    path: String,
    text: String,
}

fn read_sources(dir: &Path, under: &str, into: &mut Vec<Source>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a readable directory")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a UTF-8 file name")
            .to_owned();
        let relative = if under.is_empty() {
            name.clone()
        } else {
            format!("{under}/{name}")
        };
        if path.is_dir() {
            read_sources(&path, &relative, into);
        } else if name.ends_with(".rs") {
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            into.push(Source {
                path: relative,
                text,
            });
        }
    }
}

fn app_sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    read_sources(&src, "", &mut sources);
    assert!(
        sources.iter().any(|source| source.path == "lib.rs"),
        "found app/src/lib.rs"
    );
    sources
}

/// The top-level module a file belongs to: `week/board.rs` and `week/mod.rs` are `week`,
/// `session.rs` is `session`; `lib.rs` is the crate root.
fn top_module(path: &str) -> String {
    match path.split_once('/') {
        Some((folder, _)) => folder.to_owned(),
        None => path.trim_end_matches(".rs").to_owned(),
    }
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The top-level modules a source refers to through `crate::name` or
/// `crate::{name, other::…}`, comments left out.
fn referenced_modules(text: &str) -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            let after = &rest[at + "crate::".len()..];
            rest = after;
            if before.is_some_and(is_identifier_char) {
                continue; // e.g. `my_crate::`
            }
            if let Some(group) = after.strip_prefix('{') {
                // `crate::{a, b::c}`: the first segment of each item (one line is enough
                // for this code base's grouped imports, which rustfmt keeps short).
                let group = group.split('}').next().unwrap_or_default();
                for item in group.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| is_identifier_char(*c))
                        .collect();
                    if !name.is_empty() && name != "self" {
                        modules.insert(name);
                    }
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| is_identifier_char(*c))
                    .collect();
                if !name.is_empty() {
                    modules.insert(name);
                }
            }
        }
    }
    modules
}

/// Which top-level module uses which: edges between different modules only, the crate
/// root (which declares them all) left out.
fn module_graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources {
        let from = top_module(&source.path);
        if from == "lib" {
            continue;
        }
        let uses = graph.entry(from.clone()).or_default();
        for to in referenced_modules(&source.text) {
            if to != from {
                uses.insert(to);
            }
        }
    }
    graph
}

/// A cycle in the graph, as the modules along it (first repeated at the end), if any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|on_path| on_path == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// The imports the layering forbids: a feature using another feature or the router, the
/// common layer using a feature or the router.
fn layering_violations(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut violations = Vec::new();
    for (from, uses) in graph {
        if from == ROUTER {
            continue;
        }
        for to in uses {
            if !COMMON.contains(&to.as_str()) {
                violations.push(format!("{from} uses {to}"));
            }
        }
    }
    violations
}

fn long_files(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .filter(|source| source.text.lines().count() > MAX_LINES)
        .map(|source| format!("{} ({} lines)", source.path, source.text.lines().count()))
        .collect()
}

#[test]
fn no_source_file_in_the_app_is_over_500_lines() {
    let long = long_files(&app_sources());
    assert!(long.is_empty(), "split these files: {long:?}");
}

#[test]
fn the_apps_modules_import_each_other_without_a_cycle() {
    let graph = module_graph(&app_sources());
    assert!(graph.contains_key(ROUTER), "the graph has the router");
    assert_eq!(find_cycle(&graph), None, "the module graph: {graph:#?}");
}

#[test]
fn features_use_only_the_common_layer_and_the_common_layer_no_feature() {
    let graph = module_graph(&app_sources());
    let violations = layering_violations(&graph);
    assert!(violations.is_empty(), "{violations:?}");
}

fn source(path: &str, text: &str) -> Source {
    Source {
        path: path.to_owned(),
        text: text.to_owned(),
    }
}

#[test]
fn a_cycle_through_a_feature_folder_is_found() {
    // Today's main before the split: the router's module and a feature page import each
    // other.
    let sources = [
        source("lib.rs", "pub mod pages;\npub mod week;"),
        source(
            "pages.rs",
            "use crate::week::WeekPage;\nuse crate::{paths, ui};",
        ),
        source(
            "week/board.rs",
            "// crate::audit is only mentioned here\nuse crate::pages::{FormAction, Session};",
        ),
    ];
    let graph = module_graph(&sources);
    assert_eq!(
        graph["week"],
        BTreeSet::from(["pages".to_owned()]),
        "comments are not imports"
    );
    assert_eq!(
        graph["pages"],
        BTreeSet::from(["paths".to_owned(), "ui".to_owned(), "week".to_owned()])
    );
    let cycle = find_cycle(&graph).expect("a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert!(cycle.contains(&"week".to_owned()) && cycle.contains(&"pages".to_owned()));
    assert_eq!(
        layering_violations(&graph),
        ["pages uses week", "week uses pages"],
        "a page module that is not the router may not import features"
    );
}

#[test]
fn a_file_over_the_limit_is_named() {
    let long = "fn f() {}\n".repeat(MAX_LINES + 1);
    let sources = [source("ok.rs", "fn f() {}\n"), source("week/big.rs", &long)];
    assert_eq!(long_files(&sources), ["week/big.rs (501 lines)"]);
}
