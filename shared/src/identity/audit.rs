//! The audit log as its manager reads it: entries, the filter, the cursor of keyset paging,
//! and the Czech words for what was done to what.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Role;
use crate::error::FieldError;

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: String,
    pub at: chrono::DateTime<chrono::Utc>,
    pub user_id: String,
    pub display_name: String,
    pub role: Role,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub client_id: Option<String>,
    /// The client's name, for people to read; `None` when the entry is about no client.
    #[serde(default)]
    pub client_name: Option<String>,
}

/// Where a page of the audit log ends. The log reads newest first, the entries of one
/// instant (one call logs many) by id, descending; the next page holds the entries strictly
/// after the cursor in that order, so a page boundary inside such a batch skips and repeats
/// nothing. On the wire `?before=<instant>~<id>`; an instant alone pages back from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditCursor {
    pub at: chrono::DateTime<chrono::Utc>,
    pub id: Option<String>,
}

impl AuditCursor {
    /// The cursor of the page that ends with `entry`.
    pub fn after(entry: &AuditEntry) -> Self {
        Self {
            at: entry.at,
            id: Some(entry.id.clone()),
        }
    }

    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let invalid = || {
            FieldError::new(
                "before",
                "Zadejte okamžik ve tvaru RFC 3339, např. 2026-11-23T10:00:00Z, případně s ~ a identifikátorem záznamu.",
            )
        };
        let (instant, id) = match text.split_once('~') {
            Some((instant, id)) if !id.is_empty() => (instant, Some(id.to_owned())),
            Some(_) => return Err(invalid()),
            None => (text, None),
        };
        let at = chrono::DateTime::parse_from_rfc3339(instant)
            .map_err(|_| invalid())?
            .with_timezone(&chrono::Utc);
        Ok(Self { at, id })
    }

    /// The `before` query value.
    pub fn to_query_value(&self) -> String {
        let instant = self.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        match &self.id {
            Some(id) => format!("{instant}~{id}"),
            None => instant,
        }
    }
}

/// The actions the log records, with their Czech names.
pub const AUDIT_ACTIONS: [(&str, &str); 4] = [
    ("read", "Zobrazení"),
    ("create", "Vytvoření"),
    ("update", "Změna"),
    ("delete", "Smazání"),
];

/// The audit action in Czech.
pub fn audit_action_label(action: &str) -> &'static str {
    AUDIT_ACTIONS
        .iter()
        .find(|(key, _)| *key == action)
        .map_or("Jiná činnost", |(_, label)| label)
}

/// What the audit line is about, in Czech.
pub fn audit_entity_label(entity: &str) -> &'static str {
    match entity {
        "visit" => "Návštěva",
        "client_schedule" => "Rozpis návštěv klienta",
        "client" => "Klient",
        "client_service" => "Konec služby klienta",
        "family_link" => "Přístup rodiny",
        "invitation" => "Pozvánka rodiny",
        "staff" | "user" => "Účet pracovníka",
        "care_record" => "Záznam o péči",
        "client_list" => "Seznam klientů",
        "staff_password_reset" => "Obnova hesla pracovníka",
        "price_cap" => "Cenový strop kraje",
        "price_list" => "Ceník poskytovatele",
        "provider_office_phone" => "Telefon kanceláře poskytovatele",
        "access_denied" => "Odepřený přístup",
        _ => "Jiný záznam",
    }
}

/// Which entries of the log to show: by whom, about which client, what was done, and on
/// which days (Prague calendar days, both ends included). Empty means everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub user_id: Option<String>,
    pub client_id: Option<String>,
    pub action: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl AuditFilter {
    /// The filter from query parameters (`user_id`, `client_id`, `action`, `from`, `to`);
    /// blank parameters are absent.
    pub fn parse(param: impl Fn(&str) -> Option<String>) -> Result<Self, FieldError> {
        let given = |name: &str| param(name).filter(|value| !value.trim().is_empty());
        let date = |name: &'static str| {
            given(name)
                .map(|text| {
                    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                        .map_err(|_| FieldError::new(name, "Zadejte datum ve tvaru RRRR-MM-DD."))
                })
                .transpose()
        };
        let action = given("action");
        if let Some(action) = &action
            && !AUDIT_ACTIONS.iter().any(|(key, _)| key == action)
        {
            return Err(FieldError::new(
                "action",
                "Vyberte činnost: zobrazení, vytvoření, změna nebo smazání.",
            ));
        }
        let filter = Self {
            user_id: given("user_id"),
            client_id: given("client_id"),
            action,
            from: date("from")?,
            to: date("to")?,
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && to < from
        {
            return Err(FieldError::new("to", "Konec období je před jeho začátkem."));
        }
        Ok(filter)
    }

    /// The filter as query parameters, only those set.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let text = |name, value: &Option<String>| value.clone().map(|value| (name, value));
        let date = |name, value: Option<NaiveDate>| value.map(|value| (name, value.to_string()));
        [
            text("user_id", &self.user_id),
            text("client_id", &self.client_id),
            text("action", &self.action),
            date("from", self.from),
            date("to", self.to),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Someone or something the log names: the id a filter sends, the name a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// `GET /api/auth/audit/choices`: whom and which clients the provider's log names, by
/// name, for the filter's lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditChoices {
    pub people: Vec<Named>,
    pub clients: Vec<Named>,
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn an_audit_cursor_carries_the_instant_and_the_id_of_the_last_entry() {
        let cursor = AuditCursor::parse("2026-11-05T19:00:00.120Z~abc").expect("a cursor");
        assert_eq!(cursor.id.as_deref(), Some("abc"));
        assert_eq!(cursor.to_query_value(), "2026-11-05T19:00:00.120Z~abc");
        let instant = AuditCursor::parse("2026-11-05T20:00:00+01:00").expect("an instant");
        assert_eq!(instant.id, None);
        assert_eq!(instant.to_query_value(), "2026-11-05T19:00:00.000Z");
        for bad in ["", "včera", "2026-11-05T19:00:00Z~"] {
            assert_eq!(AuditCursor::parse(bad).expect_err(bad).field, "before");
        }
    }

    fn params(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn an_audit_filter_reads_blank_parameters_as_absent_and_round_trips_its_query() {
        let filter = AuditFilter::parse(params(&[
            ("user_id", "user-1"),
            ("client_id", " "),
            ("action", "update"),
            ("from", "2026-11-01"),
            ("to", "2026-11-30"),
        ]))
        .expect("a valid filter");
        assert_eq!(filter.client_id, None);
        assert_eq!(
            filter.to_query_pairs(),
            [
                ("user_id", "user-1".to_owned()),
                ("action", "update".to_owned()),
                ("from", "2026-11-01".to_owned()),
                ("to", "2026-11-30".to_owned()),
            ]
        );
        let pairs: Vec<(&str, String)> = filter.to_query_pairs();
        let again = AuditFilter::parse(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.clone())
        });
        assert_eq!(again, Ok(filter));
        assert_eq!(AuditFilter::parse(params(&[])), Ok(AuditFilter::default()));
    }

    #[test]
    fn an_audit_filter_names_the_field_it_cannot_read() {
        let field = |pairs: &[(&str, &str)]| {
            AuditFilter::parse(params(pairs))
                .expect_err("invalid")
                .field
        };
        assert_eq!(field(&[("action", "frobnicate")]), "action");
        assert_eq!(field(&[("from", "1. 11. 2026")]), "from");
        assert_eq!(field(&[("from", "2026-11-02"), ("to", "2026-11-01")]), "to");
    }

    #[test]
    fn audit_lines_are_named_in_czech_even_when_unknown() {
        assert_eq!(audit_action_label("read"), "Zobrazení");
        assert_eq!(audit_action_label("delete"), "Smazání");
        assert_eq!(audit_action_label("frobnicate"), "Jiná činnost");
        assert_eq!(
            audit_entity_label("client_schedule"),
            "Rozpis návštěv klienta"
        );
        assert_eq!(audit_entity_label("visit"), "Návštěva");
        assert_eq!(audit_entity_label("widget"), "Jiný záznam");
    }
}
