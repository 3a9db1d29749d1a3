//! A planner's reason for a change, in words a family understands. The planner writes for
//! colleagues; what reaches the family is one of a few plain sentences, never the planner's
//! own text, which may hold staff-internal detail.

/// What a family reads when the planner's reason is not one of the common ones.
pub const GENERIC: &str = "Změna v plánu služby.";

/// The reason a change made by accepting a family's request carries in the visit history.
pub const FAMILY_REQUEST: &str = "Žádost rodiny";

/// What a family reads for a change made on a family's request.
pub const FROM_REQUEST: &str = "Na žádost rodiny.";

/// The reason the coordinator's acceptance of a sick call's repair carries.
pub const SICK_REPLACEMENT: &str = "Náhrada za nemocnou kolegyni";

/// The reasons planners give most (the week board offers them) and their family wording.
const KNOWN: [(&str, &str); 8] = [
    ("přeplánování trasy", "Služba upravila pořadí návštěv."),
    (
        "přijatý návrh optimalizace plánu",
        "Služba upravila pořadí návštěv.",
    ),
    (
        "nemoc pracovníka",
        "Původní pracovník nemůže přijít, přijde náhrada.",
    ),
    (
        "dovolená pracovníka",
        "Původní pracovník má dovolenou, přijde náhrada.",
    ),
    (
        "náhrada za nemocnou kolegyni",
        "Pečovatelka onemocněla, přijde náhrada.",
    ),
    ("přání klienta", "Na přání klienta."),
    ("souběh návštěv", "Dvě návštěvy se časově překrývaly."),
    ("žádost rodiny", FROM_REQUEST),
];

/// The family's wording of a planner's reason.
pub fn family_reason(planner_reason: Option<&str>) -> &'static str {
    let said = planner_reason.map(|r| r.trim().to_lowercase());
    said.and_then(|said| {
        KNOWN
            .iter()
            .find(|(known, _)| *known == said)
            .map(|(_, family)| *family)
    })
    .unwrap_or(GENERIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_reason_reads_plainly_whatever_its_case_and_spaces() {
        assert_eq!(
            family_reason(Some(" Nemoc pracovníka ")),
            "Původní pracovník nemůže přijít, přijde náhrada."
        );
        assert_eq!(family_reason(Some("PŘÁNÍ KLIENTA")), "Na přání klienta.");
    }

    #[test]
    fn a_sick_colleague_replacement_tells_the_family_someone_else_comes() {
        assert_eq!(
            family_reason(Some(SICK_REPLACEMENT)),
            "Pečovatelka onemocněla, přijde náhrada."
        );
    }

    #[test]
    fn a_change_on_a_family_request_says_so() {
        assert_eq!(family_reason(Some(FAMILY_REQUEST)), FROM_REQUEST);
    }

    #[test]
    fn a_planner_own_words_never_reach_the_family() {
        assert_eq!(
            family_reason(Some("Jana má zase migrénu, interní")),
            GENERIC
        );
        assert_eq!(family_reason(None), GENERIC);
    }
}
