//! The audit log's page as plain data: the filter as typed, the URLs it asks, and the pages
//! loaded so far. The Czech words for actions and entities are `shared::identity`'s.

use shared::error::FieldError;
use shared::identity::{AuditCursor, AuditEntry, AuditFilter};

use crate::remote::path_segment;

/// Entries a page loads.
pub const AUDIT_PAGE: usize = 50;

/// The filter's fields as the manager left them: ids from the lists, ISO dates from the
/// date inputs; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilterDraft {
    pub user_id: String,
    pub client_id: String,
    pub action: String,
    pub from: String,
    pub to: String,
}

impl AuditFilterDraft {
    /// The filter, checked by the rule the server applies.
    pub fn filter(&self) -> Result<AuditFilter, FieldError> {
        AuditFilter::parse(|name| {
            let value = match name {
                "user_id" => &self.user_id,
                "client_id" => &self.client_id,
                "action" => &self.action,
                "from" => &self.from,
                "to" => &self.to,
                _ => return None,
            };
            Some(value.clone())
        })
    }
}

/// What the table says without entries: a log with nothing in it yet is not a filter that
/// chose nothing.
pub fn no_entries_text(filter: &AuditFilter) -> &'static str {
    if *filter == AuditFilter::default() {
        "Záznam přístupů je zatím prázdný."
    } else {
        "Filtru neodpovídá žádný záznam."
    }
}

fn query(filter: &AuditFilter) -> String {
    filter
        .to_query_pairs()
        .iter()
        .map(|(name, value)| format!("&{name}={}", path_segment(value)))
        .collect()
}

/// The page of the log after `before` (the first page without it).
pub fn page_url(filter: &AuditFilter, before: Option<&AuditCursor>) -> String {
    let before = before
        .map(|cursor| format!("&before={}", path_segment(&cursor.to_query_value())))
        .unwrap_or_default();
    format!(
        "/api/auth/audit?limit={AUDIT_PAGE}{}{before}",
        query(filter)
    )
}

/// The CSV of everything the filter chooses.
pub fn export_url(filter: &AuditFilter) -> String {
    let query = query(filter);
    match query.strip_prefix('&') {
        Some(rest) => format!("/api/auth/audit/export.csv?{rest}"),
        None => "/api/auth/audit/export.csv".to_owned(),
    }
}

/// The entries loaded so far, newest first, and whether the log has more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditPages {
    pub entries: Vec<AuditEntry>,
    pub complete: bool,
}

impl AuditPages {
    /// The pages so far followed by `page`; a page shorter than a full one is the last.
    pub fn with_page(mut self, page: Vec<AuditEntry>) -> Self {
        self.complete = page.len() < AUDIT_PAGE;
        self.entries.extend(page);
        self
    }

    /// Where the next page starts, while there may be one.
    pub fn next_cursor(&self) -> Option<AuditCursor> {
        if self.complete {
            return None;
        }
        self.entries.last().map(AuditCursor::after)
    }

    /// `Zobrazeno 3 záznamy`, `… a další lze načíst` while more remain.
    pub fn summary(&self) -> String {
        let count = self.entries.len();
        let noun = match count {
            1 => "záznam",
            2..=4 => "záznamy",
            _ => "záznamů",
        };
        let shown = if count == 1 { "Zobrazen" } else { "Zobrazeno" };
        let more = if self.complete {
            ""
        } else {
            "; další lze načíst"
        };
        format!("{shown} {count} {noun}{more}.")
    }
}

#[cfg(test)]
mod tests;
