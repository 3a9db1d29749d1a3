//! The account forms' data: named drafts as typed, checked by `shared`'s rules before they
//! are sent, so the user hears about a short password before the round trip.

use shared::ErrorDetail;
use shared::identity::{
    OfficePhone, Password, PasswordChange, RedeemInvitation, RedeemPasswordReset, Username,
    check_office_phone, parse_display_name,
};

use crate::ui::form::{field_error, rejected};
use crate::ui::password::PasswordPairDraft;

/// The password-change form as typed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PasswordChangeDraft {
    pub current: String,
    pub new: PasswordPairDraft,
}

/// `/obnova-hesla` as typed: the code from the manager and the new password, twice.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PasswordResetDraft {
    pub code: String,
    pub new: PasswordPairDraft,
}

/// `/pozvanka` as typed: the code, the new account's login and name, the password twice.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct InvitationDraft {
    pub code: String,
    pub username: String,
    pub display_name: String,
    pub password: PasswordPairDraft,
}

impl std::fmt::Debug for PasswordChangeDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordChangeDraft(***)")
    }
}

impl std::fmt::Debug for PasswordResetDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordResetDraft")
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for InvitationDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InvitationDraft")
            .field("code", &self.code)
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .finish_non_exhaustive()
    }
}

/// What the password-change form hands over, checked as the server would check it.
pub fn parse_password_change(
    draft: &PasswordChangeDraft,
    username: &str,
) -> Result<PasswordChange, ErrorDetail> {
    let current = draft.current.as_str();
    if current.is_empty() {
        return Err(field_error(
            "current_password",
            "Zadejte své současné heslo.",
        ));
    }
    let new = Password::parse_new_pair(
        &draft.new.as_pair(),
        "new_password",
        "new_password_again",
        username,
    )
    .map_err(rejected)?;
    if new.expose() == current {
        return Err(field_error(
            "new_password",
            "Nové heslo musí být jiné než současné.",
        ));
    }
    Ok(PasswordChange {
        current_password: current.to_owned(),
        new_password: new.expose().to_owned(),
    })
}

/// The one-time code as typed: spaces and dashes people add when copying are dropped.
pub fn normalize_code(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// `/obnova-hesla`: the code and the new password, twice. The page does not know the
/// username (the code names the account): the server checks that part.
pub fn parse_password_reset(
    draft: &PasswordResetDraft,
) -> Result<RedeemPasswordReset, ErrorDetail> {
    let code = normalize_code(&draft.code);
    if code.is_empty() {
        return Err(field_error("code", "Zadejte jednorázový kód."));
    }
    let new_password = Password::parse_new_pair(
        &draft.new.as_pair(),
        "new_password",
        "new_password_again",
        "",
    )
    .map_err(rejected)?;
    Ok(RedeemPasswordReset {
        code,
        new_password: new_password.expose().to_owned(),
    })
}

/// `/pozvanka`: the code, the new account's name and password.
pub fn parse_invitation(draft: &InvitationDraft) -> Result<RedeemInvitation, ErrorDetail> {
    let code = normalize_code(&draft.code);
    if code.is_empty() {
        return Err(field_error("code", "Zadejte kód z pozvánky."));
    }
    let username = Username::parse(&draft.username).map_err(rejected)?;
    let display_name = parse_display_name(&draft.display_name).map_err(rejected)?;
    let password = Password::parse_new_pair(
        &draft.password.as_pair(),
        "password",
        "new_password_again",
        username.as_str(),
    )
    .map_err(rejected)?;
    Ok(RedeemInvitation {
        code,
        username: username.as_str().to_owned(),
        display_name,
        password: password.expose().to_owned(),
    })
}

/// The office phone as the manager typed it, checked as the server checks it; empty takes
/// it away. Sent as it will be shown ("+420 601 000 001").
pub fn parse_office_phone(typed: &str) -> Result<OfficePhone, ErrorDetail> {
    let office_phone = check_office_phone(&OfficePhone {
        office_phone: Some(typed.to_owned()),
    })
    .map_err(rejected)?;
    Ok(OfficePhone { office_phone })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_phone_is_checked_before_it_is_sent_and_empty_takes_it_away() {
        assert_eq!(
            parse_office_phone("601 000 099").map(|phone| phone.office_phone),
            Ok(Some("+420 601 000 099".to_owned()))
        );
        assert_eq!(
            parse_office_phone("  ").map(|phone| phone.office_phone),
            Ok(None)
        );
        let refused = parse_office_phone("601 000").expect_err("too short");
        assert_eq!(refused.field.as_deref(), Some("office_phone"));
    }

    fn pair(password: &str, again: &str) -> PasswordPairDraft {
        PasswordPairDraft {
            password: password.to_owned(),
            again: again.to_owned(),
        }
    }

    fn change(
        current: &str,
        new: &str,
        again: &str,
        username: &str,
    ) -> Result<PasswordChange, ErrorDetail> {
        let draft = PasswordChangeDraft {
            current: current.to_owned(),
            new: pair(new, again),
        };
        parse_password_change(&draft, username)
    }

    fn reset(code: &str, new: &str, again: &str) -> Result<RedeemPasswordReset, ErrorDetail> {
        parse_password_reset(&PasswordResetDraft {
            code: code.to_owned(),
            new: pair(new, again),
        })
    }

    fn invitation(
        code: &str,
        username: &str,
        display_name: &str,
        password: &str,
        again: &str,
    ) -> Result<RedeemInvitation, ErrorDetail> {
        parse_invitation(&InvitationDraft {
            code: code.to_owned(),
            username: username.to_owned(),
            display_name: display_name.to_owned(),
            password: pair(password, again),
        })
    }

    #[test]
    fn a_password_change_is_checked_before_it_is_sent() {
        let ok =
            change("demo1234", "dlouhé heslo 2026", "dlouhé heslo 2026", "jana").expect("valid");
        assert_eq!(ok.current_password, "demo1234");
        assert_eq!(ok.new_password, "dlouhé heslo 2026");

        let field = |current: &str, new: &str, again: &str| {
            change(current, new, again, "jana.mala")
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(
            field("", "dlouhé heslo 2026", "dlouhé heslo 2026"),
            "current_password"
        );
        assert_eq!(field("demo1234", "kratke", "kratke"), "new_password");
        assert_eq!(
            field("demo1234", "12345678901", "12345678901"),
            "new_password"
        );
        assert_eq!(
            field("demo1234", "xJana.Mala2026", "xJana.Mala2026"),
            "new_password"
        );
        assert_eq!(
            field("demo1234", "dlouhé heslo 2026", "dlouhe heslo 2026"),
            "new_password_again"
        );
        assert_eq!(
            field("stare heslo 99", "stare heslo 99", "stare heslo 99"),
            "new_password"
        );
        let message = change("demo1234", "kratke", "kratke", "jana")
            .expect_err("short")
            .message;
        assert_eq!(message, "Heslo musí mít alespoň 10 znaků.");
    }

    #[test]
    fn a_reset_code_is_normalised_and_the_new_password_checked() {
        let ok = reset(" ABCD-EFGH 1234 ", "nové heslo 2026", "nové heslo 2026").expect("valid");
        assert_eq!(ok.code, "ABCDEFGH1234");
        assert_eq!(ok.new_password, "nové heslo 2026");
        let field = |code: &str, new: &str, again: &str| {
            reset(code, new, again)
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(field("  ", "nové heslo 2026", "nové heslo 2026"), "code");
        assert_eq!(field("ABC", "kratke", "kratke"), "new_password");
        assert_eq!(
            field("ABC", "1234567890123", "1234567890123"),
            "new_password"
        );
        assert_eq!(
            field("ABC", "nové heslo 2026", "jiné heslo 2026"),
            "new_password_again"
        );
    }

    #[test]
    fn an_invitation_is_checked_field_by_field() {
        let ok = invitation(
            "kod-123",
            " Petr.Novak ",
            " Petr Novák ",
            "bezpečné heslo",
            "bezpečné heslo",
        )
        .expect("valid");
        assert_eq!(ok.code, "kod123");
        assert_eq!(ok.username, "petr.novak");
        assert_eq!(ok.display_name, "Petr Novák");
        let field = |code, username, name, password: &str, again: &str| {
            invitation(code, username, name, password, again)
                .expect_err("rejected")
                .field
                .expect("names a field")
        };
        assert_eq!(
            field("", "petr", "Petr", "bezpečné heslo", "bezpečné heslo"),
            "code"
        );
        assert_eq!(
            field(
                "k",
                "petr novák",
                "Petr",
                "bezpečné heslo",
                "bezpečné heslo"
            ),
            "username"
        );
        assert_eq!(
            field("k", "petr", "  ", "bezpečné heslo", "bezpečné heslo"),
            "display_name"
        );
        assert_eq!(field("k", "petr", "Petr", "kratke", "kratke"), "password");
        assert_eq!(
            field("k", "petr", "Petr", "petr-heslo-2026", "petr-heslo-2026"),
            "password"
        );
        assert_eq!(
            field("k", "petr", "Petr", "bezpečné heslo", "jiné"),
            "new_password_again"
        );
    }
}
