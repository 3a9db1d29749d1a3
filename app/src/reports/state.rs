//! The reports pages' plain data: Czech cell formatting, the URLs of the reports and their
//! downloads, the map's projection and colours, the charts' bars. Tested natively.

use shared::catalogue::Municipality;
use shared::reports::table::SUPPRESSED_MARK;
use shared::reports::{Cell, ColumnKind, Table};

use crate::remote::path_segment;
use crate::ui::format::{czech_hundredths, grouped};
use crate::ui::map::{Bounds, Projection};
use crate::ui::municipality::centre;

/// A cell as the page and the print show it, in Czech.
pub fn display_cell(cell: &Cell, kind: ColumnKind) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number(value) => match kind {
            ColumnKind::Count | ColumnKind::Text | ColumnKind::Date => {
                let sign = if *value < 0 { "−" } else { "" };
                format!("{sign}{}", grouped(value.unsigned_abs()))
            }
            ColumnKind::Hours | ColumnKind::Decimal => czech_hundredths(*value),
            ColumnKind::Percent => format!("{} %", czech_hundredths(*value)),
            ColumnKind::Money => format!("{} Kč", czech_hundredths(*value)),
        },
        Cell::Date(date) => date.format("%-d. %-m. %Y").to_string(),
        Cell::Suppressed => SUPPRESSED_MARK.to_owned(),
        Cell::Empty => "–".to_owned(),
    }
}

/// What the reader chose: a period, a provider (regional readers), a district.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub period: String,
    pub provider: Option<String>,
    pub district: Option<String>,
}

/// The annual statement for the state, of the period's year: a kind of report URL.
pub const STATEMENT: &str = "statement";

impl Query {
    /// The query string: the period (a statement: its year), the provider, the district.
    fn params(&self, kind: &str) -> String {
        let mut params = if kind == STATEMENT {
            let year: String = self.period.chars().take(4).collect();
            vec![format!("year={}", path_segment(&year))]
        } else {
            vec![format!("period={}", path_segment(&self.period))]
        };
        if let Some(provider) = &self.provider {
            params.push(format!("provider={}", path_segment(provider)));
        }
        if let Some(district) = &self.district {
            params.push(format!("okres={}", path_segment(district)));
        }
        params.join("&")
    }

    /// `/api/reports/{kind}[/{format}]?…` for `kind` provider, region or `STATEMENT`.
    pub fn url(&self, kind: &str, format: Option<&str>) -> String {
        let format = format.map(|f| format!("/{f}")).unwrap_or_default();
        format!("/api/reports/{kind}{format}?{}", self.params(kind))
    }

    /// The CSV of one table.
    pub fn csv_url(&self, kind: &str, table: &str) -> String {
        format!(
            "{}&table={}",
            self.url(kind, Some("csv")),
            path_segment(table)
        )
    }
}

/// The region's seven districts, for the filter.
pub const DISTRICTS: [&str; 7] = [
    "Děčín",
    "Chomutov",
    "Litoměřice",
    "Louny",
    "Most",
    "Teplice",
    "Ústí nad Labem",
];

/// What the map colours municipalities by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMeasure {
    Coverage,
    ClientsPer1000,
}

/// One municipality on the map: where, what colour, what the hover says.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub colour: &'static str,
    pub title: String,
}

pub const MAP_WIDTH: f64 = 600.0;
const MAP_MARGIN: f64 = 8.0;

/// Classes of clients per 1,000 aged 60+ (hundredths): upper bounds and colours.
pub const RATE_CLASSES: [(i64, &str, &str); 4] = [
    (0, "#e6e6e6", "žádní klienti"),
    (1_000, "#c6dbef", "do 10"),
    (3_000, "#6baed6", "10–30"),
    (i64::MAX, "#08519c", "nad 30"),
];
pub const COVERED: (&str, &str) = ("#2e7d32", "pokrytá");
pub const NOT_COVERED: (&str, &str) = ("#e6e6e6", "nepokrytá");
pub const HIDDEN: (&str, &str) = ("#9e9e9e", "skryto (malý počet)");

fn rate_colour(cell: Option<&Cell>) -> &'static str {
    match cell {
        Some(Cell::Number(rate)) => RATE_CLASSES
            .iter()
            .find(|(upper, _, _)| rate <= upper)
            .map_or(HIDDEN.0, |(_, colour, _)| colour),
        Some(Cell::Suppressed) => HIDDEN.0,
        _ => RATE_CLASSES[0].1,
    }
}

/// The municipalities of the territory table placed on the map (`ui::map::Projection`)
/// and coloured by the measure. The map's height fits.
pub fn map_points(
    municipalities: &[Municipality],
    territory: &Table,
    measure: MapMeasure,
) -> (Vec<MapPoint>, f64) {
    let column = |key: &str| territory.column_index(key);
    let (Some(code), Some(covered), Some(rate), Some(clients)) = (
        column("code"),
        column("covered"),
        column("clients_per_1000"),
        column("clients"),
    ) else {
        return (Vec::new(), 0.0);
    };
    let rows: Vec<(&Municipality, &Vec<Cell>)> = municipalities
        .iter()
        .filter_map(|m| {
            let row = territory
                .rows
                .iter()
                .find(|row| row.get(code) == Some(&Cell::Text(m.code.clone())))?;
            Some((m, row))
        })
        .collect();
    let Some(bounds) = Bounds::around(rows.iter().map(|(m, _)| centre(m))) else {
        return (Vec::new(), 0.0);
    };
    let projection = Projection::fit(bounds, MAP_WIDTH, MAP_MARGIN);
    let points = rows
        .into_iter()
        .map(|(m, row)| {
            let colour = match measure {
                MapMeasure::Coverage => match row.get(clients) {
                    Some(Cell::Suppressed) => COVERED.0,
                    _ if row.get(covered) == Some(&Cell::Text("ano".into())) => COVERED.0,
                    _ => NOT_COVERED.0,
                },
                MapMeasure::ClientsPer1000 => rate_colour(row.get(rate)),
            };
            let rate_text = row
                .get(rate)
                .map(|cell| display_cell(cell, ColumnKind::Decimal))
                .unwrap_or_default();
            let clients_text = row
                .get(clients)
                .map(|cell| display_cell(cell, ColumnKind::Count))
                .unwrap_or_default();
            let (x, y) = projection.place(centre(m));
            MapPoint {
                x,
                y,
                colour,
                title: format!(
                    "{} (ORP {}): klienti {clients_text}, na 1 000 obyvatel 60+ {rate_text}",
                    m.name, m.orp_name
                ),
            }
        })
        .collect();
    (points, projection.height)
}

/// A bar of a chart: its label, its length as a share of the longest (0–1), its value
/// as shown, or none where the value is hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub share: f64,
    pub value: String,
}

/// The bars of a table's `column`, labelled by the first column; `skip_first` leaves out
/// a total row.
pub fn bars(table: &Table, column: &str, skip_first: bool) -> Vec<Bar> {
    let Some(index) = table.column_index(column) else {
        return Vec::new();
    };
    let kind = table.columns[index].kind;
    let rows = table.rows.iter().skip(usize::from(skip_first));
    let largest = rows
        .clone()
        .filter_map(|row| match row.get(index) {
            Some(Cell::Number(n)) => Some(*n),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    rows.map(|row| {
        let label = match row.first() {
            Some(Cell::Text(text)) => text.clone(),
            _ => String::new(),
        };
        let cell = row.get(index).cloned().unwrap_or(Cell::Empty);
        #[allow(clippy::cast_precision_loss)]
        let share = match cell {
            Cell::Number(n) => n.max(0) as f64 / largest as f64,
            _ => 0.0,
        };
        Bar {
            label,
            share,
            value: display_cell(&cell, kind),
        }
    })
    .collect()
}

#[cfg(test)]
mod tests;
