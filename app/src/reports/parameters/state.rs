//! The network parameters form as typed: every field a string until it is checked, into
//! the dated row the server keeps (the ranges are `NetworkParameters::validate`'s).

use chrono::NaiveDate;
use shared::ErrorDetail;
use shared::reports::parameters::NetworkParameters;

use crate::ui::form::{field_error, rejected};
use crate::ui::format::czech_hundredths;

/// What the officer typed, field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParametersDraft {
    pub valid_from: String,
    pub capacity_clients: String,
    pub operating_hours: String,
    pub min_direct_care_hours_per_month: String,
    pub min_direct_care_share_percent: String,
    pub mandated_municipalities: Vec<String>,
    pub target_clients: String,
    pub target_direct_care_hours_per_month: String,
    /// FTE as typed, with a decimal comma: "2,5".
    pub target_fte: String,
}

fn shown(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl ParametersDraft {
    /// A saved row as the form shows it, to change from a new date.
    pub fn from_row(row: &NetworkParameters) -> ParametersDraft {
        ParametersDraft {
            valid_from: row.valid_from.to_string(),
            capacity_clients: shown(row.capacity_clients),
            operating_hours: row.operating_hours.clone().unwrap_or_default(),
            min_direct_care_hours_per_month: shown(row.min_direct_care_hours_per_month),
            min_direct_care_share_percent: shown(row.min_direct_care_share_percent),
            mandated_municipalities: row.mandated_municipalities.clone(),
            target_clients: shown(row.target_clients),
            target_direct_care_hours_per_month: shown(row.target_direct_care_hours_per_month),
            target_fte: row.target_fte_hundredths.map(fte_text).unwrap_or_default(),
        }
    }

    /// The row to save for `provider_id`, or the first field that is wrong.
    pub fn parse(&self, provider_id: &str) -> Result<NetworkParameters, ErrorDetail> {
        let valid_from = NaiveDate::parse_from_str(self.valid_from.trim(), "%Y-%m-%d")
            .map_err(|_| field_error("valid_from", "Zadejte datum, od kterého parametry platí."))?;
        let operating_hours = self.operating_hours.trim();
        let parameters = NetworkParameters {
            provider_id: provider_id.to_owned(),
            valid_from,
            capacity_clients: whole("capacity_clients", &self.capacity_clients)?,
            operating_hours: (!operating_hours.is_empty()).then(|| operating_hours.to_owned()),
            min_direct_care_hours_per_month: whole(
                "min_direct_care_hours_per_month",
                &self.min_direct_care_hours_per_month,
            )?,
            min_direct_care_share_percent: whole(
                "min_direct_care_share_percent",
                &self.min_direct_care_share_percent,
            )?,
            mandated_municipalities: self.mandated_municipalities.clone(),
            target_clients: whole("target_clients", &self.target_clients)?,
            target_direct_care_hours_per_month: whole(
                "target_direct_care_hours_per_month",
                &self.target_direct_care_hours_per_month,
            )?,
            target_fte_hundredths: fte_hundredths(&self.target_fte)?,
        };
        parameters.validate().map_err(rejected)?;
        Ok(parameters)
    }
}

/// Digits with the thousands spaces people type; empty: not set.
fn whole(field: &str, text: &str) -> Result<Option<i64>, ErrorDetail> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits.parse().map(Some).map_err(|_| {
        field_error(
            field,
            "Zadejte celé číslo, například 40, nebo pole nechte prázdné.",
        )
    })
}

/// "2,5" (or "2.5") FTE as 250 hundredths; at most two decimals.
fn fte_hundredths(text: &str) -> Result<Option<i64>, ErrorDetail> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Ok(None);
    }
    let wrong = || {
        field_error(
            "target_fte_hundredths",
            "Zadejte úvazky číslem, například 2,5.",
        )
    };
    let (units, decimals) = text.split_once([',', '.']).unwrap_or((&text, ""));
    if decimals.len() > 2 || !decimals.chars().all(|c| c.is_ascii_digit()) {
        return Err(wrong());
    }
    let units: i64 = units.parse().map_err(|_| wrong())?;
    let decimals: i64 = format!("{decimals:0<2}").parse().map_err(|_| wrong())?;
    Ok(Some(units * 100 + decimals))
}

/// 250 hundredths as "2,5" for the field, "3" for 300.
fn fte_text(hundredths: i64) -> String {
    let text = czech_hundredths(hundredths);
    text.trim_end_matches('0').trim_end_matches(',').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ParametersDraft {
        ParametersDraft {
            valid_from: "2026-01-01".into(),
            capacity_clients: "1 200".into(),
            min_direct_care_share_percent: "80".into(),
            mandated_municipalities: vec!["562335".into()],
            target_clients: "60".into(),
            target_fte: "2,5".into(),
            ..ParametersDraft::default()
        }
    }

    #[test]
    fn a_typed_form_becomes_the_dated_row_and_back() {
        let row = draft().parse("prov-decin").expect("valid");
        assert_eq!(row.capacity_clients, Some(1200));
        assert_eq!(
            row.min_direct_care_hours_per_month, None,
            "left empty: no target"
        );
        assert_eq!(row.target_fte_hundredths, Some(250));
        assert_eq!(row.operating_hours, None);
        let back = ParametersDraft::from_row(&row);
        assert_eq!(back.target_fte, "2,5");
        assert_eq!(back.capacity_clients, "1200");
        assert_eq!(back.parse("prov-decin"), Ok(row));
    }

    #[test]
    fn each_wrong_field_is_named_with_what_to_type() {
        let field_of = |draft: ParametersDraft| draft.parse("p").err().and_then(|e| e.field);
        let wrong = |change: fn(&mut ParametersDraft)| {
            let mut typed = draft();
            change(&mut typed);
            field_of(typed)
        };
        assert_eq!(
            wrong(|d| d.valid_from = "1. 1.".into()).as_deref(),
            Some("valid_from")
        );
        assert_eq!(
            wrong(|d| d.target_clients = "šedesát".into()).as_deref(),
            Some("target_clients")
        );
        assert_eq!(
            wrong(|d| d.min_direct_care_share_percent = "120".into()).as_deref(),
            Some("min_direct_care_share_percent"),
            "the shared rule's range"
        );
        assert_eq!(
            wrong(|d| d.target_fte = "2,555".into()).as_deref(),
            Some("target_fte_hundredths")
        );
        assert_eq!(fte_text(300), "3");
    }
}
