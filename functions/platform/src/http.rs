//! Requests and responses as the handlers see them, the same under Spin and natively.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
    Other,
}

impl Method {
    pub fn parse(name: &str) -> Method {
        match name.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            "HEAD" => Method::Head,
            "OPTIONS" => Method::Options,
            _ => Method::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
            Method::Other => "OTHER",
        }
    }

    /// Methods that change state, and so need a session's CSRF protection.
    pub fn is_mutating(self) -> bool {
        !matches!(self, Method::Get | Method::Head | Method::Options)
    }
}

#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    /// The full path, without the query string.
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl ApiRequest {
    pub fn new(method: Method, path_and_query: &str) -> Self {
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        Self {
            method,
            path: path.to_owned(),
            query: query.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The address the request came from, without its port: Spin's `spin-client-addr`
    /// header (the native host sets it too). `None` when the runtime does not say.
    pub fn client_address(&self) -> Option<String> {
        let address = self.header("spin-client-addr")?;
        Some(match address.parse::<std::net::SocketAddr>() {
            Ok(socket) => socket.ip().to_string(),
            Err(_) => address.to_owned(),
        })
    }

    /// One decoded query-string parameter (`okres=Most`; `+` and `%XX` decoded).
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| percent_decode(&value.replace('+', " ")))
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case("cookie"))
            .flat_map(|(_, value)| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes.get(index + 1..index + 3).and_then(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        });
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApiResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl ApiResponse {
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn json(status: u16, value: &impl Serialize) -> Self {
        // Serialising our own wire types cannot fail: they hold no maps with non-string keys.
        let body = serde_json::to_vec(value).unwrap_or_default();
        Self::new(status)
            .with_header("content-type", "application/json; charset=utf-8")
            .with_header("cache-control", "no-store")
            .with_body(body)
    }

    pub fn ok(value: &impl Serialize) -> Self {
        Self::json(200, value)
    }

    pub fn no_content() -> Self {
        Self::new(204).with_header("cache-control", "no-store")
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn with_body(mut self, body: Vec<u8>) -> Self {
        self.body = body;
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_is_found_among_several() {
        let mut request = ApiRequest::new(Method::Get, "/api/auth/me?x=1");
        request
            .headers
            .push(("Cookie".into(), "theme=dark; epece_session=abc123".into()));
        assert_eq!(request.cookie("epece_session"), Some("abc123"));
        assert_eq!(request.cookie("missing"), None);
        assert_eq!(request.path, "/api/auth/me");
        assert_eq!(request.query, "x=1");
    }

    #[test]
    fn a_query_parameter_is_percent_decoded() {
        let request = ApiRequest::new(Method::Get, "/r?x=1&okres=%C3%9Ast%C3%AD+nad+Labem");
        assert_eq!(
            request.query_param("okres").as_deref(),
            Some("Ústí nad Labem")
        );
        assert_eq!(request.query_param("missing"), None);
    }
}
