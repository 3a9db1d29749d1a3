//! The figures a provider copies into the state's annual statement, each with how it was
//! computed.

use crate::identity::Role;
use crate::reports::figures::{self, LEVELS};
use crate::reports::parameters::NetworkParameters;
use crate::reports::period::Period;
use crate::reports::provider::{CareData, Figures, Labels, activities_table};
use crate::reports::table::{Cell, Column, ColumnKind, Report, Table};

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

/// The figures a provider copies into the state's annual statement, each with how it was
/// computed.
pub fn annual_statement(
    provider_name: &str,
    year: i32,
    data: &CareData,
    labels: &Labels,
    parameters: Option<&NetworkParameters>,
) -> Report {
    let period = Period::Year(year);
    let figures = Figures::compute(data, period);
    let mut table = Table::new(
        "statement",
        "Údaje pro roční výkaz (OKslužby – poskytovatel)",
        vec![
            Column::new("figure", "Údaj", ColumnKind::Text, "Údaj ročního výkazu."),
            Column::new("value", "Hodnota", ColumnKind::Decimal, "Hodnota údaje."),
            Column::new("unit", "Jednotka", ColumnKind::Text, "Jednotka hodnoty."),
            Column::new(
                "method",
                "Jak spočteno",
                ColumnKind::Text,
                "Z čeho a jak byl údaj spočten.",
            ),
        ],
        "Roční výkaz podává poskytovatel do 30. června.",
    );
    let mut row = |figure: &str, value: Option<i64>, unit: &str, method: &str| {
        table.rows.push(vec![
            text(figure),
            value.map_or(Cell::Empty, Cell::Number),
            text(unit),
            text(method),
        ]);
    };
    row(
        "Kapacita",
        parameters.and_then(|p| p.capacity_clients).map(|c| c * 100),
        "klienti",
        "Z parametrů sítě, které stanovil kraj (platné na konci roku); prázdné, není-li zadána.",
    );
    let clients = |n: u64| Some(i64::try_from(n).unwrap_or(i64::MAX) * 100);
    row(
        "Klienti",
        clients(figures.clients.total),
        "osoby",
        "Klienti s alespoň jedním přijatým záznamem návštěvy v roce, každý jednou.",
    );
    row(
        "z toho bez úhrady",
        clients(figures.clients.free_of_charge),
        "osoby",
        "Klienti označení jako bez úhrady (§ 75 odst. 2).",
    );
    for (level, n) in LEVELS.iter().zip(figures.clients.by_level) {
        row(
            &format!("Klienti, příspěvek na péči: {level}"),
            clients(n),
            "osoby",
            "Stupeň platný v den posledního záznamu klienta v roce.",
        );
    }
    let staff = figures::staff_counts(&data.staff);
    for role in [Role::Caregiver, Role::Coordinator, Role::ProviderManager] {
        let c = staff.get(&role).copied().unwrap_or_default();
        row(
            &format!("Pracovníci: {}", role.label()),
            clients(c.headcount),
            "osoby",
            "Aktivní účty pracovníků k datu sestavení.",
        );
        row(
            &format!("Úvazky: {}", role.label()),
            Some(c.fte_hundredths),
            "úvazky",
            "Smluvní hodiny týdně ÷ 40, sečteno.",
        );
    }
    let activities = activities_table(&figures.care, labels);
    for cells in &activities.rows {
        if let [Cell::Text(name), Cell::Number(hours)] = cells.as_slice() {
            row(
                &format!("Hodiny přímé péče: {name}"),
                Some(*hours),
                "h",
                "Čas přijatých záznamů v roce; čas záznamu se dělí rovným dílem mezi jeho úkony.",
            );
        }
    }
    row(
        "Provedené návštěvy",
        clients(figures.visits.done),
        "návštěvy",
        "Návštěvy s plánovaným začátkem v roce a přijatým záznamem.",
    );
    Report {
        title: "Roční výkaz pro stát".into(),
        period: period.code(),
        period_label: period.label(),
        scope: provider_name.to_owned(),
        suppressed: false,
        tables: vec![table],
    }
}
