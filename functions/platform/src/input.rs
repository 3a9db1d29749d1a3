//! Turning a request body into a typed value, once, at the boundary.

use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Parses a JSON body. Every failure is a 400 that names the field at fault.
pub fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadInput {
            code: "malformed_json",
            field: None,
            message: "Požadavek musí obsahovat data ve formátu JSON.".into(),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(describe)?;
    deserializer.end().map_err(|_| malformed(None))?;
    Ok(value)
}

fn malformed(field: Option<String>) -> ApiError {
    ApiError::BadInput {
        code: "malformed_json",
        field,
        message: "Data nejsou platný JSON.".into(),
    }
}

/// serde names a missing or unknown field only in its message, on the parent's path.
fn named_field(message: &str) -> Option<&str> {
    ["missing field `", "unknown field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .and_then(|rest| rest.split('`').next())
}

fn describe(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = error.path().to_string();
    let inner = error.into_inner();
    let text = inner.to_string();
    let field = match (path.as_str(), named_field(&text)) {
        (".", Some(name)) => Some(name.to_owned()),
        (parent, Some(name)) if !parent.ends_with(name) => Some(format!("{parent}.{name}")),
        (".", None) => None,
        (path, _) => Some(path.to_owned()),
    };
    let (code, message) = if inner.is_syntax() || inner.is_eof() {
        return malformed(field);
    } else if text.starts_with("missing field") {
        ("missing_field", "Chybí povinná položka.")
    } else if text.starts_with("unknown field") {
        ("unknown_field", "Neznámá položka.")
    } else {
        ("invalid_type", "Položka má nesprávný typ nebo hodnotu.")
    };
    ApiError::BadInput {
        code,
        field,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::identity::LoginRequest;

    fn field_and_code(body: &str) -> (Option<String>, &'static str) {
        match json_body::<LoginRequest>(body.as_bytes()) {
            Err(ApiError::BadInput { code, field, .. }) => (field, code),
            other => panic!("expected bad input, got {other:?}"),
        }
    }

    #[test]
    fn a_valid_body_parses() {
        let login: LoginRequest = json_body(br#"{"username":"a","password":"b"}"#).expect("valid");
        assert_eq!(login.username, "a");
    }

    #[test]
    fn malformed_json_is_reported_as_such() {
        assert_eq!(field_and_code("{\"username\":").1, "malformed_json");
        assert_eq!(field_and_code("").1, "malformed_json");
        assert_eq!(
            field_and_code(r#"{"username":"a","password":"b"} trailing"#).1,
            "malformed_json"
        );
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        assert_eq!(
            field_and_code(r#"{"username":5,"password":"b"}"#),
            (Some("username".into()), "invalid_type")
        );
    }

    #[test]
    fn an_unknown_field_is_named() {
        assert_eq!(
            field_and_code(r#"{"username":"a","password":"b","admin":true}"#),
            (Some("admin".into()), "unknown_field")
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        assert_eq!(
            field_and_code(r#"{"username":"a"}"#),
            (Some("password".into()), "missing_field")
        );
    }
}
