//! Clients as coordinators keep them, parsed once at the boundary.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::bounds::{bounded_list, plausible_date};
use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }

    pub fn parse(name: &str) -> Option<Gender> {
        [Gender::Female, Gender::Male]
            .into_iter()
            .find(|g| g.as_str() == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactPerson {
    pub name: String,
    /// "dcera", "soused", …
    pub relation: String,
    pub phone: String,
}

/// A `tel:` link dialling `phone` as written at intake ("603 123 456", "+420 603-123-456"):
/// only its digits and a leading plus are kept; `None` when it has no digits to dial.
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let plus = if phone.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    Some(format!("tel:{plus}{digits}"))
}

/// A Czech phone number as people write it ("601 000 001", "+420 601-000-001",
/// "00420601000001"): nine digits, the first 2–9, after an optional +420 or 00420; spaces
/// and dashes between. Comes back as "+420 601 000 001".
pub fn czech_phone(text: &str, field: &'static str) -> Result<String, FieldError> {
    let compact: String = text
        .trim()
        .chars()
        .filter(|c| *c != ' ' && *c != '-')
        .collect();
    let national = ["+420", "00420"]
        .iter()
        .find_map(|prefix| compact.strip_prefix(prefix))
        .unwrap_or(&compact);
    let valid = national.len() == 9
        && national.chars().all(|c| c.is_ascii_digit())
        && !national.starts_with(['0', '1']);
    if !valid {
        return Err(FieldError::new(
            field,
            "Zadejte české telefonní číslo: 9 číslic, případně s předvolbou +420 (např. 601 000 001).",
        ));
    }
    Ok(format!(
        "+420 {} {} {}",
        &national[..3],
        &national[3..6],
        &national[6..]
    ))
}

/// `POST /api/schedule/clients` and `PUT /api/schedule/clients/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientInput {
    pub name: String,
    pub street: String,
    pub municipality_code: String,
    /// Where the door is; when absent, the municipality's centre.
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    /// Příspěvek na péči, I–IV as 1–4, with the date it applies from.
    #[serde(default)]
    pub care_allowance_level: Option<u8>,
    #[serde(default)]
    pub care_allowance_from: Option<NaiveDate>,
    /// For the reports' age bands; none: "age not given".
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    #[serde(default)]
    pub free_of_charge: bool,
    pub service_from: NaiveDate,
    #[serde(default)]
    pub service_to: Option<NaiveDate>,
    #[serde(default)]
    pub preferred_caregiver_gender: Option<Gender>,
    #[serde(default)]
    pub doorstep_note: Option<String>,
    /// Falls, allergies, a dog at the door…: what everyone who plans or visits must know.
    #[serde(default)]
    pub key_risks: Option<String>,
    /// The client's own phone, a Czech number; stored as "+420 601 000 001".
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub internal_note: Option<String>,
    #[serde(default)]
    pub contacts: Vec<ContactPerson>,
}

/// A client as staff see them (never sent to families).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientDetail {
    pub id: String,
    #[serde(flatten)]
    pub input: ClientInput,
    pub municipality_name: String,
}

/// A line of the client list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSummary {
    pub id: String,
    pub name: String,
    pub municipality_name: String,
    pub care_allowance_level: Option<u8>,
    pub active: bool,
}

/// `POST /api/schedule/clients/{client_id}/end-service`: the client's last day of service and
/// why it ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndService {
    pub last_day: NaiveDate,
    pub reason: String,
}

/// What ending a service did: the planned visits after the last day, now cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndedService {
    pub cancelled_visits: u32,
}

/// The service ends on a plausible day no earlier than it began; the reason comes back
/// trimmed.
pub fn check_end_of_service(
    end: &EndService,
    service_from: NaiveDate,
) -> Result<EndService, FieldError> {
    plausible_date(end.last_day, "last_day")?;
    if end.last_day < service_from {
        return Err(FieldError::new(
            "last_day",
            "Služba může skončit nejdříve v den, kdy začala.",
        ));
    }
    Ok(EndService {
        last_day: end.last_day,
        reason: crate::planning::input::check_reason(&end.reason)?,
    })
}

fn text(value: &str, field: &'static str, max: usize, what: &str) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() || trimmed.chars().count() > max {
        return Err(FieldError::new(
            field,
            format!("Zadejte {what} (nejvýše {max} znaků)."),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Checks everything that needs no database; names and notes come back trimmed.
pub fn check_client(input: &ClientInput) -> Result<ClientInput, FieldError> {
    let mut checked = input.clone();
    checked.name = text(&input.name, "name", 100, "jméno klienta")?;
    checked.street = text(&input.street, "street", 100, "ulici a číslo domu")?;
    match (input.latitude, input.longitude) {
        (Some(latitude), Some(longitude))
            if crate::planning::travel::GeoPoint {
                latitude,
                longitude,
            }
            .in_czechia() => {}
        (None, None) => {}
        _ => {
            return Err(FieldError::new(
                "latitude",
                "Souřadnice musí ležet v Česku a být zadány obě.",
            ));
        }
    }
    match (input.care_allowance_level, input.care_allowance_from) {
        (Some(1..=4), Some(_)) | (None, None) => {}
        (Some(1..=4), None) => {
            return Err(FieldError::new(
                "care_allowance_from",
                "Uveďte, od kdy stupeň příspěvku platí.",
            ));
        }
        _ => {
            return Err(FieldError::new(
                "care_allowance_level",
                "Stupeň příspěvku na péči je I až IV (1–4).",
            ));
        }
    }
    plausible_date(input.service_from, "service_from")?;
    for (date, field) in [
        (input.service_to, "service_to"),
        (input.care_allowance_from, "care_allowance_from"),
        (input.birth_date, "birth_date"),
    ] {
        date.map(|date| plausible_date(date, field)).transpose()?;
    }
    if input
        .birth_date
        .is_some_and(|born| born > input.service_from)
    {
        return Err(FieldError::new(
            "birth_date",
            "Datum narození musí předcházet začátku služby.",
        ));
    }
    if input.service_to.is_some_and(|to| to < input.service_from) {
        return Err(FieldError::new(
            "service_to",
            "Služba musí skončit nejdříve v den, kdy začíná.",
        ));
    }
    let note = |note: &Option<String>, field| match note.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) if text.chars().count() <= 500 => Ok(Some(text.to_owned())),
        Some(_) => Err(FieldError::new(field, "Poznámka má nejvýše 500 znaků.")),
    };
    checked.doorstep_note = note(&input.doorstep_note, "doorstep_note")?;
    checked.key_risks = note(&input.key_risks, "key_risks")?;
    checked.internal_note = note(&input.internal_note, "internal_note")?;
    checked.phone = match input.phone.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(phone) => Some(czech_phone(phone, "phone")?),
    };
    checked.contacts = bounded_list(&input.contacts, "contacts")?
        .iter()
        .map(|contact| {
            Ok(ContactPerson {
                name: text(&contact.name, "contacts.name", 100, "jméno kontaktní osoby")?,
                relation: text(
                    &contact.relation,
                    "contacts.relation",
                    50,
                    "vztah ke klientovi",
                )?,
                phone: text(&contact.phone, "contacts.phone", 30, "telefon")?,
            })
        })
        .collect::<Result<_, FieldError>>()?;
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_czech_phone_is_nine_digits_after_an_optional_420_and_reads_the_same_way_back() {
        for written in [
            "601 000 001",
            "+420 601-000-001",
            "00420601000001",
            " 601000001 ",
        ] {
            assert_eq!(
                czech_phone(written, "office_phone").as_deref(),
                Ok("+420 601 000 001"),
                "{written}"
            );
        }
        for wrong in [
            "",
            "60100000",
            "6010000011",
            "+421 601 000 001",
            "101 000 001",
            "601 000 00a",
        ] {
            let refused = czech_phone(wrong, "office_phone").expect_err(wrong);
            assert_eq!(refused.field, "office_phone");
        }
    }

    #[test]
    fn a_phone_written_with_spaces_and_dashes_dials_its_digits_and_its_leading_plus() {
        assert_eq!(tel_href("603 123 456").as_deref(), Some("tel:603123456"));
        assert_eq!(
            tel_href(" +420 603-123-456").as_deref(),
            Some("tel:+420603123456")
        );
        assert_eq!(tel_href("neuvedeno"), None);
    }

    fn client() -> ClientInput {
        ClientInput {
            name: " Marie Nová ".into(),
            street: "Lipová 3".into(),
            municipality_code: "562335".into(),
            latitude: None,
            longitude: None,
            care_allowance_level: Some(2),
            care_allowance_from: NaiveDate::from_ymd_opt(2026, 1, 1),
            birth_date: NaiveDate::from_ymd_opt(1941, 5, 2),
            free_of_charge: false,
            service_from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            service_to: None,
            preferred_caregiver_gender: Some(Gender::Female),
            doorstep_note: Some("  ".into()),
            key_risks: Some(" Riziko pádu. ".into()),
            phone: None,
            internal_note: None,
            contacts: vec![],
        }
    }

    #[test]
    fn a_clients_own_phone_is_kept_as_a_czech_number_and_a_wrong_one_names_its_field() {
        let with_phone = |phone: &str| {
            check_client(&ClientInput {
                phone: Some(phone.into()),
                ..client()
            })
        };
        assert_eq!(
            with_phone("602-111-222").expect("valid").phone.as_deref(),
            Some("+420 602 111 222")
        );
        assert_eq!(with_phone("  ").expect("blank is none").phone, None);
        assert_eq!(with_phone("602 111").expect_err("short").field, "phone");
    }

    #[test]
    fn a_client_comes_back_trimmed_and_without_empty_notes() {
        let checked = check_client(&client()).expect("valid");
        assert_eq!(checked.name, "Marie Nová");
        assert_eq!(checked.doorstep_note, None);
        assert_eq!(checked.key_risks.as_deref(), Some("Riziko pádu."));
    }

    #[test]
    fn a_care_allowance_level_needs_its_date_and_lies_between_one_and_four() {
        let mut without_date = client();
        without_date.care_allowance_from = None;
        assert_eq!(
            check_client(&without_date).expect_err("no date").field,
            "care_allowance_from"
        );
        let mut level_five = client();
        level_five.care_allowance_level = Some(5);
        assert_eq!(
            check_client(&level_five).expect_err("five").field,
            "care_allowance_level"
        );
    }

    #[test]
    fn a_client_is_born_before_their_service_begins() {
        let mut unborn = client();
        unborn.birth_date = NaiveDate::from_ymd_opt(2026, 12, 1);
        assert_eq!(
            check_client(&unborn).expect_err("later").field,
            "birth_date"
        );
        let mut unknown = client();
        unknown.birth_date = None;
        assert!(check_client(&unknown).is_ok(), "a birth date is optional");
    }

    #[test]
    fn coordinates_must_both_be_in_czechia() {
        let mut half = client();
        half.latitude = Some(50.7);
        assert_eq!(check_client(&half).expect_err("half").field, "latitude");
    }

    #[test]
    fn a_service_ends_no_earlier_than_it_began_and_says_why() {
        let began = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let end = |last_day: &str, reason: &str| EndService {
            last_day: last_day.parse().expect("date"),
            reason: reason.into(),
        };
        let checked =
            check_end_of_service(&end("2026-12-31", " přestěhování "), began).expect("a valid end");
        assert_eq!(checked.reason, "přestěhování");
        assert_eq!(
            check_end_of_service(&end("2026-10-31", "přestěhování"), began)
                .expect_err("before the start")
                .field,
            "last_day"
        );
        assert_eq!(
            check_end_of_service(&end("2026-12-31", "  "), began)
                .expect_err("no reason")
                .field,
            "reason"
        );
    }
}
