//! A statement as a file: CSV for Czech Excel and a self-contained page to print. The
//! statement itself is computed in `shared::records::billing`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use shared::catalogue::TaskUnit;
use shared::csv::czech_excel;
use shared::records::billing::{BillingMonth, Statement, czech_date, koruny};
use shared::time::to_prague;

fn unit_label(unit: TaskUnit) -> &'static str {
    match unit {
        TaskUnit::Hour => "min",
        TaskUnit::Meal => "porce",
        TaskUnit::Trip => "cesta",
        TaskUnit::Kg => "kg",
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
fn table(
    statement: &Statement,
    issued: NaiveDate,
) -> (Vec<Vec<String>>, Vec<[String; 8]>, [String; 8]) {
    let mut heading = vec![
        vec!["Klient".to_owned(), statement.client_name.clone()],
        vec!["Poskytovatel".to_owned(), statement.provider_name.clone()],
    ];
    let recorded = |label: &str, value: &Option<String>| {
        value
            .as_ref()
            .map(|value| vec![label.to_owned(), value.clone()])
    };
    heading.extend(recorded("IČO", &statement.provider_ico));
    heading.extend(recorded("Sídlo", &statement.provider_address));
    heading.push(vec!["Období".to_owned(), period(statement)]);
    heading.push(vec!["Datum vystavení".to_owned(), czech_date(issued)]);
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
                czech_date(line.date),
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

/// The statement's month in words, `prosinec 2026`.
fn period(statement: &Statement) -> String {
    BillingMonth::parse(&statement.month)
        .map(BillingMonth::in_words)
        .unwrap_or_else(|_| statement.month.clone())
}

/// The statement as CSV for Czech Excel (see `shared::csv`), issued on `issued`.
pub fn statement_csv(statement: &Statement, issued: NaiveDate) -> String {
    let (heading, rows, total) = table(statement, issued);
    let columns = COLUMNS.map(str::to_owned);
    czech_excel(
        heading
            .iter()
            .map(Vec::as_slice)
            .chain([columns.as_slice()])
            .chain(rows.iter().map(|row| row.as_slice()))
            .chain([total.as_slice()]),
    )
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The statement as a page to print or keep: self-contained HTML, A4 when printed.
pub fn statement_html(statement: &Statement, issued: NaiveDate) -> String {
    let (heading, rows, total) = table(statement, issued);
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
        html_escape(&period(statement))
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
    use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
    use shared::records::billing::{
        BillableVisit, BilledTask, BillingMonth, CapRow, HOURLY_ITEM, PriceList, monthly_statement,
    };

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    /// The caps in force in November 2026: 165 Kč an hour up to 80 hours, 145 Kč beyond;
    /// a delivery (c2) at most 30 Kč.
    fn caps() -> Vec<CapRow> {
        let row = |item: &str, cap, threshold_minutes, cap_above_threshold| CapRow {
            valid_from: date("2024-07-01"),
            item: item.into(),
            cap,
            threshold_minutes,
            cap_above_threshold,
            source: "test".into(),
        };
        vec![
            row(HOURLY_ITEM, 16500, Some(80 * 60), Some(14500)),
            row("c2", 3000, None, None),
        ]
    }

    fn prices() -> PriceList {
        PriceList {
            valid_from: date("2026-01-01"),
            hourly_rate: 16500,
            unit_prices: [("c2".to_owned(), 3000)].into_iter().collect(),
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
        let arrived_at: DateTime<Utc> =
            shared::time::from_prague(local).expect("an unambiguous time");
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

    fn issued() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date")
    }

    #[test]
    fn the_csv_is_semicolon_separated_with_a_bom_and_decimal_commas() {
        let mut visits = vec![visit("a", "2026-11-02", 9, 90)];
        visits[0].tasks.push(task("c2", TaskUnit::Trip, 1));
        let body =
            monthly_statement(november(), false, &visits, &[prices()], &caps()).expect("billable");
        let csv = statement_csv(
            &Statement {
                client_id: "c".into(),
                client_name: "Marie \"Maruška\" Nová; Děčín".into(),
                provider_name: "Služba".into(),
                provider_ico: Some("99000011".into()),
                provider_address: Some("Zahradní 1, 405 02 Děčín".into()),
                month: "2026-11".into(),
                free_of_charge: false,
                body,
            },
            issued(),
        );
        assert!(csv.starts_with("\u{feff}Klient;\"Marie \"\"Maruška\"\" Nová; Děčín\"\r\n"));
        assert!(
            csv.contains(
                "\r\nPoskytovatel;Služba\r\nIČO;99000011\r\nSídlo;Zahradní 1, 405 02 Děčín\r\n\
                 Období;listopad 2026\r\nDatum vystavení;3. 12. 2026\r\n"
            ),
            "{csv}"
        );
        assert!(
            csv.contains("\r\n2. 11. 2026;09:00;10:30;úkon b1;90;min;165,00;247,50\r\n"),
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
        let html = statement_html(
            &Statement {
                client_id: "c".into(),
                client_name: "<Marie>".into(),
                provider_name: "Služba".into(),
                provider_ico: None,
                provider_address: None,
                month: "2026-11".into(),
                free_of_charge: true,
                body,
            },
            issued(),
        );
        assert!(html.contains("<dd>&lt;Marie&gt;</dd>"), "{html}");
        assert!(
            html.contains("<title>Vyúčtování úhrad – &lt;Marie&gt; – listopad 2026</title>"),
            "{html}"
        );
        assert!(
            html.contains("<dt>Datum vystavení</dt><dd>3. 12. 2026</dd>"),
            "{html}"
        );
        assert!(html.contains("<td>2. 11. 2026</td>"), "{html}");
        assert!(!html.contains("IČO"), "no empty identification: {html}");
        assert!(html.contains("bez úhrady"), "{html}");
        assert!(
            html.contains("<th class=\"n\">0,00</th></tr></tfoot>"),
            "{html}"
        );
    }
}
