//! The network parameters the region officer sets per provider, as dated data (the row
//! with the latest `valid_from` on or before a period's last day applies), and the
//! shortfalls a report marks.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::czech::czech_figure;
use crate::error::FieldError;
use crate::reports::figures::{hour_hundredths, percent_hundredths};
use crate::reports::period::Period;

/// A provider's parameters from a date on, with the targets of its development plan.
/// Every figure is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkParameters {
    pub provider_id: String,
    pub valid_from: NaiveDate,
    /// Clients served at once (the capacity of the registration).
    pub capacity_clients: Option<i64>,
    /// Hours of operation as the mandate states them, e.g. "Po–Pá 7:00–19:00".
    pub operating_hours: Option<String>,
    pub min_direct_care_hours_per_month: Option<i64>,
    /// Direct care as a share of working time (direct care + travel), in per cent.
    pub min_direct_care_share_percent: Option<i64>,
    /// Codes of the municipalities the provider is mandated to cover.
    pub mandated_municipalities: Vec<String>,
    /// Development plan (rozvojový plán): clients served in the period.
    #[serde(default)]
    pub target_clients: Option<i64>,
    /// Development plan: hours of direct care a month.
    #[serde(default)]
    pub target_direct_care_hours_per_month: Option<i64>,
    /// Development plan: staff FTE, in hundredths.
    #[serde(default)]
    pub target_fte_hundredths: Option<i64>,
}

impl NetworkParameters {
    /// Checks the figures a person typed; the error names the field.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self
            .min_direct_care_share_percent
            .is_some_and(|p| !(0..=100).contains(&p))
        {
            return Err(FieldError::new(
                "min_direct_care_share_percent",
                "Podíl přímé péče musí být 0 až 100 %.",
            ));
        }
        if self
            .operating_hours
            .as_ref()
            .is_some_and(|text| text.chars().count() > 200)
        {
            return Err(FieldError::new(
                "operating_hours",
                "Provozní doba má nejvýše 200 znaků.",
            ));
        }
        for (field, value, message) in [
            (
                "capacity_clients",
                self.capacity_clients,
                "Kapacita musí být 0 až 100 000 klientů.",
            ),
            (
                "min_direct_care_hours_per_month",
                self.min_direct_care_hours_per_month,
                "Hodiny přímé péče musí být 0 až 100 000 za měsíc.",
            ),
            (
                "target_clients",
                self.target_clients,
                "Cílový počet klientů musí být 0 až 100 000.",
            ),
            (
                "target_direct_care_hours_per_month",
                self.target_direct_care_hours_per_month,
                "Cílové hodiny přímé péče musí být 0 až 100 000 za měsíc.",
            ),
            (
                "target_fte_hundredths",
                self.target_fte_hundredths,
                "Cílové úvazky musí být 0 až 1 000.",
            ),
        ] {
            if value.is_some_and(|v| !(0..=100_000).contains(&v)) {
                return Err(FieldError::new(field, message));
            }
        }
        if self.mandated_municipalities.len() > 400 {
            return Err(FieldError::new(
                "mandated_municipalities",
                "Nejvýše 400 obcí.",
            ));
        }
        Ok(())
    }
}

/// The parameters in force for a period: the latest row on or before its last day.
pub fn in_force(rows: &[NetworkParameters], period: Period) -> Option<&NetworkParameters> {
    rows.iter()
        .filter(|row| row.valid_from <= period.last_day())
        .max_by_key(|row| row.valid_from)
}

/// A target the provider missed, with the figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortfall {
    pub what: String,
    /// In hundredths (hours, per cent or municipalities × 100).
    pub target: i64,
    pub actual: i64,
}

impl Shortfall {
    /// "Hodiny přímé péče: 120,50 z 60 000", in Czech figures.
    pub fn describe(&self) -> String {
        format!(
            "{}: {} z {}",
            self.what,
            czech_figure(self.actual),
            czech_figure(self.target)
        )
    }
}

/// What a provider achieved in a period, against which the parameters are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achieved<'a> {
    pub direct_seconds: i64,
    pub travel_seconds: i64,
    pub covered: &'a BTreeSet<String>,
}

/// The targets missed in a period (hour targets scale with the period's months).
pub fn shortfalls(
    parameters: &NetworkParameters,
    period: Period,
    achieved: &Achieved,
) -> Vec<Shortfall> {
    let mut missed = Vec::new();
    if let Some(hours) = parameters.min_direct_care_hours_per_month {
        let target = hours * 100 * i64::from(period.month_count());
        let actual = hour_hundredths(achieved.direct_seconds);
        if actual < target {
            missed.push(Shortfall {
                what: "Hodiny přímé péče".into(),
                target,
                actual,
            });
        }
    }
    if let Some(percent) = parameters.min_direct_care_share_percent {
        let working = achieved.direct_seconds + achieved.travel_seconds;
        let actual = percent_hundredths(achieved.direct_seconds, working);
        if actual < percent * 100 {
            missed.push(Shortfall {
                what: "Podíl přímé péče (%)".into(),
                target: percent * 100,
                actual,
            });
        }
    }
    let mandated = parameters.mandated_municipalities.len();
    if mandated > 0 {
        let covered = parameters
            .mandated_municipalities
            .iter()
            .filter(|code| achieved.covered.contains(*code))
            .count();
        if covered < mandated {
            missed.push(Shortfall {
                what: "Pokryté pověřené obce".into(),
                target: i64::try_from(mandated * 100).unwrap_or(i64::MAX),
                actual: i64::try_from(covered * 100).unwrap_or(i64::MAX),
            });
        }
    }
    missed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parameters(from: &str) -> NetworkParameters {
        NetworkParameters {
            provider_id: "p".into(),
            valid_from: from.parse().expect("a date"),
            capacity_clients: Some(40),
            operating_hours: None,
            min_direct_care_hours_per_month: Some(100),
            min_direct_care_share_percent: Some(80),
            mandated_municipalities: vec!["1".into(), "2".into()],
            ..NetworkParameters::default()
        }
    }

    #[test]
    fn the_row_in_force_at_the_periods_end_applies() {
        let rows = [
            parameters("2026-01-01"),
            parameters("2026-03-31"),
            parameters("2026-04-01"),
        ];
        let march = Period::parse("2026-03").expect("valid");
        assert_eq!(
            in_force(&rows, march).map(|r| r.valid_from),
            Some(rows[1].valid_from)
        );
        assert!(in_force(&rows, Period::parse("2025").expect("valid")).is_none());
    }

    #[test]
    fn each_missed_target_is_marked_with_its_figure() {
        let covered: BTreeSet<String> = ["1".to_string()].into();
        let quarter = Period::parse("2026-Q1").expect("valid");
        let achieved = Achieved {
            direct_seconds: 250 * 3600,
            travel_seconds: 100 * 3600,
            covered: &covered,
        };
        let missed = shortfalls(&parameters("2026-01-01"), quarter, &achieved);
        let described: Vec<String> = missed.iter().map(Shortfall::describe).collect();
        assert_eq!(
            described,
            [
                "Hodiny přímé péče: 250 z 300",
                "Podíl přímé péče (%): 71,43 z 80",
                "Pokryté pověřené obce: 1 z 2",
            ]
        );
        let enough = Achieved {
            direct_seconds: 400 * 3600,
            travel_seconds: 0,
            covered: &["1".to_string(), "2".to_string()].into(),
        };
        assert!(shortfalls(&parameters("2026-01-01"), quarter, &enough).is_empty());
    }
}
