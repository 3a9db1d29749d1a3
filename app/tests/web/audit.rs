//! The audit log.

use super::*;
use app::audit::view::AuditTable;
use shared::identity::AuditEntry;

#[wasm_bindgen_test]
fn the_audit_log_is_a_table_in_czech() {
    let state = Remote::Loaded(vec![AuditEntry {
        id: "a1".to_owned(),
        at: utc("2026-11-23T14:30:00Z"),
        user_id: "u9".to_owned(),
        display_name: "Eva Rodinná".to_owned(),
        role: Role::FamilyMember,
        action: "read".to_owned(),
        entity: "client_schedule".to_owned(),
        entity_id: None,
        client_id: Some("cl-d1".to_owned()),
        client_name: Some("Marie Ukázková".to_owned()),
    }]);
    let host = mount(move || view! { <AuditTable state=state on_retry=ignore() /> });
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
}

#[wasm_bindgen_test]
fn a_failed_audit_load_shows_the_servers_message() {
    let state: Remote<Vec<AuditEntry>> = Remote::from_result(Err(decode_error(
        403,
        r#"{"error":{"code":"forbidden","message":"K záznamu přístupů nemáte oprávnění."}}"#,
    )));
    let host = mount(move || view! { <AuditTable state=state on_retry=ignore() /> });
    assert_eq!(
        text(&host, "[role=alert] .error-message"),
        "K záznamu přístupů nemáte oprávnění."
    );
}
