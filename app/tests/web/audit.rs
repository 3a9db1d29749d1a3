//! The audit log.

use super::*;
use app::audit::state::{AUDIT_PAGE, AuditFilterDraft, AuditPages};
use app::audit::view::{AuditFilterForm, AuditTable};
use shared::identity::{AuditChoices, AuditEntry, AuditFilter, Named};

fn family_read(id: &str) -> AuditEntry {
    AuditEntry {
        id: id.to_owned(),
        at: utc("2026-11-23T14:30:00Z"),
        user_id: "u9".to_owned(),
        display_name: "Eva Rodinná".to_owned(),
        role: Role::FamilyMember,
        action: "read".to_owned(),
        entity: "client_schedule".to_owned(),
        entity_id: None,
        client_id: Some("cl-d1".to_owned()),
        client_name: Some("Marie Ukázková".to_owned()),
    }
}

fn loaded(count: usize) -> Remote<AuditPages> {
    Remote::Loaded(
        AuditPages::default()
            .with_page((0..count).map(|n| family_read(&format!("a{n}"))).collect()),
    )
}

#[wasm_bindgen_test]
fn the_audit_log_is_a_table_in_czech_naming_people_and_clients() {
    let state = loaded(1);
    let host = mount(move || {
        view! { <AuditTable state=state filter=AuditFilter::default() more_pending=false on_more=ignore() on_retry=ignore() /> }
    });
    assert_eq!(
        texts(&host, "thead th"),
        ["Kdy", "Kdo", "Role", "Činnost", "Čeho se týká", "Klient"]
    );
    assert_eq!(
        texts(&host, "tbody td"),
        [
            "23. 11. 2026 15:30",
            "Eva Rodinná",
            "Rodina",
            "Zobrazení",
            "Rozpis návštěv klienta",
            "Marie Ukázková"
        ]
    );
    assert_eq!(text(&host, "[role=status]"), "Zobrazen 1 záznam.");
    assert!(
        missing(&host, ".actions button"),
        "a short page is the last"
    );
}

#[wasm_bindgen_test]
fn a_full_page_offers_the_next_one() {
    let asked = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&asked);
    let on_more = Callback::new(move |()| *counter.lock().expect("lock") += 1);
    let state = loaded(AUDIT_PAGE);
    let host = mount(move || {
        view! { <AuditTable state=state filter=AuditFilter::default() more_pending=false on_more=on_more on_retry=ignore() /> }
    });

    let button = find(&host, ".actions button");
    assert_eq!(button.text_content().unwrap_or_default(), "Načíst další");
    button.click();

    assert_eq!(*asked.lock().expect("lock"), 1);
    assert_eq!(texts(&host, "tbody tr").len(), AUDIT_PAGE);
}

#[wasm_bindgen_test]
fn an_empty_choice_says_nothing_matches() {
    let state = loaded(0);
    let by_client = AuditFilter {
        client_id: Some("cl-d1".to_owned()),
        ..AuditFilter::default()
    };
    let host = mount(move || {
        view! { <AuditTable state=state filter=by_client.clone() more_pending=false on_more=ignore() on_retry=ignore() /> }
    });
    assert_eq!(text(&host, ".empty"), "Filtru neodpovídá žádný záznam.");
}

#[wasm_bindgen_test]
fn an_empty_log_without_a_filter_says_it_is_empty() {
    let state = loaded(0);
    let host = mount(move || {
        view! { <AuditTable state=state filter=AuditFilter::default() more_pending=false on_more=ignore() on_retry=ignore() /> }
    });
    assert_eq!(text(&host, ".empty"), "Záznam přístupů je zatím prázdný.");
}

#[wasm_bindgen_test]
fn the_filter_lists_people_and_clients_by_name_and_exports_what_is_applied() {
    let choices = AuditChoices {
        people: vec![Named {
            id: "u9".to_owned(),
            name: "Eva Rodinná".to_owned(),
        }],
        clients: vec![Named {
            id: "cl-d1".to_owned(),
            name: "Marie Ukázková".to_owned(),
        }],
    };
    let draft = RwSignal::new(AuditFilterDraft::default());
    let applied = RwSignal::new(AuditFilter {
        client_id: Some("cl-d1".to_owned()),
        ..AuditFilter::default()
    });
    let submitted = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&submitted);
    let on_apply = Callback::new(move |()| *counter.lock().expect("lock") += 1);
    let host = mount(move || {
        view! {
            <AuditFilterForm
                choices=choices.clone()
                draft=draft
                error=RwSignal::new(None)
                applied=applied
                on_apply=on_apply
            />
        }
    });

    assert_eq!(
        texts(&host, "#audit-person option"),
        ["Kdokoli", "Eva Rodinná"]
    );
    assert_eq!(
        texts(&host, "#audit-client option"),
        ["Kterýkoli klient", "Marie Ukázková"]
    );
    assert_eq!(
        texts(&host, "#audit-action option"),
        [
            "Jakákoli činnost",
            "Zobrazení",
            "Vytvoření",
            "Změna",
            "Smazání"
        ]
    );
    assert_eq!(
        attribute(&host, "a[download]", "href").as_deref(),
        Some("/api/auth/audit/export.csv?client_id=cl-d1")
    );
    find(&host, "button[type=submit]").click();
    assert_eq!(*submitted.lock().expect("lock"), 1);
}
