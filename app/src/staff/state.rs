//! The staff page's data: the add-staff form checked before it is sent, the list's order.

use shared::ErrorDetail;
use shared::identity::{NewStaffMember, Role, StaffMember, Username, parse_display_name, roles};

use crate::ui::form::{field_error, rejected};

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

    #[test]
    fn staff_are_listed_active_first_then_by_name() {
        let member = |id: &str, name: &str, active| StaffMember {
            user_id: id.to_owned(),
            username: id.to_owned(),
            display_name: name.to_owned(),
            role: Role::Caregiver,
            active,
        };
        let mut staff = vec![
            member("a", "Adam", false),
            member("z", "Zora", true),
            member("b", "Bára", true),
        ];
        sort_staff(&mut staff);
        let ids: Vec<&str> = staff.iter().map(|m| m.user_id.as_str()).collect();
        assert_eq!(ids, ["b", "z", "a"]);
    }
}
