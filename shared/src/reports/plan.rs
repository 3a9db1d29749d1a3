//! The provider's development plan (rozvojový plán): the targets the region set in the
//! network parameters in force, against what the period's records show, with the difference.

use crate::reports::figures::hour_hundredths;
use crate::reports::parameters::NetworkParameters;
use crate::reports::period::Period;
use crate::reports::suppression::SMALLEST_SHOWN;
use crate::reports::table::{Cell, Column, ColumnKind, Table};

/// What the provider achieved against the plan's targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actual {
    pub clients: u64,
    pub direct_seconds: i64,
    pub fte_hundredths: i64,
}

/// The plan's table, or none when the region set no target. `suppress` hides a client
/// count from 1 to 4 (and the difference that would give it away).
pub fn plan_table(
    parameters: &NetworkParameters,
    period: Period,
    actual: Actual,
    suppress: bool,
) -> Option<Table> {
    let clients = i64::try_from(actual.clients).unwrap_or(i64::MAX);
    let hidden = suppress && (1..SMALLEST_SHOWN).contains(&actual.clients);
    let rows: Vec<(&str, i64, i64, bool)> = [
        (
            "Klienti",
            parameters.target_clients.map(|t| t * 100),
            clients * 100,
            hidden,
        ),
        (
            "Hodiny přímé péče",
            parameters
                .target_direct_care_hours_per_month
                .map(|t| t * 100 * i64::from(period.month_count())),
            hour_hundredths(actual.direct_seconds),
            false,
        ),
        (
            "Úvazky",
            parameters.target_fte_hundredths,
            actual.fte_hundredths,
            false,
        ),
    ]
    .into_iter()
    .filter_map(|(what, target, actual, hidden)| target.map(|t| (what, t, actual, hidden)))
    .collect();
    if rows.is_empty() {
        return None;
    }
    let mut table = Table::new(
        "development_plan",
        "Rozvojový plán: cíle a skutečnost",
        vec![
            Column::new(
                "target",
                "Cíl plánu",
                ColumnKind::Text,
                "Ukazatel rozvojového plánu, který kraj poskytovateli stanovil.",
            ),
            Column::new(
                "goal",
                "Cíl",
                ColumnKind::Decimal,
                "Hodnota stanovená krajem (hodiny za měsíc násobené počtem měsíců období).",
            ),
            Column::new(
                "actual",
                "Skutečnost",
                ColumnKind::Decimal,
                "Hodnota za období: klienti s alespoň jedním záznamem, hodiny přímé péče, úvazky pracovníků.",
            ),
            Column::new(
                "difference",
                "Rozdíl",
                ColumnKind::Decimal,
                "Skutečnost minus cíl; záporný rozdíl = cíl nesplněn.",
            ),
        ],
        &format!(
            "Cíle platné od {}.",
            parameters.valid_from.format("%-d. %-m. %Y")
        ),
    );
    for (what, goal, actual, hidden) in rows {
        let (actual, difference) = if hidden {
            (Cell::Suppressed, Cell::Suppressed)
        } else {
            (Cell::Number(actual), Cell::Number(actual - goal))
        };
        table.rows.push(vec![
            Cell::Text(what.into()),
            Cell::Number(goal),
            actual,
            difference,
        ]);
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> NetworkParameters {
        NetworkParameters {
            valid_from: "2026-01-01".parse().expect("a date"),
            target_clients: Some(12),
            target_direct_care_hours_per_month: Some(10),
            target_fte_hundredths: Some(250),
            ..NetworkParameters::default()
        }
    }

    const ACTUAL: Actual = Actual {
        clients: 9,
        direct_seconds: 7 * 3600,
        fte_hundredths: 200,
    };

    #[test]
    fn each_target_shows_with_the_actual_figure_and_the_difference() {
        let quarter = Period::parse("2026-Q1").expect("valid");
        let table = plan_table(&targets(), quarter, ACTUAL, false).expect("targets set");
        assert_eq!(
            table.cell("Klienti", "difference"),
            Some(&Cell::Number(-300))
        );
        assert_eq!(
            table.cell("Hodiny přímé péče", "goal"),
            Some(&Cell::Number(3000)),
            "10 h a month for three months"
        );
        assert_eq!(table.cell("Úvazky", "difference"), Some(&Cell::Number(-50)));
    }

    #[test]
    fn no_target_no_table_and_a_small_client_count_stays_hidden_from_the_region() {
        let march = Period::parse("2026-03").expect("valid");
        let none = NetworkParameters::default();
        assert!(plan_table(&none, march, ACTUAL, false).is_none());
        let few = Actual {
            clients: 3,
            ..ACTUAL
        };
        let table = plan_table(&targets(), march, few, true).expect("targets set");
        assert_eq!(table.cell("Klienti", "actual"), Some(&Cell::Suppressed));
        assert_eq!(table.cell("Klienti", "difference"), Some(&Cell::Suppressed));
        assert_eq!(table.cell("Klienti", "goal"), Some(&Cell::Number(1200)));
    }
}
