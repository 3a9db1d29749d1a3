//! The region's report across providers: by district, ORP and municipality with coverage
//! and clients per 1,000 inhabitants aged 60+, by provider with the shortfalls against
//! the network parameters, month by month, and the client groups. Always suppressed:
//! regional readers see no count from 1 to 4 and no client.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::Municipality;
use crate::reports::figures::{self, hour_hundredths, percent_hundredths};
use crate::reports::parameters::{Achieved, NetworkParameters, shortfalls};
use crate::reports::period::{Bounds, Period};
use crate::reports::provider::{
    CareData, Figures, Labels, activities_table, client_tables, total_first,
};
use crate::reports::suppression::{Group, suppress_table};
use crate::reports::table::{Cell, Column, ColumnKind, Report, Table};
use crate::schedule::VisitStatus;

/// The region's frame: its municipalities, its providers (id, name) and their parameters
/// in force for the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    pub municipalities: Vec<Municipality>,
    pub providers: Vec<(String, String)>,
    pub parameters: BTreeMap<String, NetworkParameters>,
}

/// The region's figures of one municipality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Area {
    clients: u64,
    visits_done: u64,
    seconds: i64,
    providers: BTreeSet<String>,
}

impl Area {
    fn add(&mut self, other: &Area) {
        self.clients += other.clients;
        self.visits_done += other.visits_done;
        self.seconds += other.seconds;
        self.providers.extend(other.providers.iter().cloned());
    }
}

fn by_municipality(data: &CareData, bounds: Bounds) -> BTreeMap<String, Area> {
    let mut areas: BTreeMap<String, Area> = BTreeMap::new();
    let municipality = |client: &str| {
        data.clients
            .get(client)
            .map(|c| c.municipality_code.clone())
    };
    for (client, _) in figures::served_clients(&data.records, bounds) {
        if let Some(code) = municipality(&client) {
            let area = areas.entry(code).or_default();
            area.clients += 1;
            area.providers
                .insert(data.clients[&client].provider_id.clone());
        }
    }
    for visit in &data.visits {
        if visit.status == VisitStatus::Done
            && bounds.contains(visit.starts_at)
            && let Some(code) = municipality(&visit.client_id)
        {
            areas.entry(code).or_default().visits_done += 1;
        }
    }
    for record in &data.records {
        if let Some(code) = municipality(&record.client_id) {
            areas.entry(code).or_default().seconds +=
                bounds.overlap_seconds(record.arrived_at, record.left_at);
        }
    }
    areas
}

fn count(value: u64) -> Cell {
    Cell::Number(i64::try_from(value).unwrap_or(i64::MAX))
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn per_thousand(clients: u64, population: i64) -> Cell {
    if population <= 0 {
        return Cell::Empty;
    }
    let clients = i64::try_from(clients).unwrap_or(i64::MAX);
    Cell::Number((clients * 100_000 + population / 2) / population)
}

const TERRITORY_NOTE: &str =
    "Klienti podle obce bydliště. Počty 1–4 a údaje, z nichž by šly dopočítat, jsou skryty (x).";

fn territory_columns() -> Vec<Column> {
    vec![
        Column::new(
            "area",
            "Území",
            ColumnKind::Text,
            "Kraj, okres, ORP nebo obec.",
        ),
        Column::new(
            "level",
            "Úroveň",
            ColumnKind::Text,
            "kraj, okres, ORP nebo obec.",
        ),
        Column::new(
            "code",
            "Kód obce",
            ColumnKind::Text,
            "Kód obce (ČSÚ); u vyšších celků prázdný.",
        ),
        Column::new(
            "district",
            "Okres",
            ColumnKind::Text,
            "Okres, do něhož území patří.",
        ),
        Column::new(
            "orp",
            "ORP",
            ColumnKind::Text,
            "Obec s rozšířenou působností, do níž území patří.",
        ),
        Column::new(
            "clients",
            "Klienti",
            ColumnKind::Count,
            "Klienti s bydlištěm na území, kterým některý poskytovatel v období poskytl alespoň jednu zaznamenanou návštěvu.",
        ),
        Column::new(
            "visits_done",
            "Provedené návštěvy",
            ColumnKind::Count,
            "Návštěvy klientů z území s plánovaným začátkem v období a přijatým záznamem.",
        ),
        Column::new(
            "hours",
            "Hodiny přímé péče",
            ColumnKind::Hours,
            "Hodiny přímé péče klientům z území v období.",
        ),
        Column::new(
            "population_60_plus",
            "Obyvatelé 60+",
            ColumnKind::Count,
            "Obyvatelé ve věku 60 a více let (sčítání 2021).",
        ),
        Column::new(
            "clients_per_1000",
            "Klienti na 1 000 obyvatel 60+",
            ColumnKind::Decimal,
            "Klienti ÷ obyvatelé 60+ × 1 000.",
        ),
        Column::new(
            "covered",
            "Pokrytí",
            ColumnKind::Text,
            "U obce: ano, má-li v období klienty; u vyššího celku: počet pokrytých obcí z počtu obcí.",
        ),
        Column::new(
            "providers",
            "Poskytovatelé",
            ColumnKind::Text,
            "Poskytovatelé, kteří v období obsloužili klienty z obce.",
        ),
    ]
}

/// One row of the territory table for a whole (region, district or ORP).
fn whole_row(
    area_name: String,
    level: &str,
    district: &str,
    orp: &str,
    sum: &Area,
    population: i64,
    covered: (usize, usize),
) -> Vec<Cell> {
    vec![
        text(area_name),
        text(level),
        Cell::Empty,
        text(district),
        text(orp),
        count(sum.clients),
        count(sum.visits_done),
        Cell::Number(hour_hundredths(sum.seconds)),
        Cell::Number(population),
        per_thousand(sum.clients, population),
        text(format!("{} z {} obcí", covered.0, covered.1)),
        Cell::Empty,
    ]
}

fn territory_table(
    network: &Network,
    areas: &BTreeMap<String, Area>,
    district: Option<&str>,
) -> Table {
    let mut tree: BTreeMap<&str, BTreeMap<&str, Vec<&Municipality>>> = BTreeMap::new();
    for m in &network.municipalities {
        if district.is_none_or(|d| d == m.district) {
            tree.entry(&m.district)
                .or_default()
                .entry(&m.orp_name)
                .or_default()
                .push(m);
        }
    }
    let provider_name = |id: &String| {
        network
            .providers
            .iter()
            .find(|(p, _)| p == id)
            .map_or(id.clone(), |(_, n)| n.clone())
    };
    let empty = Area::default();
    let mut table = Table::new(
        "territory",
        "Síť podle území",
        territory_columns(),
        TERRITORY_NOTE,
    );
    let mut groups = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let (mut region_sum, mut region_population, mut region_covered, mut region_all) =
        (Area::default(), 0, 0, 0);
    let mut district_rows = Vec::new();
    for (district_name, orps) in &tree {
        let district_row = rows.len();
        district_rows.push(district_row);
        rows.push(Vec::new());
        let (mut district_sum, mut district_population, mut district_covered, mut district_all) =
            (Area::default(), 0, 0, 0);
        let mut orp_rows = Vec::new();
        for (orp_name, municipalities) in orps {
            let orp_row = rows.len();
            orp_rows.push(orp_row);
            rows.push(Vec::new());
            let (mut orp_sum, mut orp_population, mut covered) = (Area::default(), 0, 0);
            let mut parts = Vec::new();
            let mut sorted = municipalities.clone();
            sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
            for m in sorted {
                let area = areas.get(&m.code).unwrap_or(&empty);
                orp_sum.add(area);
                orp_population += m.population_60_plus;
                covered += usize::from(area.clients > 0);
                parts.push(rows.len());
                let providers: Vec<String> = area.providers.iter().map(provider_name).collect();
                rows.push(vec![
                    text(&m.name),
                    text("obec"),
                    text(&m.code),
                    text(&m.district),
                    text(&m.orp_name),
                    count(area.clients),
                    count(area.visits_done),
                    Cell::Number(hour_hundredths(area.seconds)),
                    Cell::Number(m.population_60_plus),
                    per_thousand(area.clients, m.population_60_plus),
                    text(if area.clients > 0 { "ano" } else { "ne" }),
                    text(providers.join(", ")),
                ]);
            }
            rows[orp_row] = whole_row(
                format!("ORP {orp_name}"),
                "ORP",
                district_name,
                orp_name,
                &orp_sum,
                orp_population,
                (covered, parts.len()),
            );
            groups.push(Group {
                total: orp_row + 1,
                parts: parts.iter().map(|r| r + 1).collect(),
            });
            district_sum.add(&orp_sum);
            district_population += orp_population;
            district_covered += covered;
            district_all += parts.len();
        }
        rows[district_row] = whole_row(
            format!("okres {district_name}"),
            "okres",
            district_name,
            "",
            &district_sum,
            district_population,
            (district_covered, district_all),
        );
        groups.push(Group {
            total: district_row + 1,
            parts: orp_rows.iter().map(|r| r + 1).collect(),
        });
        region_sum.add(&district_sum);
        region_population += district_population;
        region_covered += district_covered;
        region_all += district_all;
    }
    let total_name = district.map_or("Ústecký kraj".to_owned(), |d| format!("okres {d} celkem"));
    table.rows.push(whole_row(
        total_name,
        "celkem",
        district.unwrap_or(""),
        "",
        &region_sum,
        region_population,
        (region_covered, region_all),
    ));
    table.rows.extend(rows);
    groups.push(Group {
        total: 0,
        parts: district_rows.iter().map(|r| r + 1).collect(),
    });
    suppress_table(
        &mut table,
        "clients",
        &["visits_done"],
        &["hours", "clients_per_1000"],
        &groups,
    );
    table
}

fn providers_table(network: &Network, data: &CareData, labels: &Labels, period: Period) -> Table {
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
    let mut split: BTreeMap<&str, CareData> = BTreeMap::new();
    for (id, client) in &data.clients {
        split
            .entry(client.provider_id.as_str())
            .or_default()
            .clients
            .insert(id.clone(), client.clone());
    }
    for visit in &data.visits {
        split
            .entry(visit.provider_id.as_str())
            .or_default()
            .visits
            .push(visit.clone());
    }
    for record in &data.records {
        split
            .entry(record.provider_id.as_str())
            .or_default()
            .records
            .push(record.clone());
    }
    for member in &data.staff {
        split
            .entry(member.provider_id.as_str())
            .or_default()
            .staff
            .push(member.clone());
    }
    let mut total = (0, 0, 0, 0, 0);
    let empty = CareData::default();
    for (id, name) in &network.providers {
        let provider = split.get(id.as_str()).unwrap_or(&empty);
        let f = Figures::compute(provider, labels, period);
        let fte: i64 = figures::staff_counts(&provider.staff)
            .values()
            .map(|c| c.fte_hundredths)
            .sum();
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
    suppress_table(
        &mut table,
        "clients",
        &["visits_done"],
        &["hours", "travel_share"],
        &groups,
    );
    table
}

fn trend_table(data: &CareData, period: Period) -> Table {
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
    // One pass over the records and visits, each into the months it touches.
    let months = period.months();
    let bounds: Vec<Bounds> = months.iter().map(|month| month.bounds()).collect();
    let month_of = |instant| bounds.partition_point(|b: &Bounds| b.to <= instant);
    let mut clients: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); months.len()];
    let mut seconds = vec![0_i64; months.len()];
    let mut done = vec![0_u64; months.len()];
    for record in &data.records {
        let mut index = month_of(record.arrived_at);
        while index < bounds.len() && bounds[index].from < record.left_at {
            let overlap = bounds[index].overlap_seconds(record.arrived_at, record.left_at);
            if overlap > 0 {
                seconds[index] += overlap;
                clients[index].insert(&record.client_id);
            }
            index += 1;
        }
    }
    for visit in &data.visits {
        let index = month_of(visit.starts_at);
        if visit.status == VisitStatus::Done
            && bounds
                .get(index)
                .is_some_and(|b| b.contains(visit.starts_at))
        {
            done[index] += 1;
        }
    }
    for (index, month) in months.iter().enumerate() {
        let served = u64::try_from(clients[index].len()).unwrap_or(u64::MAX);
        table.rows.push(vec![
            text(month.code()),
            count(served),
            count(done[index]),
            Cell::Number(hour_hundredths(seconds[index])),
        ]);
    }
    suppress_table(&mut table, "clients", &["visits_done"], &["hours"], &[]);
    table
}

/// Keeps the clients living in `district`, and their visits and records.
fn in_district(data: &CareData, network: &Network, district: &str) -> CareData {
    let codes: BTreeSet<&str> = network
        .municipalities
        .iter()
        .filter(|m| m.district == district)
        .map(|m| m.code.as_str())
        .collect();
    let clients: BTreeMap<String, _> = data
        .clients
        .iter()
        .filter(|(_, c)| codes.contains(c.municipality_code.as_str()))
        .map(|(id, c)| (id.clone(), c.clone()))
        .collect();
    CareData {
        visits: data
            .visits
            .iter()
            .filter(|v| clients.contains_key(&v.client_id))
            .cloned()
            .collect(),
        records: data
            .records
            .iter()
            .filter(|r| clients.contains_key(&r.client_id))
            .cloned()
            .collect(),
        staff: data.staff.clone(),
        clients,
    }
}

/// The region's report for a period, of the whole region or one district.
pub fn region_report(
    network: &Network,
    data: &CareData,
    labels: &Labels,
    period: Period,
    district: Option<&str>,
) -> Report {
    let filtered;
    let data = match district {
        Some(district) => {
            filtered = in_district(data, network, district);
            &filtered
        }
        None => data,
    };
    let bounds = period.bounds();
    let areas = by_municipality(data, bounds);
    let whole = Figures::compute(data, labels, period);
    let mut tables = vec![
        territory_table(network, &areas, district),
        providers_table(network, data, labels, period),
        trend_table(data, period),
    ];
    for mut table in client_tables(&whole.clients, labels)
        .into_iter()
        .filter(|t| t.key != "clients_by_municipality")
    {
        let groups = total_first(&table);
        suppress_table(&mut table, "clients", &[], &[], &groups);
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
        provider_id: String::new(),
        valid_from: period.first_day(),
        capacity_clients: None,
        operating_hours: None,
        min_direct_care_hours_per_month: None,
        min_direct_care_share_percent: None,
        mandated_municipalities: Vec::new(),
    };
    let data = CareData::default();
    let reports = [
        region_report(&Network::default(), &data, &labels, period, None),
        crate::reports::provider::provider_report("", period, &data, &labels, Some(&sample), false),
        crate::reports::provider::annual_statement("", 2026, &data, &labels, None),
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
