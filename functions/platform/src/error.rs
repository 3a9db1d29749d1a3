//! The functions layer's one error type, and the one place it becomes an HTTP response.

use shared::error::FieldError;
use shared::{ErrorBody, ErrorDetail};

use crate::db::DbError;
use crate::http::{ApiResponse, Method};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("bad input ({code}) in {field:?}: {message}")]
    BadInput {
        code: &'static str,
        field: Option<String>,
        message: String,
    },
    #[error("not signed in")]
    Unauthenticated,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("the role may not do this")]
    Forbidden,
    #[error("no such route")]
    RouteNotFound,
    #[error("not found: {0}")]
    NotFound(&'static str),
    #[error("method not allowed")]
    MethodNotAllowed { allowed: Vec<Method> },
    #[error("conflict ({code}) in {field:?}")]
    Conflict {
        code: &'static str,
        field: Option<String>,
        message: String,
    },
    #[error("too many attempts; retry in {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: i64 },
    #[error("cross-site request refused")]
    CrossSiteRequest,
    #[error(transparent)]
    Database(#[from] DbError),
    /// A bug of ours that the request cannot fix (logged, answered with 500).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        ApiError::BadInput {
            code: "invalid_field",
            field: Some(error.field.to_owned()),
            message: error.message,
        }
    }
}

impl ApiError {
    fn status_code_and_message(&self) -> (u16, &'static str, String) {
        match self {
            ApiError::BadInput { code, message, .. } => (400, code, message.clone()),
            ApiError::Unauthenticated => (401, "unauthenticated", "Nejste přihlášeni.".into()),
            ApiError::InvalidCredentials => (
                401,
                "invalid_credentials",
                "Nesprávné přihlašovací jméno nebo heslo.".into(),
            ),
            ApiError::Forbidden => (403, "forbidden", "K této akci nemáte oprávnění.".into()),
            ApiError::RouteNotFound => (
                404,
                "route_not_found",
                "Požadovaná adresa neexistuje.".into(),
            ),
            ApiError::NotFound(what) => (404, "not_found", format!("Nenalezeno: {what}.")),
            ApiError::MethodNotAllowed { .. } => (
                405,
                "method_not_allowed",
                "Tato metoda není pro tuto adresu povolena.".into(),
            ),
            ApiError::Conflict { code, message, .. } => (409, code, message.clone()),
            ApiError::TooManyAttempts { .. } => (
                429,
                "too_many_attempts",
                "Příliš mnoho neúspěšných pokusů. Počkejte prosím a zkuste to znovu.".into(),
            ),
            ApiError::CrossSiteRequest => (
                403,
                "cross_site_request",
                "Požadavek nepřišel z aplikace E-péče a byl odmítnut.".into(),
            ),
            ApiError::Database(DbError::Unavailable(_)) => (
                503,
                "database_unavailable",
                "Databáze je dočasně nedostupná. Zkuste to prosím za chvíli.".into(),
            ),
            ApiError::Database(_) | ApiError::Internal(_) => (
                500,
                "internal_error",
                "Na serveru nastala chyba. Nic se neuložilo; zkuste to prosím znovu.".into(),
            ),
        }
    }

    /// The status and the wire error, for a response or for one item of a batch answer.
    pub fn detail(&self) -> (u16, ErrorDetail) {
        let (status, code, message) = self.status_code_and_message();
        let field = match self {
            ApiError::BadInput { field, .. } | ApiError::Conflict { field, .. } => field.clone(),
            _ => None,
        };
        if status >= 500 {
            // Details stay in the server log; the client gets the Czech message only.
            eprintln!("error {status}: {self}");
        }
        let detail = ErrorDetail {
            code: code.to_owned(),
            message,
            field,
        };
        (status, detail)
    }

    pub fn into_response(self) -> ApiResponse {
        let (status, error) = self.detail();
        let response = ApiResponse::json(status, &ErrorBody { error });
        match self {
            ApiError::MethodNotAllowed { allowed } => {
                let allow: Vec<&str> = allowed.iter().map(|method| method.as_str()).collect();
                response.with_header("allow", allow.join(", "))
            }
            ApiError::TooManyAttempts {
                retry_after_seconds,
            } => response.with_header("retry-after", retry_after_seconds.max(1).to_string()),
            _ => response,
        }
    }
}
