//! The one error shape every API response uses, and the client decodes.

use serde::{Deserialize, Serialize};

/// `{"error": {"code": "...", "message": "...", "field": "..."}}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable, machine-readable, snake_case.
    pub code: String,
    /// Czech, for people.
    pub message: String,
    /// The input field that is wrong, as a dotted path, where there is one.
    #[serde(default)]
    pub field: Option<String>,
}

/// A rejected value, with the field it came from: what parsing at the boundary returns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: &'static str,
    /// Czech, for people.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}
