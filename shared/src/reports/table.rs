//! The one table model every view of a report is built from: the JSON the app shows and
//! prints, the CSV and the XLSX. A view only formats cells; it never computes a figure.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a column holds, which sets how every view formats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    /// Whole people, visits or municipalities.
    Count,
    /// Hours, in hundredths.
    Hours,
    /// A share, in hundredths of a per cent.
    Percent,
    /// Kč, in haléře.
    Money,
    /// A decimal figure such as FTE or clients per 1,000, in hundredths.
    Decimal,
    Date,
}

/// A column: its key (the CSV header and the data dictionary's entry), its Czech label,
/// and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub key: String,
    pub label: String,
    pub kind: ColumnKind,
    pub description: String,
}

impl Column {
    pub fn new(key: &str, label: &str, kind: ColumnKind, description: &str) -> Column {
        Column {
            key: key.to_owned(),
            label: label.to_owned(),
            kind,
            description: description.to_owned(),
        }
    }
}

/// One cell. Numbers are integers in the unit their column's kind names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(NaiveDate),
    /// A small count (or one that would reveal a small count) hidden from regional output.
    Suppressed,
    Empty,
}

/// How every view writes a suppressed cell.
pub const SUPPRESSED_MARK: &str = "x";

/// A table of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub key: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// How the figures were computed, for the reader.
    pub note: String,
}

impl Table {
    pub fn new(key: &str, title: &str, columns: Vec<Column>, note: &str) -> Table {
        Table {
            key: key.to_owned(),
            title: title.to_owned(),
            columns,
            rows: Vec::new(),
            note: note.to_owned(),
        }
    }

    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.key == key)
    }

    /// The cell in the row whose first cell is the text `first` and the column `key`.
    pub fn cell(&self, first: &str, key: &str) -> Option<&Cell> {
        let column = self.column_index(key)?;
        self.rows
            .iter()
            .find(|row| matches!(row.first(), Some(Cell::Text(text)) if text == first))
            .and_then(|row| row.get(column))
    }

    /// The table as CSV (RFC 4180, comma, decimal point, UTF-8): a header of column keys,
    /// the unit the column's kind names (hours, not hundredths), "x" where suppressed.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|c| csv_field(&c.key)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let fields: Vec<String> = row
                .iter()
                .zip(&self.columns)
                .map(|(cell, column)| csv_field(&plain_value(cell, column.kind)))
                .collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// A cell as plain text in its column's unit: `12.50` hours, `4` clients, `2026-03-01`.
pub fn plain_value(cell: &Cell, kind: ColumnKind) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number(value) => match kind {
            ColumnKind::Count | ColumnKind::Text | ColumnKind::Date => value.to_string(),
            ColumnKind::Hours | ColumnKind::Percent | ColumnKind::Money | ColumnKind::Decimal => {
                hundredths(*value)
            }
        },
        Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
        Cell::Suppressed => SUPPRESSED_MARK.to_owned(),
        Cell::Empty => String::new(),
    }
}

/// `1234` hundredths as `12.34`, `-5` as `-0.05`.
pub fn hundredths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let value = value.unsigned_abs();
    format!("{sign}{}.{:02}", value / 100, value % 100)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A whole report: what, for which period and whom, and its tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    pub period: String,
    pub period_label: String,
    /// The provider's name, the region, or the region's district.
    pub scope: String,
    /// Whether small counts were suppressed (regional output).
    pub suppressed: bool,
    pub tables: Vec<Table>,
}

impl Report {
    pub fn table(&self, key: &str) -> Option<&Table> {
        self.tables.iter().find(|table| table.key == key)
    }
}

/// One entry of the data dictionary: a column of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictionaryEntry {
    pub table: String,
    pub table_title: String,
    pub column: Column,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_writes_units_not_hundredths_and_quotes_what_needs_it() {
        let mut table = Table::new(
            "t",
            "T",
            vec![
                Column::new("name", "Název", ColumnKind::Text, ""),
                Column::new("clients", "Klienti", ColumnKind::Count, ""),
                Column::new("hours", "Hodiny", ColumnKind::Hours, ""),
            ],
            "",
        );
        table.rows.push(vec![
            Cell::Text("Lom, \"u Mostu\"".into()),
            Cell::Number(12),
            Cell::Number(1250),
        ]);
        table.rows.push(vec![
            Cell::Text("Most".into()),
            Cell::Suppressed,
            Cell::Empty,
        ]);
        assert_eq!(
            table.to_csv(),
            "name,clients,hours\r\n\"Lom, \"\"u Mostu\"\"\",12,12.50\r\nMost,x,\r\n"
        );
        assert_eq!(hundredths(-5), "-0.05");
        assert_eq!(table.cell("Most", "clients"), Some(&Cell::Suppressed));
    }
}
