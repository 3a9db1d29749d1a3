//! Where the signed-in user stands, as plain data: tested natively.

use shared::ErrorDetail;
use shared::identity::{Me, Role};

use crate::paths;
use crate::remote::ApiError;

/// Where the signed-in user stands, as far as the app knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// Asking the server who we are.
    Checking,
    SignedIn(Me),
    SignedOut,
    /// The server could not say (offline, or a server error); the user may still be
    /// signed in. Carries the Czech message to show.
    Unavailable(ErrorDetail),
}

impl SessionState {
    /// The state after asking `GET /api/auth/me`.
    pub fn from_me(result: Result<Me, ApiError>) -> Self {
        match result {
            Ok(me) => SessionState::SignedIn(me),
            // No or expired session: sign in again.
            Err(error) if error.is_unauthenticated() => SessionState::SignedOut,
            // Offline or a server error: not a reason to throw the user out.
            Err(error) => SessionState::Unavailable(error.detail()),
        }
    }

    pub fn me(&self) -> Option<&Me> {
        match self {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// Where `/` sends the user, once known: their role's home, or the sign-in form.
    pub fn home(&self) -> Option<&'static str> {
        match self {
            SessionState::SignedIn(me) => Some(home_for(me.role)),
            SessionState::SignedOut => Some(paths::LOGIN),
            SessionState::Checking | SessionState::Unavailable(_) => None,
        }
    }

    /// The signed-in user's role.
    pub fn role(&self) -> Option<Role> {
        self.me().map(|me| me.role)
    }

    /// The coarse state routes are guarded by: changes only when it matters.
    pub fn gate(&self) -> Gate {
        match self {
            SessionState::Checking => Gate::Checking,
            SessionState::SignedIn(_) => Gate::SignedIn,
            SessionState::SignedOut => Gate::SignedOut,
            SessionState::Unavailable(_) => Gate::Unavailable,
        }
    }
}

/// [`SessionState`] without the user: what route guards decide on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Checking,
    SignedIn,
    SignedOut,
    Unavailable,
}

/// Where a signed-in user of this role starts: the screen they open the app for.
pub fn home_for(role: Role) -> &'static str {
    match role {
        Role::Caregiver | Role::Coordinator => paths::TODAY,
        Role::ProviderManager => paths::STAFF,
        Role::FamilyMember => paths::FAMILY,
        Role::RegionOfficer | Role::DataAnalyst => paths::REGION_REPORT,
        Role::Lecturer => paths::LECTURER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_follows_the_answer_to_who_am_i() {
        let me = Me {
            user_id: "u1".to_owned(),
            username: "pecovatelka.decin".to_owned(),
            display_name: "Jana Nováková".to_owned(),
            role: Role::Caregiver,
            provider_id: Some("p1".to_owned()),
            provider_name: Some("Charita Děčín".to_owned()),
        };
        let signed_in = SessionState::from_me(Ok(me.clone()));
        assert_eq!(signed_in.me(), Some(&me));
        assert_eq!(signed_in.home(), Some("/dnes"));

        let expired = SessionState::from_me(Err(crate::remote::decode_error(401, "")));
        assert_eq!(expired, SessionState::SignedOut);
        assert_eq!(expired.home(), Some("/prihlaseni"));

        let offline = SessionState::from_me(Err(ApiError::Unreachable));
        assert_eq!(
            offline,
            SessionState::Unavailable(ApiError::Unreachable.detail())
        );
        assert_eq!(offline.home(), None);

        let broken = SessionState::from_me(Err(crate::remote::decode_error(500, "")));
        assert_eq!(
            broken.gate(),
            Gate::Unavailable,
            "a server error is no logout"
        );
        assert_eq!(SessionState::Checking.home(), None);
    }

    #[test]
    fn the_home_follows_the_signed_in_role() {
        let me = |role| Me {
            user_id: "u".to_owned(),
            username: "x".to_owned(),
            display_name: "X".to_owned(),
            role,
            provider_id: None,
            provider_name: None,
        };
        assert_eq!(
            SessionState::SignedIn(me(Role::FamilyMember)).home(),
            Some("/rodina")
        );
        assert_eq!(
            SessionState::SignedIn(me(Role::ProviderManager)).home(),
            Some("/pracovnici")
        );
        assert_eq!(
            SessionState::SignedIn(me(Role::Lecturer)).home(),
            Some("/lektor")
        );
    }
}
