//! The sign-in form's data, checked before it is sent.

use shared::ErrorDetail;
use shared::identity::{LoginRequest, Password, Username};

use crate::ui::form::rejected;

/// The sign-in form as typed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LoginDraft {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for LoginDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginDraft")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// The credentials as the server takes them, or the field that is wrong.
pub fn parse_credentials(draft: &LoginDraft) -> Result<LoginRequest, ErrorDetail> {
    let username = Username::parse(&draft.username).map_err(rejected)?;
    let password = Password::parse(&draft.password).map_err(rejected)?;
    Ok(LoginRequest {
        username: username.as_str().to_owned(),
        password: password.expose().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(username: &str, password: &str) -> LoginDraft {
        LoginDraft {
            username: username.to_owned(),
            password: password.to_owned(),
        }
    }

    #[test]
    fn credentials_are_parsed_before_they_are_sent() {
        let request = parse_credentials(&draft("  Pecovatelka.Decin ", "demo1234")).expect("valid");
        assert_eq!(request.username, "pecovatelka.decin");
        assert_eq!(request.password, "demo1234");
    }

    #[test]
    fn a_missing_password_names_the_password_field() {
        let error = parse_credentials(&draft("pecovatelka.decin", "")).expect_err("empty password");
        assert_eq!(error.field.as_deref(), Some("password"));
        assert_eq!(error.message, "Zadejte heslo.");
    }

    #[test]
    fn a_missing_username_names_the_username_field() {
        let error = parse_credentials(&draft("", "x")).expect_err("empty username");
        assert_eq!(error.field.as_deref(), Some("username"));
    }
}
