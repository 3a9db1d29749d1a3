use chrono::{DateTime, Utc};
use shared::identity::Role;

use super::*;

fn entry(id: &str) -> AuditEntry {
    AuditEntry {
        id: id.to_owned(),
        at: DateTime::parse_from_rfc3339("2026-11-05T09:00:00.120Z")
            .expect("valid")
            .with_timezone(&Utc),
        user_id: "user-1".to_owned(),
        display_name: "Jana Pečovatelka".to_owned(),
        role: Role::Caregiver,
        action: "read".to_owned(),
        entity: "visit".to_owned(),
        entity_id: None,
        client_id: None,
        client_name: None,
    }
}

fn entries(count: usize) -> Vec<AuditEntry> {
    (0..count).map(|n| entry(&format!("e{n:03}"))).collect()
}

#[test]
fn the_filter_as_typed_asks_the_log_page_by_page_and_exports_the_same_choice() {
    let draft = AuditFilterDraft {
        user_id: "user-pecovatelka.decin".to_owned(),
        client_id: String::new(),
        action: "read".to_owned(),
        from: "2026-11-01".to_owned(),
        to: String::new(),
    };
    let filter = draft.filter().expect("a valid filter");
    assert_eq!(
        page_url(&filter, None),
        "/api/auth/audit?limit=50&user_id=user-pecovatelka.decin&action=read&from=2026-11-01"
    );
    let cursor = AuditCursor::after(&entry("abc"));
    assert_eq!(
        page_url(&filter, Some(&cursor)),
        "/api/auth/audit?limit=50&user_id=user-pecovatelka.decin&action=read&from=2026-11-01\
         &before=2026-11-05T09%3A00%3A00.120Z%7Eabc"
    );
    assert_eq!(
        export_url(&filter),
        "/api/auth/audit/export.csv?user_id=user-pecovatelka.decin&action=read&from=2026-11-01"
    );
    assert_eq!(
        export_url(&AuditFilter::default()),
        "/api/auth/audit/export.csv"
    );
}

#[test]
fn a_filter_whose_period_ends_before_it_starts_names_the_end() {
    let draft = AuditFilterDraft {
        from: "2026-11-02".to_owned(),
        to: "2026-11-01".to_owned(),
        ..AuditFilterDraft::default()
    };
    assert_eq!(draft.filter().expect_err("backwards").field, "to");
}

#[test]
fn pages_continue_after_the_last_entry_until_a_short_page_ends_the_log() {
    let first = AuditPages::default().with_page(entries(AUDIT_PAGE));
    assert!(!first.complete);
    assert_eq!(
        first.next_cursor().and_then(|cursor| cursor.id),
        Some(format!("e{:03}", AUDIT_PAGE - 1))
    );
    assert_eq!(first.summary(), "Zobrazeno 50 záznamů; další lze načíst.");

    let both = first.with_page(entries(3));
    assert!(both.complete);
    assert_eq!(both.entries.len(), AUDIT_PAGE + 3);
    assert_eq!(both.next_cursor(), None);
    assert_eq!(both.summary(), "Zobrazeno 53 záznamů.");
}

#[test]
fn the_summary_counts_entries_in_czech() {
    let summary = |count| AuditPages::default().with_page(entries(count)).summary();
    assert_eq!(summary(0), "Zobrazeno 0 záznamů.");
    assert_eq!(summary(1), "Zobrazen 1 záznam.");
    assert_eq!(summary(3), "Zobrazeno 3 záznamy.");
}

#[test]
fn an_empty_log_says_so_and_an_empty_choice_blames_the_filter() {
    assert_eq!(
        no_entries_text(&AuditFilter::default()),
        "Záznam přístupů je zatím prázdný."
    );
    let about_a_client = AuditFilter {
        client_id: Some("cl-d1".to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(
        no_entries_text(&about_a_client),
        "Filtru neodpovídá žádný záznam."
    );
}
