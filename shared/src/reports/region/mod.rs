//! The region's report across providers: by district, ORP and municipality with coverage
//! and clients per 1,000 inhabitants aged 60+, by provider with the shortfalls against
//! the network parameters, month by month, and the client groups. Always suppressed:
//! regional readers see no count from 1 to 4 and no client.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::Municipality;
use crate::reports::figures::{self, hour_hundredths, percent_hundredths};
use crate::reports::parameters::{Achieved, NetworkParameters, shortfalls};
use crate::reports::period::Period;
use crate::reports::provider::{
    CareData, Figures, Labels, activities_table, client_tables, total_first,
};
use crate::reports::suppression::suppress_table_forcing;
use crate::reports::table::{Cell, Column, ColumnKind, Report, Table};

mod territory;

use territory::{by_municipality, territory_table};

/// The region's frame: its municipalities, its providers (id, name) and their parameters
/// in force for the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    pub municipalities: Vec<Municipality>,
    pub providers: Vec<(String, String)>,
    pub parameters: BTreeMap<String, NetworkParameters>,
}

pub(crate) fn count(value: u64) -> Cell {
    Cell::Number(i64::try_from(value).unwrap_or(i64::MAX))
}

pub(crate) fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// The providers' table and the figures of all of them added up.
fn providers_table(
    network: &Network,
    data: CareData,
    period: Period,
    forced: &[usize],
) -> (Table, Figures) {
    let mut table = Table::new(
        "providers",
        "Poskytovatelé",
        vec![
            Column::new(
                "provider",
                "Poskytovatel",
                ColumnKind::Text,
                "Poskytovatel pečovatelské služby v síti kraje.",
            ),
            Column::new(
                "clients",
                "Klienti",
                ColumnKind::Count,
                "Klienti poskytovatele s alespoň jednou zaznamenanou návštěvou v období.",
            ),
            Column::new(
                "visits_done",
                "Provedené návštěvy",
                ColumnKind::Count,
                "Návštěvy s plánovaným začátkem v období a přijatým záznamem.",
            ),
            Column::new(
                "hours",
                "Hodiny přímé péče",
                ColumnKind::Hours,
                "Hodiny přímé péče v období.",
            ),
            Column::new(
                "travel_share",
                "Podíl cest",
                ColumnKind::Percent,
                "Cesty ÷ (přímá péče + cesty).",
            ),
            Column::new(
                "fte",
                "Úvazky",
                ColumnKind::Decimal,
                "Úvazky všech pracovníků (smluvní hodiny ÷ 40).",
            ),
            Column::new(
                "shortfalls",
                "Nesplněné parametry sítě",
                ColumnKind::Text,
                "Parametry sítě platné pro období, které poskytovatel nesplnil, se skutečností a cílem.",
            ),
        ],
        "Parametry sítě platné k poslednímu dni období.",
    );
    let mut split: BTreeMap<&str, CareData> = network
        .providers
        .iter()
        .map(|(id, _)| (id.as_str(), CareData::default()))
        .collect();
    for (id, client) in data.clients {
        if let Some(part) = split.get_mut(client.provider_id.as_str()) {
            part.clients.insert(id, client);
        }
    }
    for month in data.months {
        if let Some(part) = split.get_mut(month.provider_id.as_str()) {
            part.months.push(month);
        }
    }
    for member in data.staff {
        if let Some(part) = split.get_mut(member.provider_id.as_str()) {
            part.staff.push(member);
        }
    }
    let mut total = (0, 0, 0, 0, 0);
    let mut whole = Figures::default();
    let empty = CareData::default();
    for (id, name) in &network.providers {
        let provider = split.get(id.as_str()).unwrap_or(&empty);
        let f = Figures::compute(provider, period);
        whole.add(&f);
        let fte = figures::total_fte(&provider.staff);
        let covered = figures::covered_municipalities(&f.clients);
        let achieved = Achieved {
            direct_seconds: f.care.total,
            travel_seconds: f.travel_seconds,
            covered: &covered,
        };
        let missed: Vec<String> = network
            .parameters
            .get(id)
            .map(|p| {
                shortfalls(p, period, &achieved)
                    .iter()
                    .map(|s| s.describe())
                    .collect()
            })
            .unwrap_or_default();
        total = (
            total.0 + f.clients.total,
            total.1 + f.visits.done,
            total.2 + f.care.total,
            total.3 + f.travel_seconds,
            total.4 + fte,
        );
        table.rows.push(vec![
            text(name),
            count(f.clients.total),
            count(f.visits.done),
            Cell::Number(hour_hundredths(f.care.total)),
            Cell::Number(percent_hundredths(
                f.travel_seconds,
                f.care.total + f.travel_seconds,
            )),
            Cell::Number(fte),
            text(missed.join("; ")),
        ]);
    }
    table.rows.insert(
        0,
        vec![
            text("Celkem"),
            count(total.0),
            count(total.1),
            Cell::Number(hour_hundredths(total.2)),
            Cell::Number(percent_hundredths(total.3, total.2 + total.3)),
            Cell::Number(total.4),
            Cell::Empty,
        ],
    );
    let groups = total_first(&table);
    suppress_table_forcing(
        &mut table,
        "clients",
        &["visits_done"],
        &["hours", "travel_share"],
        &groups,
        forced,
    );
    (table, whole)
}

fn trend_table(data: &CareData, period: Period, forced: &[usize]) -> Table {
    let mut table = Table::new(
        "trend",
        "Vývoj po měsících",
        vec![
            Column::new(
                "month",
                "Měsíc",
                ColumnKind::Text,
                "Kalendářní měsíc (RRRR-MM).",
            ),
            Column::new(
                "clients",
                "Klienti",
                ColumnKind::Count,
                "Klienti s alespoň jednou zaznamenanou návštěvou v měsíci.",
            ),
            Column::new(
                "visits_done",
                "Provedené návštěvy",
                ColumnKind::Count,
                "Provedené návštěvy s plánovaným začátkem v měsíci.",
            ),
            Column::new(
                "hours",
                "Hodiny přímé péče",
                ColumnKind::Hours,
                "Hodiny přímé péče v měsíci.",
            ),
        ],
        "",
    );
    let months = period.months();
    let mut clients = vec![0_u64; months.len()];
    let mut seconds = vec![0_i64; months.len()];
    let mut done = vec![0_u64; months.len()];
    for summary in &data.months {
        let Some(index) = months.iter().position(|month| *month == summary.month) else {
            continue;
        };
        for client in &summary.clients {
            clients[index] += u64::from(client.last_served.is_some());
            seconds[index] += client.care.total;
            done[index] += client.visits.done;
        }
    }
    for (index, month) in months.iter().enumerate() {
        table.rows.push(vec![
            text(month.code()),
            count(clients[index]),
            count(done[index]),
            Cell::Number(hour_hundredths(seconds[index])),
        ]);
    }
    suppress_table_forcing(
        &mut table,
        "clients",
        &["visits_done"],
        &["hours"],
        &[],
        forced,
    );
    table
}

/// Keeps the clients living in `district`, and their months.
fn in_district(data: CareData, network: &Network, district: &str) -> CareData {
    let codes: BTreeSet<&str> = network
        .municipalities
        .iter()
        .filter(|m| m.district == district)
        .map(|m| m.code.as_str())
        .collect();
    let clients: BTreeMap<String, _> = data
        .clients
        .into_iter()
        .filter(|(_, c)| codes.contains(c.municipality_code.as_str()))
        .collect();
    let months = data
        .months
        .into_iter()
        .map(|mut month| {
            month
                .clients
                .retain(|client| clients.contains_key(&client.client_id));
            month
        })
        .collect();
    CareData {
        months,
        staff: data.staff,
        clients,
    }
}

/// The region's report for a period, of the whole region or one district.
pub fn region_report(
    network: &Network,
    data: CareData,
    labels: &Labels,
    period: Period,
    district: Option<&str>,
) -> Report {
    let territory = territory_table(network, &by_municipality(&data), district);
    // Every table's total is the scope's: hidden in one, it is hidden in all (a district's
    // total the whole region's table hides, too), so no table gives it away to another.
    let total_hidden = ["clients", "visits_done"].iter().any(|key| {
        territory
            .column_index(key)
            .and_then(|column| territory.rows.first()?.get(column))
            .is_some_and(|cell| *cell == Cell::Suppressed)
    });
    let forced: &[usize] = if total_hidden { &[0] } else { &[] };
    let data = match district {
        Some(district) => in_district(data, network, district),
        None => data,
    };
    // A one-month trend's only row is the total.
    let trend_forced = if period.month_count() == 1 {
        forced
    } else {
        &[]
    };
    let trend = trend_table(&data, period, trend_forced);
    let (providers, whole) = providers_table(network, data, period, forced);
    let mut tables = vec![territory, providers, trend];
    for mut table in client_tables(&whole.clients, labels)
        .into_iter()
        .filter(|t| t.key != "clients_by_municipality")
    {
        let groups = total_first(&table);
        suppress_table_forcing(&mut table, "clients", &[], &[], &groups, forced);
        tables.push(table);
    }
    tables.push(activities_table(&whole.care, labels));
    Report {
        title: "Výkaz sítě kraje".into(),
        period: period.code(),
        period_label: period.label(),
        scope: district.map_or("Ústecký kraj".to_owned(), |d| format!("okres {d}")),
        suppressed: true,
        tables,
    }
}

/// Every column of every table a report can hold, for the data dictionary.
pub fn dictionary() -> Vec<crate::reports::DictionaryEntry> {
    let labels = Labels::default();
    let period = Period::Year(2026);
    let sample = NetworkParameters {
        valid_from: period.first_day(),
        target_clients: Some(0),
        ..NetworkParameters::default()
    };
    let data = CareData::default();
    let reports = [
        region_report(
            &Network::default(),
            CareData::default(),
            &labels,
            period,
            None,
        ),
        crate::reports::provider::provider_report(
            "",
            period,
            &data,
            &crate::reports::payments::PaymentData::default(),
            &labels,
            Some(&sample),
            false,
        ),
        crate::reports::statement::annual_statement("", 2026, &data, &labels, None),
    ];
    let mut seen = BTreeSet::new();
    reports
        .iter()
        .flat_map(|r| &r.tables)
        .filter(|t| seen.insert(t.key.clone()))
        .flat_map(|t| {
            t.columns
                .iter()
                .map(move |c| crate::reports::DictionaryEntry {
                    table: t.key.clone(),
                    table_title: t.title.clone(),
                    column: c.clone(),
                })
        })
        .collect()
}
