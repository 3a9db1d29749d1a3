//! The staff page's data: the add-staff form checked before it is sent, the list's order.

use shared::ErrorDetail;
use shared::identity::{NewStaffMember, Role, StaffMember, Username, parse_display_name, roles};
use shared::reports::figures::fte_hundredths;
use shared::schedule::CaregiverSummary;

use crate::ui::form::{field_error, rejected};
use crate::ui::format::{czech_hundredths, minutes_label};

/// The add-staff form as typed; `role` is the chosen option's value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewStaffDraft {
    pub username: String,
    pub display_name: String,
    pub role: String,
}

/// The add-staff form as the server takes it; only provider staff roles may be given.
pub fn parse_new_staff(draft: &NewStaffDraft) -> Result<NewStaffMember, ErrorDetail> {
    let username = Username::parse(&draft.username).map_err(rejected)?;
    let display_name = parse_display_name(&draft.display_name).map_err(rejected)?;
    let role = Role::parse(&draft.role)
        .filter(|role| roles::PROVIDER_STAFF.contains(role))
        .ok_or_else(|| field_error("role", "Vyberte roli."))?;
    Ok(NewStaffMember {
        username: username.as_str().to_owned(),
        display_name,
        role,
    })
}

/// Staff sorted for the list: active first, then by name.
pub fn sort_staff(staff: &mut [StaffMember]) {
    staff.sort_by(|a, b| {
        b.active
            .cmp(&a.active)
            .then_with(|| a.display_name.cmp(&b.display_name))
            .then_with(|| a.user_id.cmp(&b.user_id))
    });
}

/// Lower case without Czech diacritics, so "mala" finds "Malá".
fn search_key(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'č' => 'c',
            'ď' => 'd',
            'é' | 'ě' => 'e',
            'í' => 'i',
            'ň' => 'n',
            'ó' => 'o',
            'ř' => 'r',
            'š' => 's',
            'ť' => 't',
            'ú' | 'ů' => 'u',
            'ý' => 'y',
            'ž' => 'z',
            other => other,
        })
        .collect()
}

/// The staff whose name, login or role holds every word of `query`, in the list's order.
pub fn matching_staff(staff: &[StaffMember], query: &str) -> Vec<StaffMember> {
    let words: Vec<String> = query.split_whitespace().map(search_key).collect();
    staff
        .iter()
        .filter(|member| {
            let haystack = search_key(&format!(
                "{} {} {}",
                member.display_name,
                member.username,
                member.role.label()
            ));
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .cloned()
        .collect()
}

/// A caregiver's contract and skills as the staff table's two cells; both empty for other
/// roles and while the planning facts are not loaded.
pub fn planning_cells(member: &StaffMember, caregivers: &[CaregiverSummary]) -> (String, String) {
    let Some(caregiver) = caregivers
        .iter()
        .find(|caregiver| caregiver.id == member.user_id)
    else {
        return (String::new(), String::new());
    };
    let contract = match caregiver.contract_minutes {
        Some(minutes) => format!(
            "{} ({} týdně)",
            czech_hundredths(fte_hundredths(minutes)),
            minutes_label(minutes)
        ),
        None => "nezadán".to_owned(),
    };
    let skills = if caregiver.skills.is_empty() {
        "žádné".to_owned()
    } else {
        caregiver.skills.join(", ")
    };
    (contract, skills)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(
        username: &str,
        display_name: &str,
        role: &str,
    ) -> Result<NewStaffMember, ErrorDetail> {
        parse_new_staff(&NewStaffDraft {
            username: username.to_owned(),
            display_name: display_name.to_owned(),
            role: role.to_owned(),
        })
    }

    #[test]
    fn a_new_staff_member_needs_a_login_a_name_and_a_staff_role() {
        let ok = parse("Jana.Mala", "Jana Malá", "caregiver").expect("valid");
        assert_eq!(ok.username, "jana.mala");
        assert_eq!(ok.role, Role::Caregiver);
        let field = |u, n, r| {
            parse(u, n, r)
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(field("", "Jana", "caregiver"), "username");
        assert_eq!(field("jana", "", "caregiver"), "display_name");
        assert_eq!(field("jana", "Jana", "family_member"), "role");
        assert_eq!(field("jana", "Jana", "region_officer"), "role");
    }

    fn member(id: &str, name: &str, active: bool) -> StaffMember {
        StaffMember {
            user_id: id.to_owned(),
            username: id.to_owned(),
            display_name: name.to_owned(),
            role: Role::Caregiver,
            active,
        }
    }

    #[test]
    fn the_staff_search_ignores_case_and_diacritics_and_needs_every_word() {
        let staff = vec![
            member("jana.mala", "Jana Malá", true),
            member("petr.cerny", "Petr Černý", true),
        ];
        let found = |query: &str| -> Vec<String> {
            matching_staff(&staff, query)
                .into_iter()
                .map(|m| m.user_id)
                .collect()
        };
        assert_eq!(found("mala"), ["jana.mala"]);
        assert_eq!(found("ČERN"), ["petr.cerny"]);
        assert_eq!(found("pečovatel petr"), ["petr.cerny"]);
        assert_eq!(found("  "), ["jana.mala", "petr.cerny"]);
        assert!(found("jana petr").is_empty());
    }

    #[test]
    fn staff_are_listed_active_first_then_by_name() {
        let mut staff = vec![
            member("a", "Adam", false),
            member("z", "Zora", true),
            member("b", "Bára", true),
        ];
        sort_staff(&mut staff);
        let ids: Vec<&str> = staff.iter().map(|m| m.user_id.as_str()).collect();
        assert_eq!(ids, ["b", "z", "a"]);
    }

    #[test]
    fn a_caregiver_shows_her_contract_as_a_share_of_full_time_and_her_skills() {
        let summary = |id: &str, minutes, skills: &[&str]| CaregiverSummary {
            id: id.to_owned(),
            contract_minutes: minutes,
            skills: skills.iter().map(|s| (*s).to_owned()).collect(),
        };
        let caregivers = [
            summary("jana", Some(37 * 60 + 30), &["koupel", "řidič"]),
            summary("petr", None, &[]),
        ];
        assert_eq!(
            planning_cells(&member("jana", "Jana Malá", true), &caregivers),
            (
                "0,94 (37 h 30 min týdně)".to_owned(),
                "koupel, řidič".to_owned()
            )
        );
        assert_eq!(
            planning_cells(&member("petr", "Petr Černý", true), &caregivers),
            ("nezadán".to_owned(), "žádné".to_owned())
        );
        assert_eq!(
            planning_cells(&member("vedouci", "Věra Vedoucí", true), &caregivers),
            (String::new(), String::new()),
            "a manager has no planning facts"
        );
    }
}
