//! The reference data the generator builds on, read from the same migrations that load it
//! into the database (`municipalities`, `care_tasks`, `payment_caps`): one source, so the
//! generated region never names a municipality or a task the database lacks.

use platform::migrate::MIGRATIONS;
use shared::catalogue::TaskUnit;

/// A municipality of the region as `migrations/0002_municipalities.sql` loads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub orp_code: String,
    pub orp_name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population_60_plus: u64,
}

/// A literal of a `VALUES` list.
#[derive(Debug, Clone, PartialEq)]
enum Literal {
    Text(String),
    Number(f64),
    Null,
}

impl Literal {
    fn text(&self) -> String {
        match self {
            Literal::Text(text) => text.clone(),
            Literal::Number(number) => number.to_string(),
            Literal::Null => String::new(),
        }
    }

    fn number(&self) -> f64 {
        match self {
            Literal::Number(number) => *number,
            _ => 0.0,
        }
    }
}

/// The rows every `INSERT INTO {table} (…) VALUES …` statement of the migrations adds.
fn inserted_rows(table: &str) -> Vec<Vec<Literal>> {
    let head = format!("INSERT INTO {table} (");
    let mut rows = Vec::new();
    for migration in MIGRATIONS {
        let mut rest = migration.sqlite;
        while let Some(start) = rest.find(&head) {
            let after = &rest[start + head.len()..];
            let values = after.find("VALUES").map_or("", |at| &after[at + 6..]);
            let (parsed, consumed) = tuples(values);
            rows.extend(parsed);
            rest = &values[consumed..];
        }
    }
    rows
}

/// Parses `(…), (…);` and says how many bytes it read.
fn tuples(text: &str) -> (Vec<Vec<Literal>>, usize) {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b';' => return (rows, index),
            b'(' | b',' | b' ' | b'\n' | b'\r' | b'\t' => index += 1,
            b')' => {
                rows.push(std::mem::take(&mut row));
                index += 1;
            }
            b'\'' => {
                let mut literal = String::new();
                index += 1;
                while index < bytes.len() {
                    if bytes[index] == b'\'' {
                        if bytes.get(index + 1) == Some(&b'\'') {
                            literal.push('\'');
                            index += 2;
                            continue;
                        }
                        index += 1;
                        break;
                    }
                    let next = text[index..].chars().next().unwrap_or('\'');
                    literal.push(next);
                    index += next.len_utf8();
                }
                row.push(Literal::Text(literal));
            }
            _ => {
                let end = text[index..]
                    .find([',', ')'])
                    .map_or(bytes.len(), |at| index + at);
                let word = text[index..end].trim();
                row.push(if word.eq_ignore_ascii_case("NULL") {
                    Literal::Null
                } else {
                    Literal::Number(word.parse().unwrap_or(0.0))
                });
                index = end;
            }
        }
    }
    (rows, index)
}

/// Every municipality of the region, in the migration's order.
pub fn municipalities() -> Vec<Municipality> {
    inserted_rows("municipalities")
        .into_iter()
        .filter(|row| row.len() >= 10)
        .map(|row| Municipality {
            code: row[0].text(),
            name: row[1].text(),
            orp_code: row[3].text(),
            orp_name: row[4].text(),
            latitude: row[5].number(),
            longitude: row[6].number(),
            population_60_plus: row[8].number() as u64,
        })
        .collect()
}

/// The legal task catalogue: code and unit.
pub fn care_tasks() -> Vec<(String, TaskUnit)> {
    inserted_rows("care_tasks")
        .into_iter()
        .filter_map(|row| Some((row.first()?.text(), TaskUnit::parse(&row.get(3)?.text())?)))
        .collect()
}

/// A cap on client payments: valid from, item (`hour` or a task code), haléře.
pub fn payment_caps() -> Vec<(String, String, i64)> {
    inserted_rows("payment_caps")
        .into_iter()
        .filter(|row| row.len() >= 3)
        .map(|row| (row[0].text(), row[1].text(), row[2].number() as i64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_give_every_municipality_task_and_cap() {
        let municipalities = municipalities();
        assert_eq!(municipalities.len(), 354);
        let orps: std::collections::BTreeSet<_> =
            municipalities.iter().map(|m| m.orp_code.clone()).collect();
        assert_eq!(orps.len(), 16);
        assert!(municipalities.iter().all(|m| m.population_60_plus > 0));
        assert!(municipalities.iter().any(|m| m.name == "Děčín"));
        assert_eq!(care_tasks().len(), 20);
        assert!(
            payment_caps().iter().any(|(from, item, cap)| {
                from == "2024-07-01" && item == "hour" && *cap == 16500
            })
        );
    }
}
