//! Who is calling: roles, credentials as they arrive, and the signed-in user as the app sees it.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

mod audit;

pub use audit::{
    AUDIT_ACTIONS, AuditChoices, AuditCursor, AuditEntry, AuditFilter, Named, audit_action_label,
    audit_entity_label,
};

/// The roles of DOMAIN.md. Staff roles belong to one provider; regional roles to none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    RegionOfficer,
    DataAnalyst,
    ProviderManager,
    Coordinator,
    Caregiver,
    FamilyMember,
    Lecturer,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::RegionOfficer,
        Role::DataAnalyst,
        Role::ProviderManager,
        Role::Coordinator,
        Role::Caregiver,
        Role::FamilyMember,
        Role::Lecturer,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::RegionOfficer => "region_officer",
            Role::DataAnalyst => "data_analyst",
            Role::ProviderManager => "provider_manager",
            Role::Coordinator => "coordinator",
            Role::Caregiver => "caregiver",
            Role::FamilyMember => "family_member",
            Role::Lecturer => "lecturer",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == name)
    }

    /// Czech name shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Role::RegionOfficer => "Pracovník kraje",
            Role::DataAnalyst => "Analytik",
            Role::ProviderManager => "Vedoucí služby",
            Role::Coordinator => "Koordinátor",
            Role::Caregiver => "Pečovatel/ka",
            Role::FamilyMember => "Rodina",
            Role::Lecturer => "Lektor",
        }
    }

    /// Staff roles work for exactly one provider.
    pub fn is_provider_staff(self) -> bool {
        roles::PROVIDER_STAFF.contains(&self)
    }
}

/// The groups of roles that every route table and the app's navigation name: each group once.
pub mod roles {
    use super::Role;

    /// Everyone signed in.
    pub const EVERYONE: &[Role] = &Role::ALL;
    /// The staff of one provider: they see the day's visits of their provider.
    pub const PROVIDER_STAFF: &[Role] =
        &[Role::Caregiver, Role::Coordinator, Role::ProviderManager];
    /// Plan clients, care plans, caregivers and the week; deal with incidents.
    pub const PLANNERS: &[Role] = &[Role::Coordinator, Role::ProviderManager];
    /// See a client's coming visits: the planners and the client's family.
    pub const CLIENT_SCHEDULE: &[Role] =
        &[Role::Coordinator, Role::ProviderManager, Role::FamilyMember];
    /// Run a provider: staff accounts, the audit log, price lists.
    pub const MANAGERS: &[Role] = &[Role::ProviderManager];
    /// Go to clients and record visits.
    pub const CAREGIVERS: &[Role] = &[Role::Caregiver];
    /// See the clients they are linked to.
    pub const FAMILY: &[Role] = &[Role::FamilyMember];
    /// Run the courses of their training centres.
    pub const LECTURERS: &[Role] = &[Role::Lecturer];
    /// The region's office: aggregates across providers, never client names.
    pub const REGIONAL: &[Role] = &[Role::RegionOfficer, Role::DataAnalyst];
    /// Keeps the region's reference data (legal caps).
    pub const REGION_OFFICERS: &[Role] = &[Role::RegionOfficer];

    // Unions of the groups above, for routes two groups share (a test keeps each equal to
    // its union).

    /// `PROVIDER_STAFF` and `REGIONAL`: the care task catalogue.
    pub const PROVIDER_STAFF_AND_REGIONAL: &[Role] = &[
        Role::Caregiver,
        Role::Coordinator,
        Role::ProviderManager,
        Role::RegionOfficer,
        Role::DataAnalyst,
    ];
    /// `PLANNERS` and `REGIONAL`: the legal caps, the region's municipalities.
    pub const PLANNERS_AND_REGIONAL: &[Role] = &[
        Role::Coordinator,
        Role::ProviderManager,
        Role::RegionOfficer,
        Role::DataAnalyst,
    ];
    /// `MANAGERS` and `REGIONAL`: a provider's reports (managers their own provider's).
    pub const MANAGERS_AND_REGIONAL: &[Role] = &[
        Role::ProviderManager,
        Role::RegionOfficer,
        Role::DataAnalyst,
    ];
    /// `PROVIDER_STAFF`, `LECTURERS` and `REGIONAL`: everyone who works in care, not family.
    pub const CARE_WORKFORCE: &[Role] = &[
        Role::Caregiver,
        Role::Coordinator,
        Role::ProviderManager,
        Role::Lecturer,
        Role::RegionOfficer,
        Role::DataAnalyst,
    ];
}

/// The body of `POST /api/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// A login name: 3–64 characters of lowercase letters, digits, `.`, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        // Lower case as `str::to_lowercase` has it for every name that can pass: only ASCII
        // and the Kelvin sign lower-case into the allowed characters. The full conversion
        // would bring Unicode's case tables into the sign-in page's download.
        let name: String = raw
            .trim()
            .chars()
            .map(|c| match c {
                '\u{212A}' => 'k',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if name.is_empty() {
            return Err(FieldError::new("username", "Zadejte přihlašovací jméno."));
        }
        if !(3..=64).contains(&name.chars().count()) || !name.chars().all(allowed) {
            return Err(FieldError::new(
                "username",
                "Přihlašovací jméno má 3 až 64 znaků: malá písmena bez diakritiky, číslice, tečka, pomlčka nebo podtržítko.",
            ));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed. Never printed: `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// At login any non-empty password is checked; strength rules apply when one is set.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        if raw.is_empty() {
            return Err(FieldError::new("password", "Zadejte heslo."));
        }
        if raw.len() > 1024 {
            return Err(FieldError::new("password", "Heslo je příliš dlouhé."));
        }
        Ok(Self(raw.to_owned()))
    }

    /// A password being set: at least 10 characters, not only digits, not the username (an
    /// empty username, as before a new account has one, skips that check).
    pub fn parse_new(raw: &str, field: &'static str, username: &str) -> Result<Self, FieldError> {
        let password = Self::parse(raw).map_err(|e| FieldError::new(field, e.message))?;
        let length = raw.chars().count();
        if length < 10 {
            return Err(FieldError::new(field, "Heslo musí mít alespoň 10 znaků."));
        }
        if raw.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::new(field, "Heslo nesmí obsahovat jen číslice."));
        }
        if !username.is_empty() && raw.to_lowercase().contains(&username.to_lowercase()) {
            return Err(FieldError::new(
                field,
                "Heslo nesmí obsahovat přihlašovací jméno.",
            ));
        }
        Ok(password)
    }

    /// A new password typed twice, as every form that sets one asks for it: the pair's rule
    /// once. The second copy's errors name `again_field`.
    pub fn parse_new_pair(
        pair: &NewPasswordPair<'_>,
        field: &'static str,
        again_field: &'static str,
        username: &str,
    ) -> Result<Self, FieldError> {
        let password = Self::parse_new(pair.password, field, username)?;
        if pair.password != pair.again {
            return Err(FieldError::new(again_field, "Hesla se neshodují."));
        }
        Ok(password)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A new password and its second copy, named so the two cannot be swapped.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct NewPasswordPair<'a> {
    pub password: &'a str,
    pub again: &'a str,
}

impl std::fmt::Debug for NewPasswordPair<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPasswordPair(***)")
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// The signed-in user, as `GET /api/auth/me` and a successful login return it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub provider_id: Option<String>,
    pub provider_name: Option<String>,
}

/// `PUT /api/auth/password`: signs out every other session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// A staff member as their manager sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
}

/// `POST /api/auth/staff`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewStaffMember {
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// `PATCH /api/auth/staff/{id}`: what is absent stays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffChange {
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub active: Option<bool>,
}

/// A one-time code, shown once: the staff member or family member types it in to set a
/// password. Only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneTimeCode {
    pub code: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// A new staff account and the code its owner sets a password with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedStaffMember {
    pub member: StaffMember,
    pub one_time_code: OneTimeCode,
}

/// `POST /api/auth/password-reset/redeem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedeemPasswordReset {
    pub code: String,
    pub new_password: String,
}

/// `POST /api/auth/invitations`: a coordinator invites a client's family member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    pub client_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub client_name: String,
    pub one_time_code: OneTimeCode,
}

/// `POST /api/auth/invitations/redeem`: the family member creates their account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedeemInvitation {
    pub code: String,
    pub username: String,
    pub display_name: String,
    pub password: String,
}

/// A family member's link to a client, as the coordinator manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyLink {
    pub link_id: String,
    pub client_id: String,
    pub user_id: String,
    pub display_name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// `GET /api/auth/clients/{id}/family`: the client, named for the page, and who of the
/// family sees the client's schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientFamily {
    pub client_name: String,
    pub links: Vec<FamilyLink>,
}

/// A display name: 1–100 characters after trimming.
/// `GET /api/auth/provider`: the manager's own provider, as her staff's phones show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderContact {
    pub name: String,
    /// What "Zavolat do kanceláře" dials on the caregivers' phones; `None` while not given.
    pub office_phone: Option<String>,
}

/// `PUT /api/auth/provider/office-phone`: the office phone, a Czech number; none or empty
/// takes it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficePhone {
    #[serde(default)]
    pub office_phone: Option<String>,
}

/// The office phone as checked: trimmed, empty is none, else a Czech number.
pub fn check_office_phone(input: &OfficePhone) -> Result<Option<String>, FieldError> {
    match input.office_phone.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(phone) => crate::clients::czech_phone(phone, "office_phone").map(Some),
    }
}

pub fn parse_display_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(FieldError::new(
            "display_name",
            "Zadejte jméno (nejvýše 100 znaků).",
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_union_of_role_groups_holds_exactly_its_groups() {
        let union = |groups: &[&[Role]]| {
            let mut roles: Vec<Role> = groups.concat();
            roles.sort();
            roles.dedup();
            roles
        };
        let sorted = |group: &[Role]| union(&[group]);
        assert_eq!(
            sorted(roles::PROVIDER_STAFF_AND_REGIONAL),
            union(&[roles::PROVIDER_STAFF, roles::REGIONAL])
        );
        assert_eq!(
            sorted(roles::PLANNERS_AND_REGIONAL),
            union(&[roles::PLANNERS, roles::REGIONAL])
        );
        assert_eq!(
            sorted(roles::MANAGERS_AND_REGIONAL),
            union(&[roles::MANAGERS, roles::REGIONAL])
        );
        assert_eq!(
            sorted(roles::CARE_WORKFORCE),
            union(&[roles::PROVIDER_STAFF, roles::LECTURERS, roles::REGIONAL])
        );
    }

    #[test]
    fn a_new_password_is_checked_without_a_username_when_none_is_known_yet() {
        assert!(Password::parse_new("dlouhe-heslo-42", "new_password", "").is_ok());
        let short = Password::parse_new("kratke", "new_password", "").map(drop);
        assert_eq!(
            short.map_err(|e| e.message),
            Err("Heslo musí mít alespoň 10 znaků.".to_owned())
        );
    }

    #[test]
    fn a_password_pair_that_differs_names_the_second_field() {
        let pair = NewPasswordPair {
            password: "dlouhe-heslo-42",
            again: "dlouhe-heslo-43",
        };
        let error = Password::parse_new_pair(&pair, "new_password", "new_password_again", "jana")
            .map(drop)
            .expect_err("the copies differ");
        assert_eq!(error.field, "new_password_again");
        assert_eq!(error.message, "Hesla se neshodují.");
    }

    #[test]
    fn planners_are_provider_staff_and_regional_roles_are_not() {
        for role in roles::PLANNERS {
            assert!(role.is_provider_staff());
        }
        for role in roles::REGIONAL {
            assert!(!role.is_provider_staff());
        }
    }

    #[test]
    fn every_role_round_trips_through_its_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            let wire = serde_json::to_string(&role).expect("serialises");
            assert_eq!(wire, format!("\"{}\"", role.as_str()));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn a_username_is_trimmed_and_lowercased() {
        let name = Username::parse("  Pecovatelka.Jana ").expect("valid");
        assert_eq!(name.as_str(), "pecovatelka.jana");
    }

    #[test]
    fn a_username_is_lowercased_as_full_unicode_lowercasing_would_accept_it() {
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let raw = format!("a{c}b");
            let full = raw.to_lowercase();
            let expected = full.chars().all(allowed).then_some(full);
            let parsed = Username::parse(&raw)
                .ok()
                .map(|name| name.as_str().to_owned());
            assert_eq!(parsed, expected, "{c:?}");
        }
    }

    #[test]
    fn a_username_with_diacritics_or_spaces_is_rejected_naming_the_field() {
        for bad in ["", "ab", "jana novák", "žofie", "a/b"] {
            let err = Username::parse(bad).expect_err(bad);
            assert_eq!(err.field, "username");
        }
    }

    #[test]
    fn a_new_password_must_be_long_not_numeric_and_not_the_username() {
        let field = |raw: &str| Password::parse_new(raw, "new_password", "jana.mala").map(drop);
        assert!(field("dlouhé heslo 2026").is_ok());
        assert_eq!(field("kratke").expect_err("short").field, "new_password");
        assert!(field("12345678901").is_err());
        assert!(field("xxJana.Mala2026").is_err());
    }

    #[test]
    fn an_empty_password_is_rejected_and_a_password_never_prints() {
        assert_eq!(Password::parse("").expect_err("empty").field, "password");
        let secret = Password::parse("tajne-heslo").expect("valid");
        assert!(!format!("{secret:?}").contains("tajne"));
    }
}

/// `GET /api/auth/demo`: whether demo accounts (with the published password) exist here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoStatus {
    pub demo_accounts: bool,
}
