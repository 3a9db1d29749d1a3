//! The region report's territory: figures by municipality added up to ORP, district and
//! region, with coverage and clients per 1,000 aged 60+, suppressed as one hierarchy.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::Municipality;
use crate::reports::figures::hour_hundredths;
use crate::reports::provider::CareData;
use crate::reports::region::{Network, count, text};
use crate::reports::suppression::{Group, suppress_table};
use crate::reports::table::{Cell, Column, ColumnKind, Table};

/// The region's figures of one municipality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Area {
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

pub(super) fn by_municipality(data: &CareData) -> BTreeMap<String, Area> {
    let mut areas: BTreeMap<&str, Area> = BTreeMap::new();
    let mut served: BTreeSet<&str> = BTreeSet::new();
    for month in data.client_months() {
        let Some(client) = data.clients.get(&month.client_id) else {
            continue;
        };
        let area = areas.entry(&client.municipality_code).or_default();
        if month.last_served.is_some() && served.insert(&month.client_id) {
            area.clients += 1;
            area.providers.insert(client.provider_id.clone());
        }
        area.visits_done += month.visits.done;
        area.seconds += month.care.total;
    }
    areas
        .into_iter()
        .map(|(code, area)| (code.to_owned(), area))
        .collect()
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

/// The territory table of the whole region, suppressed as one hierarchy; of a district,
/// its rows of that table (its row the total). `areas` are the whole region's.
pub(super) fn territory_table(
    network: &Network,
    areas: &BTreeMap<String, Area>,
    district: Option<&str>,
) -> Table {
    let mut tree: BTreeMap<&str, BTreeMap<&str, Vec<&Municipality>>> = BTreeMap::new();
    for m in &network.municipalities {
        tree.entry(&m.district)
            .or_default()
            .entry(&m.orp_name)
            .or_default()
            .push(m);
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
    table.rows.push(whole_row(
        "Ústecký kraj".to_owned(),
        "celkem",
        "",
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
    if let Some(district) = district {
        // The district's rows as the whole region's table hides them: a district's own
        // table would show what the region's hides to protect another district.
        table.rows.retain(|row| row.get(3) == Some(&text(district)));
        if let Some(total) = table.rows.first_mut() {
            total[0] = text(format!("okres {district} celkem"));
            total[1] = text("celkem");
        }
    }
    table
}
