//! The HTTP routes of `spin.toml`, matched as Spin matches them: an exact route, or a
//! `prefix/...` wildcard, the longest prefix winning.

use std::path::Path;

use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("spin.toml is not valid: {0}")]
    Parse(#[from] toml::de::Error),
}

#[derive(Debug, Deserialize)]
struct Manifest {
    trigger: Triggers,
}

#[derive(Debug, Deserialize)]
struct Triggers {
    http: Vec<HttpTrigger>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HttpTrigger {
    pub route: String,
    pub component: String,
}

/// What a request path resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched<'a> {
    pub component: &'a str,
    /// The route as written in the manifest.
    pub route: &'a str,
    /// What Spin passes as `spin-path-info`: the path after a wildcard route's prefix.
    pub path_info: String,
}

#[derive(Debug, Clone)]
pub struct Routes(Vec<HttpTrigger>);

impl Routes {
    pub fn load(path: &Path) -> Result<Self, ManifestError> {
        let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let manifest: Manifest = toml::from_str(text)?;
        Ok(Routes(manifest.trigger.http))
    }

    pub fn components(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|trigger| trigger.component.as_str())
    }

    pub fn find(&self, path: &str) -> Option<Matched<'_>> {
        self.0
            .iter()
            .filter_map(|trigger| {
                let (prefix, path_info) = match trigger.route.strip_suffix("/...") {
                    Some(prefix) if path == prefix => (prefix, String::new()),
                    Some(prefix) => (
                        prefix,
                        path.strip_prefix(&format!("{prefix}/"))
                            .map(|rest| format!("/{rest}"))?,
                    ),
                    None if path == trigger.route => (trigger.route.as_str(), String::new()),
                    None => return None,
                };
                Some((prefix.len(), trigger, path_info))
            })
            .max_by_key(|(prefix_length, _, _)| *prefix_length)
            .map(|(_, trigger, path_info)| Matched {
                component: &trigger.component,
                route: &trigger.route,
                path_info,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
        spin_manifest_version = 2
        [[trigger.http]]
        route = "/api/auth/..."
        component = "identity"
        [[trigger.http]]
        route = "/..."
        component = "web"
    "#;

    #[test]
    fn the_longest_wildcard_prefix_wins() {
        let routes = Routes::parse(MANIFEST).expect("valid manifest");
        let matched = routes.find("/api/auth/login").expect("routed");
        assert_eq!(matched.component, "identity");
        assert_eq!(matched.path_info, "/login");
        let matched = routes.find("/dnes").expect("routed");
        assert_eq!(matched.component, "web");
        assert_eq!(matched.path_info, "/dnes");
        assert_eq!(routes.find("/").expect("routed").path_info, "/");
    }

    #[test]
    fn a_path_that_only_shares_letters_with_a_prefix_is_not_under_it() {
        let routes = Routes::parse(MANIFEST).expect("valid manifest");
        assert_eq!(
            routes.find("/api/authority").expect("routed").component,
            "web"
        );
    }
}
