//! The caregiver page's forms as named drafts, checked by the shared planning rules before
//! they are sent.

use shared::ErrorDetail;
use shared::catalogue::Municipality;
use shared::planning::input::{
    AbsenceInput, CaregiverProfileInput, HomeBase, ShiftInput, check_absence, check_profile,
};
use shared::planning::travel::GeoPoint;
use shared::schedule::AbsenceView;

use crate::ui::form::{field_error, rejected};
use crate::ui::format::czech_date;
use crate::ui::municipality::centre;

/// The profile form as typed. Empty contract and home base fields mean "not recorded".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileDraft {
    /// Skills separated by commas.
    pub skills: String,
    pub shifts: Vec<ShiftInput>,
    pub contract_hours: String,
    pub street: String,
    /// The code of the municipality the home base is in.
    pub municipality_code: String,
    /// The home base as picked on the map; none for the municipality's centre.
    pub point: Option<GeoPoint>,
}

/// The absence form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AbsenceDraft {
    pub from: String,
    pub to: String,
    pub reason: String,
}

/// The municipality whose centre is nearest to `point`: where a stored home base lies.
pub fn nearest_municipality(
    point: GeoPoint,
    municipalities: &[Municipality],
) -> Option<&Municipality> {
    municipalities.iter().min_by(|a, b| {
        let distance = |m: &Municipality| point.distance_km(centre(m));
        distance(a).total_cmp(&distance(b))
    })
}

/// The profile form as the API's input, checked by the shared rule. The home base's point
/// is the one picked on the map, or the chosen municipality's centre.
pub fn parse_profile(
    draft: &ProfileDraft,
    municipalities: &[Municipality],
) -> Result<CaregiverProfileInput, ErrorDetail> {
    let number = |text: &str, field: &str, what: &str| {
        text.trim()
            .replace(',', ".")
            .parse::<f64>()
            .map_err(|_| field_error(field, format!("Zadejte {what} jako číslo.")))
    };
    let contract_hours_per_week = match draft.contract_hours.trim() {
        "" => None,
        text => Some(number(
            text,
            "contract_hours_per_week",
            "úvazek v hodinách",
        )?),
    };
    let home_base = match (draft.street.trim(), draft.municipality_code.as_str()) {
        ("", "") => None,
        (street, code) => {
            let municipality = municipalities
                .iter()
                .find(|m| m.code == code)
                .ok_or_else(|| {
                    field_error(
                        "home_base.municipality",
                        "Vyberte obec, odkud pracovník vyjíždí.",
                    )
                })?;
            Some(HomeBase {
                street: street.to_owned(),
                location: draft.point.unwrap_or_else(|| centre(municipality)),
            })
        }
    };
    let input = CaregiverProfileInput {
        skills: draft
            .skills
            .split(',')
            .map(|skill| skill.trim().to_owned())
            .collect(),
        shifts: draft.shifts.clone(),
        contract_hours_per_week,
        home_base,
    };
    check_profile(&input).map_err(rejected)?;
    Ok(input)
}

/// An absence's days as the office reads them; a sick call's first day with its hour.
pub fn absence_span(absence: &AbsenceView) -> String {
    let from = match absence.from_time {
        Some(time) => format!("{} od {}", czech_date(absence.from), time.format("%-H:%M")),
        None => czech_date(absence.from),
    };
    if absence.from == absence.to {
        from
    } else {
        format!("{from} – {}", czech_date(absence.to))
    }
}

/// The absence form as the API's input.
pub fn parse_absence(draft: &AbsenceDraft) -> Result<AbsenceInput, ErrorDetail> {
    let date = |text: &str, field: &str| {
        text.parse()
            .map_err(|_| field_error(field, "Zadejte datum."))
    };
    let input = AbsenceInput {
        from: date(&draft.from, "from")?,
        to: date(&draft.to, "to")?,
        reason: draft.reason.clone(),
    };
    check_absence(&input).map_err(rejected)?;
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn municipality(code: &str, name: &str, latitude: f64, longitude: f64) -> Municipality {
        Municipality {
            code: code.to_owned(),
            name: name.to_owned(),
            district: "Děčín".to_owned(),
            orp_name: "Děčín".to_owned(),
            latitude,
            longitude,
            population: 1000,
            population_60_plus: 300,
        }
    }

    fn region() -> Vec<Municipality> {
        vec![
            municipality("562335", "Děčín", 50.78215, 14.21478),
            municipality("562351", "Děčín-Podmokly", 50.77, 14.20),
            municipality("554804", "Ústí nad Labem", 50.66070, 14.03227),
        ]
    }

    /// The profile form filled in with these texts; the home base as street, municipality
    /// code and the point picked on the map.
    fn located(
        skills: &str,
        shifts: Vec<ShiftInput>,
        contract_hours: &str,
        (street, municipality_code, point): (&str, &str, Option<GeoPoint>),
    ) -> Result<CaregiverProfileInput, ErrorDetail> {
        parse_profile(
            &ProfileDraft {
                skills: skills.to_owned(),
                shifts,
                contract_hours: contract_hours.to_owned(),
                street: street.to_owned(),
                municipality_code: municipality_code.to_owned(),
                point,
            },
            &region(),
        )
    }

    /// The profile form with no home base.
    fn profile(
        skills: &str,
        shifts: Vec<ShiftInput>,
        contract_hours: &str,
    ) -> Result<CaregiverProfileInput, ErrorDetail> {
        located(skills, shifts, contract_hours, ("", "", None))
    }

    const PICKED: GeoPoint = GeoPoint {
        latitude: 50.6612,
        longitude: 14.0401,
    };

    #[test]
    fn the_home_base_is_the_point_picked_on_the_map_or_the_municipalitys_centre() {
        let home = |fields| located("", vec![], "", fields).map(|input| input.home_base);
        let in_town = home(("Masarykova 1", "554804", None)).expect("valid");
        assert_eq!(
            in_town,
            Some(HomeBase {
                street: "Masarykova 1".to_owned(),
                location: GeoPoint {
                    latitude: 50.66070,
                    longitude: 14.03227
                },
            })
        );
        let picked = home(("Masarykova 1", "554804", Some(PICKED)))
            .expect("valid")
            .expect("a home base");
        assert_eq!(picked.location, PICKED);
        assert_eq!(
            home(("Masarykova 1", "", None))
                .expect_err("no municipality")
                .field
                .as_deref(),
            Some("home_base.municipality")
        );
    }

    #[test]
    fn a_stored_point_is_named_by_its_nearest_municipality() {
        let point = GeoPoint {
            latitude: 50.7821,
            longitude: 14.2147,
        };
        assert_eq!(
            nearest_municipality(point, &region()).map(|m| m.name.as_str()),
            Some("Děčín")
        );
        assert_eq!(nearest_municipality(point, &[]), None);
    }

    fn absence(from: &str, to: &str, reason: &str) -> Result<AbsenceInput, ErrorDetail> {
        parse_absence(&AbsenceDraft {
            from: from.to_owned(),
            to: to.to_owned(),
            reason: reason.to_owned(),
        })
    }

    fn shift() -> ShiftInput {
        ShiftInput {
            weekday: 1,
            start: "07:00".into(),
            end: "15:30".into(),
        }
    }

    #[test]
    fn the_profile_form_becomes_the_apis_input() {
        let input = located(
            " přesun, koupel ,",
            vec![shift()],
            "37,5",
            ("Masarykova 1, Děčín", "562335", Some(PICKED)),
        )
        .expect("valid");
        assert_eq!(input.contract_hours_per_week, Some(37.5));
        assert_eq!(input.home_base.expect("home").location, PICKED);
        let empty = profile("", vec![], "").expect("nothing recorded");
        assert_eq!(
            (empty.contract_hours_per_week, empty.home_base),
            (None, None)
        );
    }

    #[test]
    fn a_wrong_profile_field_is_named() {
        let cases = [
            (profile("", vec![], "hodně"), "contract_hours_per_week"),
            (profile("", vec![], "60"), "contract_hours_per_week"),
            (
                located(
                    "",
                    vec![],
                    "",
                    (
                        "Ulice 1",
                        "554804",
                        Some(GeoPoint {
                            latitude: 40.0,
                            longitude: 14.0,
                        }),
                    ),
                ),
                "home_base.location",
            ),
            (
                profile(
                    "",
                    vec![ShiftInput {
                        end: "06:00".into(),
                        ..shift()
                    }],
                    "",
                ),
                "shifts.end",
            ),
        ];
        for (result, field) in cases {
            assert_eq!(result.expect_err(field).field.as_deref(), Some(field));
        }
    }

    #[test]
    fn a_sick_calls_first_day_shows_its_hour_and_whole_days_show_none() {
        let absence = |from: &str, to: &str, time: Option<&str>| AbsenceView {
            id: "a1".to_owned(),
            from: from.parse().expect("date"),
            to: to.parse().expect("date"),
            from_time: time.map(|t| t.parse().expect("time")),
            reason: "nemoc".to_owned(),
        };
        assert_eq!(
            absence_span(&absence("2026-11-24", "2026-11-24", Some("07:00:00"))),
            "úterý 24. listopadu 2026 od 7:00"
        );
        assert_eq!(
            absence_span(&absence("2026-11-24", "2026-11-26", None)),
            "úterý 24. listopadu 2026 – čtvrtek 26. listopadu 2026"
        );
    }

    #[test]
    fn an_absence_needs_dates_in_order_and_a_reason() {
        assert!(absence("2026-12-01", "2026-12-02", "dovolená").is_ok());
        for (from, to, reason, field) in [
            ("", "2026-12-02", "dovolená", "from"),
            ("2026-12-03", "2026-12-02", "dovolená", "to"),
            ("2026-12-01", "2026-12-02", " ", "reason"),
        ] {
            assert_eq!(
                absence(from, to, reason).expect_err(field).field.as_deref(),
                Some(field)
            );
        }
    }
}
