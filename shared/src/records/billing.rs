//! A client's monthly statement (vyúčtování úhrad) from the visit records, and the check of
//! a provider's price list against the legal caps. All money in integer haléře.
//!
//! The rules:
//! - Caps are dated rows (`CapRow`), one series per item: `hour` for time-based tasks, a
//!   task code (`c1`, `c2`, `d7`, `d8`) for a per-unit task. The row in force on a date is
//!   the item's row with the latest `valid_from` on or before it.
//! - Time-based tasks are charged by the visit's actual time in whole minutes (a started
//!   minute is not charged), pro rata at the hourly rate: `minutes × rate / 60`. The rate is
//!   the provider's price, never more than the cap in force on the visit's Prague date.
//! - The monthly threshold (80 hours since 1 January 2023): the month's time-based minutes
//!   are counted in the chronological order of the visits (arrival, then record id); minutes
//!   beyond the threshold are charged at most the lower cap. A visit that crosses it is split.
//! - Per-unit tasks: units × the provider's unit price, never more than the task's cap.
//! - Free-of-charge clients (§75(2)): every line at zero, minutes and units still shown.
//! - Rounding: each line's amount is rounded once to whole haléře, half up; the statement's
//!   total is the sum of its lines, so the printed lines add up.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::billable_minutes;
use crate::catalogue::TaskUnit;
use crate::error::FieldError;
use crate::time::{prague_date, to_prague};

/// The cap item of time-based tasks; per-unit caps are named by task code.
pub const HOURLY_ITEM: &str = "hour";

/// One dated row of the legal caps; `PUT /api/records/caps` adds or replaces one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapRow {
    pub valid_from: NaiveDate,
    /// `hour`, or the code of a per-unit task.
    pub item: String,
    /// Haléře per hour (up to the threshold) or per unit.
    pub cap: i64,
    /// Hourly items only: the monthly threshold in minutes and the cap beyond it.
    pub threshold_minutes: Option<i64>,
    pub cap_above_threshold: Option<i64>,
    /// Where the figure comes from, and whether it needs verifying.
    pub source: String,
}

/// Checks a cap row a region administrator enters: an hourly row may carry a monthly
/// threshold with a lower cap beyond it, a per-unit row names a per-unit task.
pub fn check_cap(
    row: &CapRow,
    unit_of: impl Fn(&str) -> Option<TaskUnit>,
) -> Result<CapRow, FieldError> {
    let item = row.item.trim();
    let hourly = item == HOURLY_ITEM;
    if !hourly && unit_of(item).is_none_or(|unit| unit == TaskUnit::Hour) {
        return Err(FieldError::new(
            "item",
            "Položka je „hour“ pro úkony podle času, nebo kód úkonu účtovaného za jednotku.",
        ));
    }
    if row.cap <= 0 {
        return Err(FieldError::new("cap", "Maximální úhrada musí být kladná."));
    }
    match (hourly, row.threshold_minutes, row.cap_above_threshold) {
        (_, None, None) => {}
        (true, Some(threshold), Some(above)) => {
            if !(60..=744 * 60).contains(&threshold) {
                return Err(FieldError::new(
                    "threshold_minutes",
                    "Měsíční hranice je 1 až 744 hodin, v minutách.",
                ));
            }
            if above <= 0 || above > row.cap {
                return Err(FieldError::new(
                    "cap_above_threshold",
                    "Úhrada nad hranicí musí být kladná a nejvýše rovna základní.",
                ));
            }
        }
        (true, _, _) => {
            return Err(FieldError::new(
                "threshold_minutes",
                "Měsíční hranici a úhradu nad ní zadejte obě, nebo ani jednu.",
            ));
        }
        (false, _, _) => {
            return Err(FieldError::new(
                "threshold_minutes",
                "Měsíční hranice platí jen pro úkony podle času.",
            ));
        }
    }
    let source = row.source.trim();
    if source.is_empty() || source.chars().count() > 200 {
        return Err(FieldError::new(
            "source",
            "Uveďte předpis nebo zdroj (nejvýše 200 znaků).",
        ));
    }
    Ok(CapRow {
        item: item.to_owned(),
        source: source.to_owned(),
        ..row.clone()
    })
}

/// The row of `item` in force on `date`.
fn in_force<'a>(caps: &'a [CapRow], item: &str, date: NaiveDate) -> Option<&'a CapRow> {
    caps.iter()
        .filter(|row| row.item == item && row.valid_from <= date)
        .max_by_key(|row| row.valid_from)
}

/// Every row of `item` that is in force at some time on or after `date`.
fn in_force_from<'a>(
    caps: &'a [CapRow],
    item: &str,
    date: NaiveDate,
) -> impl Iterator<Item = &'a CapRow> {
    let current = in_force(caps, item, date);
    current.into_iter().chain(
        caps.iter()
            .filter(move |row| row.item == item && row.valid_from > date),
    )
}

/// `123,45` for 12 345 haléřů: the Czech decimal comma, no thousands separator (so Czech
/// Excel reads it as a number).
pub fn koruny(haler: i64) -> String {
    let sign = if haler < 0 { "-" } else { "" };
    let absolute = haler.unsigned_abs();
    format!("{sign}{},{:02}", absolute / 100, absolute % 100)
}

fn czech_date(date: NaiveDate) -> String {
    date.format("%-d. %-m. %Y").to_string()
}

/// A unit price as the provider sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitPriceInput {
    pub task_code: String,
    /// Haléře per unit.
    pub price: i64,
}

/// `PUT /api/records/price-list`: the provider's prices from a date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceListInput {
    pub valid_from: NaiveDate,
    /// Haléře per hour of time-based tasks.
    pub hourly_rate: i64,
    #[serde(default)]
    pub unit_prices: Vec<UnitPriceInput>,
}

/// A checked price list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceList {
    pub valid_from: NaiveDate,
    pub hourly_rate: i64,
    /// Task code → haléře per unit.
    pub unit_prices: BTreeMap<String, i64>,
}

/// `GET /api/records/price-list`: the provider's price lists, newest first, and the caps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceLists {
    pub price_lists: Vec<PriceList>,
    pub caps: Vec<CapRow>,
}

/// The price list in force on `date`.
fn price_list_on(lists: &[PriceList], date: NaiveDate) -> Option<&PriceList> {
    lists
        .iter()
        .filter(|list| list.valid_from <= date)
        .max_by_key(|list| list.valid_from)
}

/// Checks a price list against every cap in force from its first day on: a price may never
/// exceed the law's maximum while the list applies.
pub fn check_price_list(
    input: &PriceListInput,
    caps: &[CapRow],
    unit_of: impl Fn(&str) -> Option<TaskUnit>,
) -> Result<PriceList, FieldError> {
    let within_caps = |item: &str, price: i64, field: &'static str, what: &str| {
        let mut rows = in_force_from(caps, item, input.valid_from).peekable();
        if rows.peek().is_none() {
            return Err(FieldError::new(
                field,
                format!(
                    "Pro {what} nemá systém od {} zákonnou maximální úhradu.",
                    czech_date(input.valid_from)
                ),
            ));
        }
        match rows.find(|row| price > row.cap) {
            Some(row) => Err(FieldError::new(
                field,
                format!(
                    "Cena {} Kč za {what} převyšuje zákonnou maximální úhradu {} Kč platnou od {}.",
                    koruny(price),
                    koruny(row.cap),
                    czech_date(row.valid_from.max(input.valid_from))
                ),
            )),
            None => Ok(()),
        }
    };
    if input.hourly_rate < 0 {
        return Err(FieldError::new("hourly_rate", "Cena nemůže být záporná."));
    }
    within_caps(HOURLY_ITEM, input.hourly_rate, "hourly_rate", "hodinu")?;
    let mut unit_prices = BTreeMap::new();
    for price in &input.unit_prices {
        let code = price.task_code.trim();
        match unit_of(code) {
            None => {
                return Err(FieldError::new(
                    "unit_prices.task_code",
                    "Takový úkon v katalogu není.",
                ));
            }
            Some(TaskUnit::Hour) => {
                return Err(FieldError::new(
                    "unit_prices.task_code",
                    "Úkon účtovaný podle času má hodinovou sazbu, ne cenu za jednotku.",
                ));
            }
            Some(_) => {}
        }
        if price.price < 0 {
            return Err(FieldError::new(
                "unit_prices.price",
                "Cena nemůže být záporná.",
            ));
        }
        within_caps(
            code,
            price.price,
            "unit_prices.price",
            &format!("úkon {code}"),
        )?;
        if unit_prices.insert(code.to_owned(), price.price).is_some() {
            return Err(FieldError::new(
                "unit_prices.task_code",
                "Každý úkon má v ceníku jen jednu cenu.",
            ));
        }
    }
    Ok(PriceList {
        valid_from: input.valid_from,
        hourly_rate: input.hourly_rate,
        unit_prices,
    })
}

/// A calendar month of Prague dates, `2026-11` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BillingMonth {
    first: NaiveDate,
}

impl BillingMonth {
    pub fn parse(text: &str) -> Result<BillingMonth, FieldError> {
        let invalid = || FieldError::new("month", "Měsíc se zadává jako RRRR-MM, např. 2026-11.");
        if text.len() != 7 {
            return Err(invalid());
        }
        NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map(|first| BillingMonth { first })
            .map_err(|_| invalid())
    }

    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The first day of the next month.
    pub fn end(self) -> NaiveDate {
        self.first
            .checked_add_months(Months::new(1))
            .expect("a month after a valid month exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first <= date && date < self.end()
    }

    pub fn label(self) -> String {
        format!("{}-{:02}", self.first.year(), self.first.month())
    }
}

/// A task of a record, as billing needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BilledTask {
    pub code: String,
    pub name: String,
    pub unit: TaskUnit,
    pub units: u32,
}

/// An accepted record as it now stands (after corrections).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillableVisit {
    pub record_id: String,
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    pub tasks: Vec<BilledTask>,
}

/// Part of a line charged at one price: minutes at a price per hour, or units at a price
/// per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portion {
    pub quantity: i64,
    pub price: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    /// The Prague date of the arrival.
    pub date: NaiveDate,
    pub record_id: String,
    pub arrived_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
    /// `None` for a visit's time-based tasks together; the code of a per-unit task.
    pub task_code: Option<String>,
    /// Czech: the tasks' names.
    pub description: String,
    /// `hour` lines count minutes; the others units.
    pub unit: TaskUnit,
    pub quantity: i64,
    pub portions: Vec<Portion>,
    pub amount: i64,
}

/// The lines and sums of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementBody {
    pub lines: Vec<StatementLine>,
    pub time_minutes: i64,
    /// Of those, the minutes beyond the monthly threshold.
    pub minutes_above_threshold: i64,
    pub total: i64,
}

/// `GET /api/records/billing/{client_id}/{month}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub client_id: String,
    pub client_name: String,
    pub provider_name: String,
    /// `2026-11`.
    pub month: String,
    pub free_of_charge: bool,
    #[serde(flatten)]
    pub body: StatementBody,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BillingError {
    #[error("Poskytovatel nemá ceník platný ke dni {}.", czech_date(*.date))]
    NoPriceList { date: NaiveDate },
    #[error("Ceník platný ke dni {} nemá cenu úkonu {task_code}.", czech_date(*.date))]
    NoUnitPrice { task_code: String, date: NaiveDate },
    #[error("Pro {item} nemá systém ke dni {} zákonnou maximální úhradu.", czech_date(*.date))]
    NoCap { item: String, date: NaiveDate },
}

impl BillingError {
    /// Stable, machine-readable.
    pub fn code(&self) -> &'static str {
        match self {
            BillingError::NoPriceList { .. } => "price_list_missing",
            BillingError::NoUnitPrice { .. } => "unit_price_missing",
            BillingError::NoCap { .. } => "cap_missing",
        }
    }
}

/// `numerator / denominator` rounded half up; both non-negative.
fn round_half_up(numerator: i64, denominator: i64) -> i64 {
    (numerator + denominator / 2) / denominator
}

fn cap_on<'a>(caps: &'a [CapRow], item: &str, date: NaiveDate) -> Result<&'a CapRow, BillingError> {
    in_force(caps, item, date).ok_or_else(|| BillingError::NoCap {
        item: item.to_owned(),
        date,
    })
}

/// The month's statement of one client from their accepted records.
pub fn monthly_statement(
    month: BillingMonth,
    free_of_charge: bool,
    visits: &[BillableVisit],
    price_lists: &[PriceList],
    caps: &[CapRow],
) -> Result<StatementBody, BillingError> {
    let mut ordered: Vec<&BillableVisit> = visits
        .iter()
        .filter(|visit| month.contains(prague_date(visit.arrived_at)))
        .collect();
    ordered.sort_by(|a, b| (a.arrived_at, &a.record_id).cmp(&(b.arrived_at, &b.record_id)));
    let mut lines = Vec::new();
    let mut minutes_so_far = 0;
    let mut minutes_above_threshold = 0;
    for visit in ordered {
        let date = prague_date(visit.arrived_at);
        let prices = if free_of_charge {
            None
        } else {
            Some(price_list_on(price_lists, date).ok_or(BillingError::NoPriceList { date })?)
        };
        let line =
            |task_code: Option<String>, description: String, unit, portions: Vec<Portion>| {
                let quantity = portions.iter().map(|p| p.quantity).sum();
                let per = if unit == TaskUnit::Hour { 60 } else { 1 };
                let amount =
                    round_half_up(portions.iter().map(|p| p.quantity * p.price).sum(), per);
                StatementLine {
                    date,
                    record_id: visit.record_id.clone(),
                    arrived_at: visit.arrived_at,
                    left_at: visit.left_at,
                    task_code,
                    description,
                    unit,
                    quantity,
                    portions,
                    amount,
                }
            };
        let timed: Vec<&str> = visit
            .tasks
            .iter()
            .filter(|task| task.unit == TaskUnit::Hour)
            .map(|task| task.name.as_str())
            .collect();
        if !timed.is_empty() {
            let minutes = billable_minutes(visit.arrived_at, visit.left_at);
            let cap = cap_on(caps, HOURLY_ITEM, date)?;
            let below = match cap.threshold_minutes {
                Some(threshold) => (threshold - minutes_so_far).clamp(0, minutes),
                None => minutes,
            };
            let above = minutes - below;
            minutes_so_far += minutes;
            minutes_above_threshold += above;
            let rate = |limit: i64| prices.map_or(0, |list| list.hourly_rate.min(limit));
            let above_rate = rate(cap.cap_above_threshold.unwrap_or(cap.cap));
            let portions: Vec<Portion> = [
                Portion {
                    quantity: below,
                    price: rate(cap.cap),
                },
                Portion {
                    quantity: above,
                    price: above_rate,
                },
            ]
            .into_iter()
            .filter(|portion| portion.quantity > 0)
            .collect();
            lines.push(line(None, timed.join(", "), TaskUnit::Hour, portions));
        }
        for task in visit
            .tasks
            .iter()
            .filter(|task| task.unit != TaskUnit::Hour)
        {
            let price = match prices {
                None => 0,
                Some(list) => {
                    let price = list.unit_prices.get(&task.code).copied().ok_or_else(|| {
                        BillingError::NoUnitPrice {
                            task_code: task.code.clone(),
                            date,
                        }
                    })?;
                    price.min(cap_on(caps, &task.code, date)?.cap)
                }
            };
            let portion = Portion {
                quantity: i64::from(task.units),
                price,
            };
            lines.push(line(
                Some(task.code.clone()),
                task.name.clone(),
                task.unit,
                vec![portion],
            ));
        }
    }
    Ok(StatementBody {
        total: lines.iter().map(|line| line.amount).sum(),
        time_minutes: minutes_so_far,
        minutes_above_threshold,
        lines,
    })
}

fn unit_label(unit: TaskUnit) -> &'static str {
    match unit {
        TaskUnit::Hour => "min",
        TaskUnit::Meal => "porce",
        TaskUnit::Trip => "cesta",
        TaskUnit::Kg => "kg",
    }
}

/// A CSV field: quoted when it holds the separator, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

const COLUMNS: [&str; 8] = [
    "Datum",
    "Příchod",
    "Odchod",
    "Úkon",
    "Množství",
    "Jednotka",
    "Cena (Kč)",
    "Částka (Kč)",
];

const FREE_OF_CHARGE: &str = "Poskytováno bez úhrady (§ 75 odst. 2 zákona 108/2006 Sb.)";

/// The statement as a table both renderings share: the heading (a label and its value, or
/// a lone remark), one row per line, and the total row. Prague wall times, decimal commas.
fn table(statement: &Statement) -> (Vec<Vec<String>>, Vec<[String; 8]>, [String; 8]) {
    let mut heading = vec![
        vec!["Klient".to_owned(), statement.client_name.clone()],
        vec!["Poskytovatel".to_owned(), statement.provider_name.clone()],
        vec!["Měsíc".to_owned(), statement.month.clone()],
    ];
    if statement.free_of_charge {
        heading.push(vec![FREE_OF_CHARGE.to_owned()]);
    }
    let rows = statement
        .body
        .lines
        .iter()
        .map(|line| {
            let per = if line.unit == TaskUnit::Hour {
                "/h"
            } else {
                ""
            };
            let price = match line.portions.as_slice() {
                [only] => koruny(only.price),
                portions => portions
                    .iter()
                    .map(|p| {
                        format!(
                            "{} {} à {}{per}",
                            p.quantity,
                            unit_label(line.unit),
                            koruny(p.price)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" + "),
            };
            [
                line.date.format("%d.%m.%Y").to_string(),
                to_prague(line.arrived_at).format("%H:%M").to_string(),
                to_prague(line.left_at).format("%H:%M").to_string(),
                line.description.clone(),
                line.quantity.to_string(),
                unit_label(line.unit).to_owned(),
                price,
                koruny(line.amount),
            ]
        })
        .collect();
    let total = [
        "Celkem".to_owned(),
        String::new(),
        String::new(),
        String::new(),
        statement.body.time_minutes.to_string(),
        "min".to_owned(),
        String::new(),
        koruny(statement.body.total),
    ];
    (heading, rows, total)
}

/// The statement as CSV for Czech Excel: UTF-8 with a byte-order mark, `;` between fields,
/// CRLF line ends.
pub fn statement_csv(statement: &Statement) -> String {
    let (heading, rows, total) = table(statement);
    let mut out = String::from("\u{feff}");
    let mut row = |fields: &[String]| {
        let joined: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        // Writing to a String cannot fail.
        let _ = write!(out, "{}\r\n", joined.join(";"));
    };
    for pair in &heading {
        row(pair);
    }
    row(&COLUMNS.map(str::to_owned));
    for line in &rows {
        row(line);
    }
    row(&total);
    out
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The statement as a page to print or keep: self-contained HTML, A4 when printed.
pub fn statement_html(statement: &Statement) -> String {
    let (heading, rows, total) = table(statement);
    let cells = |tag: &str, fields: &[String]| {
        fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                // Quantity, price and amount are right-aligned.
                let class = if [4, 6, 7].contains(&index) {
                    " class=\"n\""
                } else {
                    ""
                };
                format!("<{tag}{class}>{}</{tag}>", html_escape(field))
            })
            .collect::<String>()
    };
    let mut out = format!(
        "<!doctype html>\n<html lang=\"cs\"><head><meta charset=\"utf-8\">\
         <title>Vyúčtování úhrad – {} – {}</title><style>\
         body{{font-family:sans-serif;margin:2em;color:#000}}\
         table{{border-collapse:collapse;width:100%}}\
         th,td{{border-bottom:1px solid #888;padding:.25em .4em;text-align:left}}\
         .n{{text-align:right;white-space:nowrap}}\
         @media print{{@page{{size:A4;margin:15mm}}body{{margin:0}}}}\
         </style></head><body><h1>Vyúčtování úhrad za pečovatelskou službu</h1><dl>",
        html_escape(&statement.client_name),
        html_escape(&statement.month)
    );
    for entry in &heading {
        match entry.as_slice() {
            [label, value] => {
                let _ = write!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    html_escape(label),
                    html_escape(value)
                );
            }
            remark => {
                let _ = write!(out, "<dt>{}</dt>", html_escape(&remark.concat()));
            }
        }
    }
    let _ = write!(
        out,
        "</dl><table><thead><tr>{}</tr></thead><tbody>",
        cells("th", &COLUMNS.map(str::to_owned))
    );
    for row in &rows {
        let _ = write!(out, "<tr>{}</tr>", cells("td", row));
    }
    let _ = writeln!(
        out,
        "</tbody><tfoot><tr>{}</tr></tfoot></table>\
         <p>Úkony podle času se účtují za skutečně spotřebovaný čas po celých minutách, \
         nejvýše do zákonné maximální úhrady platné v den návštěvy; nad 80 hodin v měsíci \
         platí nižší maximální úhrada. Částky jsou zaokrouhleny na celé haléře.</p></body></html>",
        cells("th", &total)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveTime};

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn hourly(valid_from: &str, cap: i64, above: Option<i64>) -> CapRow {
        CapRow {
            valid_from: date(valid_from),
            item: HOURLY_ITEM.into(),
            cap,
            threshold_minutes: above.map(|_| 80 * 60),
            cap_above_threshold: above,
            source: "test".into(),
        }
    }

    fn unit_cap(valid_from: &str, task: &str, cap: i64) -> CapRow {
        CapRow {
            valid_from: date(valid_from),
            item: task.into(),
            cap,
            threshold_minutes: None,
            cap_above_threshold: None,
            source: "test".into(),
        }
    }

    /// The caps as the migration seeds them (the upper figure where sources disagree).
    fn caps() -> Vec<CapRow> {
        vec![
            hourly("2014-01-01", 13000, None),
            hourly("2022-03-01", 13500, None),
            hourly("2023-01-01", 15500, Some(13500)),
            hourly("2024-07-01", 16500, Some(14500)),
            unit_cap("2014-01-01", "c1", 7500),
            unit_cap("2014-01-01", "c2", 3000),
            unit_cap("2014-01-01", "d7", 11500),
            unit_cap("2014-01-01", "d8", 7000),
        ]
    }

    fn unit_of(code: &str) -> Option<TaskUnit> {
        crate::records::tests::unit_of(code)
    }

    fn prices(valid_from: &str, hourly_rate: i64) -> PriceList {
        PriceList {
            valid_from: date(valid_from),
            hourly_rate,
            unit_prices: [("c1", 7500), ("c2", 3000), ("d7", 11500), ("d8", 7000)]
                .into_iter()
                .map(|(code, price)| (code.to_owned(), price))
                .collect(),
        }
    }

    fn task(code: &str, unit: TaskUnit, units: u32) -> BilledTask {
        BilledTask {
            code: code.into(),
            name: format!("úkon {code}"),
            unit,
            units,
        }
    }

    /// A visit starting at a Prague wall time on `day`, lasting `minutes`, with hygiene.
    fn visit(id: &str, day: &str, hour: u32, minutes: i64) -> BillableVisit {
        let local = date(day).and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("a time"));
        let arrived_at = crate::time::from_prague(local).expect("an unambiguous time");
        BillableVisit {
            record_id: id.into(),
            arrived_at,
            left_at: arrived_at + Duration::minutes(minutes),
            tasks: vec![task("b1", TaskUnit::Hour, 0)],
        }
    }

    fn november() -> BillingMonth {
        BillingMonth::parse("2026-11").expect("a month")
    }

    /// Two visits a day on 1–20 November, 120 minutes each: 39 of them are 78 hours.
    fn thirty_nine_two_hour_visits() -> Vec<BillableVisit> {
        (0..39)
            .map(|n| {
                let day = format!("2026-11-{:02}", n / 2 + 1);
                visit(
                    &format!("r{n:02}"),
                    &day,
                    if n % 2 == 0 { 8 } else { 13 },
                    120,
                )
            })
            .collect()
    }

    #[test]
    fn a_month_crossing_eighty_hours_charges_the_lower_cap_beyond_them() {
        // Price list 165 Kč/h; caps since 1 July 2024: 165 Kč up to 80 h, 145 Kč beyond.
        // 39 visits × 120 min = 4 680 min at 165 Kč: 39 × 330,00 = 12 870,00 Kč.
        // The 40th visit, 150 min on 20 Nov, crosses 80 h (4 800 min) after 120 min:
        //   (120 × 16 500 + 30 × 14 500) / 60 = 40 250 haléřů = 402,50 Kč.
        // The 41st, 60 min on 21 Nov, lies wholly beyond: 60 × 14 500 / 60 = 145,00 Kč.
        // Total 12 870,00 + 402,50 + 145,00 = 13 417,50 Kč.
        let mut visits = thirty_nine_two_hour_visits();
        visits.push(visit("r39", "2026-11-20", 13, 150));
        visits.push(visit("r40", "2026-11-21", 8, 60));
        visits.reverse();
        let body = monthly_statement(
            november(),
            false,
            &visits,
            &[prices("2026-01-01", 16500)],
            &caps(),
        )
        .expect("billable");
        assert_eq!(body.lines.len(), 41);
        assert_eq!(body.lines[0].amount, 33000);
        assert_eq!(
            body.lines[39].portions,
            [
                Portion {
                    quantity: 120,
                    price: 16500
                },
                Portion {
                    quantity: 30,
                    price: 14500
                }
            ]
        );
        assert_eq!(body.lines[39].amount, 40250);
        assert_eq!(body.lines[40].amount, 14500);
        assert_eq!(body.time_minutes, 4890);
        assert_eq!(body.minutes_above_threshold, 90);
        assert_eq!(body.total, 1_341_750);
    }

    #[test]
    fn the_threshold_follows_the_order_of_visits_not_of_the_records() {
        let mut visits = thirty_nine_two_hour_visits();
        visits.push(visit("r39", "2026-11-20", 13, 150));
        let forward = monthly_statement(
            november(),
            false,
            &visits,
            &[prices("2026-01-01", 16500)],
            &caps(),
        );
        visits.rotate_left(17);
        let rotated = monthly_statement(
            november(),
            false,
            &visits,
            &[prices("2026-01-01", 16500)],
            &caps(),
        );
        assert_eq!(forward, rotated);
    }

    #[test]
    fn a_cap_that_changes_within_the_month_applies_from_its_day_on() {
        // A (hypothetical) new cap of 165 Kč from 16 Nov 2026; the provider asks 160 Kč.
        // 15 Nov, 60 min: capped at 155 Kč → 155,00 Kč. 16 Nov, 60 min: 160 Kč → 160,00 Kč.
        let caps = vec![
            hourly("2023-01-01", 15500, Some(13500)),
            hourly("2026-11-16", 16500, Some(14500)),
        ];
        let visits = [
            visit("a", "2026-11-15", 9, 60),
            visit("b", "2026-11-16", 9, 60),
        ];
        let body = monthly_statement(
            november(),
            false,
            &visits,
            &[prices("2026-01-01", 16000)],
            &caps,
        )
        .expect("billable");
        let amounts: Vec<i64> = body.lines.iter().map(|line| line.amount).collect();
        assert_eq!(amounts, [15500, 16000]);
        assert_eq!(body.total, 31500);
    }

    #[test]
    fn per_unit_tasks_are_charged_by_units_at_their_prices() {
        // 2 meals × 75,00 + 1 delivery × 30,00 + 4 kg laundry × 70,00 + 1 big shop × 115,00
        // = 150,00 + 30,00 + 280,00 + 115,00 = 575,00 Kč; no time-based task, no time line.
        let mut delivery = visit("a", "2026-11-10", 11, 20);
        delivery.tasks = vec![
            task("c1", TaskUnit::Meal, 2),
            task("c2", TaskUnit::Trip, 1),
            task("d8", TaskUnit::Kg, 4),
            task("d7", TaskUnit::Trip, 1),
        ];
        let body = monthly_statement(
            november(),
            false,
            &[delivery],
            &[prices("2026-01-01", 16500)],
            &caps(),
        )
        .expect("billable");
        let amounts: Vec<(Option<&str>, i64)> = body
            .lines
            .iter()
            .map(|line| (line.task_code.as_deref(), line.amount))
            .collect();
        assert_eq!(
            amounts,
            [
                (Some("c1"), 15000),
                (Some("c2"), 3000),
                (Some("d8"), 28000),
                (Some("d7"), 11500)
            ]
        );
        assert_eq!(body.time_minutes, 0);
        assert_eq!(body.total, 57500);
    }

    #[test]
    fn a_unit_price_above_its_cap_is_charged_at_the_cap() {
        let mut list = prices("2026-01-01", 16500);
        list.unit_prices.insert("c2".into(), 4000);
        let mut delivery = visit("a", "2026-11-10", 11, 20);
        delivery.tasks = vec![task("c2", TaskUnit::Trip, 2)];
        let body =
            monthly_statement(november(), false, &[delivery], &[list], &caps()).expect("billable");
        assert_eq!(body.total, 6000);
    }

    #[test]
    fn a_free_of_charge_client_pays_nothing_but_sees_every_line() {
        let mut visits = thirty_nine_two_hour_visits();
        visits[0].tasks.push(task("c2", TaskUnit::Trip, 1));
        let body = monthly_statement(november(), true, &visits, &[], &caps()).expect("free");
        assert_eq!(body.lines.len(), 40);
        assert!(body.lines.iter().all(|line| line.amount == 0));
        assert_eq!(body.time_minutes, 39 * 120);
        assert_eq!(body.total, 0);
    }

    #[test]
    fn each_line_rounds_once_half_up_and_the_total_adds_the_lines() {
        // 3 min at 150,50 Kč/h = 45 150 / 60 = 752,5 haléře → 753.
        // 1 min at 155,00 Kč/h = 258,33… → 258, twice: the total is 516, not 517.
        let caps = vec![hourly("2023-01-01", 15500, Some(13500))];
        let body = monthly_statement(
            november(),
            false,
            &[visit("a", "2026-11-02", 9, 3)],
            &[prices("2026-01-01", 15050)],
            &caps,
        )
        .expect("billable");
        assert_eq!(body.total, 753);
        let body = monthly_statement(
            november(),
            false,
            &[
                visit("a", "2026-11-02", 9, 1),
                visit("b", "2026-11-03", 9, 1),
            ],
            &[prices("2026-01-01", 15500)],
            &caps,
        )
        .expect("billable");
        assert_eq!(body.total, 516);
    }

    #[test]
    fn visits_belong_to_the_prague_month_of_their_arrival() {
        // 30 Nov 23:00 in Prague is 22:00 UTC; 1 Dec 00:00 in Prague is 30 Nov 23:00 UTC.
        let late = visit("a", "2026-11-30", 23, 30);
        let after_midnight = visit("b", "2026-12-01", 0, 30);
        let body = monthly_statement(
            november(),
            false,
            &[late, after_midnight],
            &[prices("2026-01-01", 16500)],
            &caps(),
        )
        .expect("billable");
        let ids: Vec<&str> = body.lines.iter().map(|l| l.record_id.as_str()).collect();
        assert_eq!(ids, ["a"]);
    }

    #[test]
    fn billing_without_a_price_list_or_unit_price_says_what_is_missing() {
        let visits = [visit("a", "2026-11-02", 9, 60)];
        assert_eq!(
            monthly_statement(
                november(),
                false,
                &visits,
                &[prices("2026-12-01", 16500)],
                &caps()
            ),
            Err(BillingError::NoPriceList {
                date: date("2026-11-02")
            })
        );
        let mut shop = visit("b", "2026-11-03", 9, 60);
        shop.tasks.push(task("d7", TaskUnit::Trip, 1));
        let mut list = prices("2026-01-01", 16500);
        list.unit_prices.remove("d7");
        let error =
            monthly_statement(november(), false, &[shop], &[list], &caps()).expect_err("no price");
        assert_eq!(error.code(), "unit_price_missing");
        assert!(error.to_string().contains("d7"), "{error}");
    }

    fn price_input(valid_from: &str, hourly_rate: i64) -> PriceListInput {
        PriceListInput {
            valid_from: date(valid_from),
            hourly_rate,
            unit_prices: vec![UnitPriceInput {
                task_code: "c2".into(),
                price: 3000,
            }],
        }
    }

    #[test]
    fn a_price_list_within_the_caps_is_accepted() {
        let list = check_price_list(&price_input("2024-07-01", 16500), &caps(), unit_of)
            .expect("within caps");
        assert_eq!(list.unit_prices["c2"], 3000);
    }

    #[test]
    fn a_price_above_the_cap_names_the_cap_and_its_date() {
        let error = check_price_list(&price_input("2024-07-01", 16600), &caps(), unit_of)
            .expect_err("above the cap");
        assert_eq!(error.field, "hourly_rate");
        assert!(error.message.contains("165,00 Kč"), "{}", error.message);
    }

    #[test]
    fn a_price_list_must_fit_every_cap_while_it_applies() {
        // 150 Kč fits 2023's 155 Kč… and a later, lower cap would still catch it.
        let mut caps = caps();
        caps.push(hourly("2025-01-01", 14000, Some(13000)));
        let error = check_price_list(&price_input("2023-06-01", 15000), &caps, unit_of)
            .expect_err("a later cap is lower");
        assert!(error.message.contains("1. 1. 2025"), "{}", error.message);
    }

    #[test]
    fn each_bad_price_list_part_names_its_field() {
        type Spoil = fn(&mut PriceListInput);
        let cases: [(&str, Spoil); 5] = [
            ("hourly_rate", |p| p.hourly_rate = -1),
            ("hourly_rate", |p| p.valid_from = date("2010-01-01")),
            ("unit_prices.task_code", |p| {
                p.unit_prices[0].task_code = "b1".into()
            }),
            ("unit_prices.price", |p| p.unit_prices[0].price = 3001),
            ("unit_prices.task_code", |p| {
                p.unit_prices.push(p.unit_prices[0].clone())
            }),
        ];
        for (field, spoil) in cases {
            let mut input = price_input("2024-07-01", 16500);
            spoil(&mut input);
            assert_eq!(
                check_price_list(&input, &caps(), unit_of)
                    .expect_err(field)
                    .field,
                field
            );
        }
    }

    #[test]
    fn each_bad_cap_part_names_its_field() {
        type Spoil = fn(&mut CapRow);
        let cases: [(&str, Spoil); 6] = [
            ("item", |c| c.item = "b1".into()),
            ("cap", |c| c.cap = 0),
            ("threshold_minutes", |c| c.threshold_minutes = Some(10)),
            ("cap_above_threshold", |c| {
                c.cap_above_threshold = Some(20000)
            }),
            ("threshold_minutes", |c| c.cap_above_threshold = None),
            ("source", |c| c.source = " ".into()),
        ];
        for (field, spoil) in cases {
            let mut row = hourly("2026-01-01", 17000, Some(15000));
            spoil(&mut row);
            assert_eq!(check_cap(&row, unit_of).expect_err(field).field, field);
        }
        let mut meals = unit_cap("2026-01-01", " c1 ", 8000);
        assert_eq!(check_cap(&meals, unit_of).expect("valid").item, "c1");
        meals.threshold_minutes = Some(4800);
        meals.cap_above_threshold = Some(7000);
        assert_eq!(
            check_cap(&meals, unit_of).expect_err("per unit").field,
            "threshold_minutes"
        );
    }

    #[test]
    fn a_month_is_written_year_dash_month() {
        assert_eq!(november().end(), date("2026-12-01"));
        assert_eq!(november().label(), "2026-11");
        assert!(BillingMonth::parse("2026-13").is_err());
        assert!(BillingMonth::parse("2026-1").is_err());
    }

    #[test]
    fn the_csv_is_semicolon_separated_with_a_bom_and_decimal_commas() {
        let mut visits = vec![visit("a", "2026-11-02", 9, 90)];
        visits[0].tasks.push(task("c2", TaskUnit::Trip, 1));
        let body = monthly_statement(
            november(),
            false,
            &visits,
            &[prices("2026-01-01", 16500)],
            &caps(),
        )
        .expect("billable");
        let csv = statement_csv(&Statement {
            client_id: "c".into(),
            client_name: "Marie \"Maruška\" Nová; Děčín".into(),
            provider_name: "Služba".into(),
            month: "2026-11".into(),
            free_of_charge: false,
            body,
        });
        assert!(csv.starts_with("\u{feff}Klient;\"Marie \"\"Maruška\"\" Nová; Děčín\"\r\n"));
        assert!(
            csv.contains("\r\n02.11.2026;09:00;10:30;úkon b1;90;min;165,00;247,50\r\n"),
            "{csv}"
        );
        assert!(csv.ends_with("Celkem;;;;90;min;;277,50\r\n"), "{csv}");
    }

    #[test]
    fn the_printable_page_escapes_names_and_shows_the_total() {
        let body = monthly_statement(
            november(),
            true,
            &[visit("a", "2026-11-02", 9, 90)],
            &[],
            &caps(),
        )
        .expect("free");
        let html = statement_html(&Statement {
            client_id: "c".into(),
            client_name: "<Marie>".into(),
            provider_name: "Služba".into(),
            month: "2026-11".into(),
            free_of_charge: true,
            body,
        });
        assert!(html.contains("<dd>&lt;Marie&gt;</dd>"), "{html}");
        assert!(html.contains("bez úhrady"), "{html}");
        assert!(
            html.contains("<th class=\"n\">0,00</th></tr></tfoot>"),
            "{html}"
        );
    }

    #[test]
    fn koruny_are_written_with_a_decimal_comma() {
        assert_eq!(koruny(1_341_750), "13417,50");
        assert_eq!(koruny(5), "0,05");
        assert_eq!(koruny(-150), "-1,50");
    }
}
