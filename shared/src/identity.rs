//! Who is calling: roles, credentials as they arrive, and the signed-in user as the app sees it.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

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
        matches!(
            self,
            Role::ProviderManager | Role::Coordinator | Role::Caregiver
        )
    }
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
        let name = raw.trim().to_lowercase();
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

    pub fn expose(&self) -> &str {
        &self.0
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_username_with_diacritics_or_spaces_is_rejected_naming_the_field() {
        for bad in ["", "ab", "jana novák", "žofie", "a/b"] {
            let err = Username::parse(bad).expect_err(bad);
            assert_eq!(err.field, "username");
        }
    }

    #[test]
    fn an_empty_password_is_rejected_and_a_password_never_prints() {
        assert_eq!(Password::parse("").expect_err("empty").field, "password");
        let secret = Password::parse("tajne-heslo").expect("valid");
        assert!(!format!("{secret:?}").contains("tajne"));
    }
}
