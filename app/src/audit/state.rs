//! The audit log in Czech words.

/// The audit action in Czech.
pub fn audit_action_label(action: &str) -> &'static str {
    match action {
        "read" => "Zobrazení",
        "create" => "Vytvoření",
        "update" => "Změna",
        "delete" => "Smazání",
        _ => "Jiná činnost",
    }
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
        "access_denied" => "Odepřený přístup",
        _ => "Jiný záznam",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
