//! The route table each component declares: method, path pattern, endpoint and who may call.

use shared::identity::Role;

use crate::error::ApiError;
use crate::http::Method;

/// Who may call a route. Every route declares one; there is no default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (login).
    Public,
    /// A signed-in user whose role is listed.
    Roles(&'static [Role]),
}

#[derive(Debug)]
pub struct Route<E: 'static> {
    pub method: Method,
    /// `/api/schedule/visits/{id}`: literal segments and `{name}` parameters.
    pub pattern: &'static str,
    pub endpoint: E,
    pub access: Access,
}

impl<E> Route<E> {
    /// One row of a route table, for tables written as calls rather than struct literals.
    pub const fn new(method: Method, pattern: &'static str, endpoint: E, access: Access) -> Self {
        Route {
            method,
            pattern,
            endpoint,
            access,
        }
    }
}

/// Values of a matched route's `{name}` segments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathParams(Vec<(&'static str, String)>);

impl PathParams {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The value of a `{name}` segment the route's pattern declares. A handler that asks for
    /// a name its pattern lacks is a bug of ours: an internal error naming it, never "".
    pub fn require(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name).ok_or_else(|| {
            ApiError::Internal(format!("the route's pattern has no {{{name}}} segment"))
        })
    }
}

fn match_pattern(pattern: &'static str, path: &str) -> Option<PathParams> {
    let pattern_segments: Vec<&'static str> = pattern.trim_end_matches('/').split('/').collect();
    let path_segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if pattern_segments.len() != path_segments.len() {
        return None;
    }
    let mut params = Vec::new();
    for (expected, actual) in pattern_segments.into_iter().zip(path_segments) {
        match expected.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) if !actual.is_empty() => params.push((name, actual.to_owned())),
            Some(_) => return None,
            None if expected == actual => {}
            None => return None,
        }
    }
    Some(PathParams(params))
}

/// Finds the route for a request: 404 when no pattern fits the path, 405 when one does but
/// not with this method.
pub fn find_route<'r, E>(
    routes: &'r [Route<E>],
    method: Method,
    path: &str,
) -> Result<(&'r Route<E>, PathParams), ApiError> {
    let mut allowed = Vec::new();
    for route in routes {
        if let Some(params) = match_pattern(route.pattern, path) {
            if route.method == method {
                return Ok((route, params));
            }
            allowed.push(route.method);
        }
    }
    if allowed.is_empty() {
        Err(ApiError::RouteNotFound)
    } else {
        Err(ApiError::MethodNotAllowed { allowed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROUTES: &[Route<u8>] = &[
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/{id}",
            endpoint: 1,
            access: Access::Public,
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/visits",
            endpoint: 2,
            access: Access::Public,
        },
    ];

    #[test]
    fn a_parameter_segment_is_captured() {
        let (route, params) =
            find_route(ROUTES, Method::Get, "/api/schedule/visits/v-42").expect("matches");
        assert_eq!(route.endpoint, 1);
        assert_eq!(params.get("id"), Some("v-42"));
    }

    #[test]
    fn a_known_path_with_the_wrong_method_is_405_listing_the_allowed_ones() {
        match find_route(ROUTES, Method::Delete, "/api/schedule/visits") {
            Err(ApiError::MethodNotAllowed { allowed }) => assert_eq!(allowed, vec![Method::Post]),
            other => panic!("expected 405, got {other:?}"),
        }
    }

    #[test]
    fn a_parameter_the_pattern_lacks_is_an_internal_error_not_an_empty_value() {
        let (_, params) =
            find_route(ROUTES, Method::Get, "/api/schedule/visits/v-42").expect("matches");
        assert_eq!(params.require("id").ok(), Some("v-42"));
        assert!(matches!(
            params.require("client_id"),
            Err(ApiError::Internal(_))
        ));
    }

    #[test]
    fn an_unknown_path_is_404() {
        assert!(matches!(
            find_route(ROUTES, Method::Get, "/api/schedule/nothing/here/at/all"),
            Err(ApiError::RouteNotFound)
        ));
        assert!(matches!(
            find_route(ROUTES, Method::Get, "/api/schedule/visits/"),
            Err(ApiError::MethodNotAllowed { .. })
        ));
    }
}
