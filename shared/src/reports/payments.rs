//! Client payments billed in a period: every client's monthly statement, computed by the
//! billing rule (`records::billing::monthly_statement`: prices, caps, the monthly threshold,
//! free-of-charge clients), added up month by month. A month that cannot be billed (no price
//! list or cap in force) is counted as such, never guessed.

use std::collections::{BTreeMap, BTreeSet};

use crate::records::billing::{BillableVisit, BillingMonth, CapRow, PriceList, monthly_statement};
use crate::reports::figures::ClientFacts;
use crate::reports::period::Period;
use crate::reports::region::count;
use crate::reports::table::{Cell, Column, ColumnKind, Table};

/// What billing needs of one provider: each client's accepted records (as corrected) that
/// arrived in the period, the provider's price lists and the legal caps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaymentData {
    pub visits: BTreeMap<String, Vec<BillableVisit>>,
    pub price_lists: Vec<PriceList>,
    pub caps: Vec<CapRow>,
}

/// The sums of one month, or of the whole period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Billed {
    /// Clients with a statement above zero.
    clients: BTreeSet<String>,
    minutes: i64,
    /// Haléře.
    amount: i64,
    /// Clients whose month could not be billed.
    unbilled: BTreeSet<String>,
}

impl Billed {
    fn add(&mut self, other: &Billed) {
        self.clients.extend(other.clients.iter().cloned());
        self.minutes += other.minutes;
        self.amount += other.amount;
        self.unbilled.extend(other.unbilled.iter().cloned());
    }
}

/// Each month of the period billed: (month, sums), in order.
fn billed_by_month(
    period: Period,
    clients: &BTreeMap<String, ClientFacts>,
    data: &PaymentData,
) -> Vec<(Period, Billed)> {
    period
        .months()
        .into_iter()
        .map(|month| {
            let mut billed = Billed::default();
            let Ok(billing_month) = BillingMonth::parse(&month.code()) else {
                return (month, billed);
            };
            for (client_id, visits) in &data.visits {
                let free = clients.get(client_id).is_some_and(|c| c.free_of_charge);
                match monthly_statement(billing_month, free, visits, &data.price_lists, &data.caps)
                {
                    Ok(body) => {
                        billed.minutes += body.time_minutes;
                        billed.amount += body.total;
                        if body.total > 0 {
                            billed.clients.insert(client_id.clone());
                        }
                    }
                    Err(_) => {
                        billed.unbilled.insert(client_id.clone());
                    }
                }
            }
            (month, billed)
        })
        .collect()
}

fn row(label: String, billed: &Billed) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        count(u64::try_from(billed.clients.len()).unwrap_or(u64::MAX)),
        Cell::Number((billed.minutes * 100 + 30) / 60),
        Cell::Number(billed.amount),
        count(u64::try_from(billed.unbilled.len()).unwrap_or(u64::MAX)),
    ]
}

/// The payments table: the period's total, then month by month.
pub fn payments_table(
    period: Period,
    clients: &BTreeMap<String, ClientFacts>,
    data: &PaymentData,
) -> Table {
    let mut table = Table::new(
        "payments",
        "Vyúčtované úhrady klientů",
        vec![
            Column::new(
                "month",
                "Měsíc",
                ColumnKind::Text,
                "Kalendářní měsíc (RRRR-MM), nebo celé období.",
            ),
            Column::new(
                "clients",
                "Klienti s úhradou",
                ColumnKind::Count,
                "Klienti, jejichž měsíční vyúčtování je vyšší než nula; v řádku Celkem každý jednou.",
            ),
            Column::new(
                "hours",
                "Účtovaný čas",
                ColumnKind::Hours,
                "Hodiny časově účtovaných úkonů ve vyúčtováních (i klientům bez úhrady).",
            ),
            Column::new(
                "amount",
                "Úhrady",
                ColumnKind::Money,
                "Součet měsíčních vyúčtování klientů podle ceníku poskytovatele a zákonných maximálních úhrad.",
            ),
            Column::new(
                "unbilled",
                "Nevyúčtováno",
                ColumnKind::Count,
                "Klienti, jejichž měsíc nejde vyúčtovat: chybí ceník, cena úkonu nebo maximální úhrada.",
            ),
        ],
        "Jako měsíční vyúčtování klientů: přijaté záznamy podle dne příchodu, po opravách koordinátora.",
    );
    let months = billed_by_month(period, clients, data);
    let mut total = Billed::default();
    for (_, billed) in &months {
        total.add(billed);
    }
    table.rows.push(row("Celkem".into(), &total));
    for (month, billed) in &months {
        table.rows.push(row(month.code(), billed));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::TaskUnit;
    use crate::planning::travel::GeoPoint;
    use crate::records::billing::{BilledTask, HOURLY_ITEM};

    fn client(id: &str, free_of_charge: bool) -> (String, ClientFacts) {
        let facts = ClientFacts {
            id: id.into(),
            provider_id: "p".into(),
            municipality_code: "1".into(),
            location: GeoPoint {
                latitude: 50.0,
                longitude: 14.0,
            },
            birth_date: None,
            free_of_charge,
            levels: Vec::new(),
        };
        (id.into(), facts)
    }

    fn visit(id: &str, arrived: &str, minutes: i64) -> BillableVisit {
        let arrived_at = arrived.parse().expect("an instant");
        BillableVisit {
            record_id: id.into(),
            arrived_at,
            left_at: arrived_at + chrono::Duration::minutes(minutes),
            tasks: vec![BilledTask {
                code: "d1".into(),
                name: "Běžný úklid".into(),
                unit: TaskUnit::Hour,
                units: 0,
            }],
        }
    }

    fn data(price_from: &str) -> PaymentData {
        PaymentData {
            visits: [
                // 23:30 Prague on 31 March: billed in March, the month of its arrival.
                (
                    "a".to_string(),
                    vec![visit("r1", "2026-03-31T21:30:00Z", 60)],
                ),
                (
                    "b".to_string(),
                    vec![visit("r2", "2026-04-02T08:00:00Z", 90)],
                ),
                (
                    "free".to_string(),
                    vec![visit("r3", "2026-03-02T08:00:00Z", 30)],
                ),
            ]
            .into(),
            price_lists: vec![PriceList {
                valid_from: price_from.parse().expect("a date"),
                hourly_rate: 16_000,
                unit_prices: BTreeMap::new(),
            }],
            caps: vec![CapRow {
                valid_from: "2024-07-01".parse().expect("a date"),
                item: HOURLY_ITEM.into(),
                cap: 16_500,
                threshold_minutes: Some(4_800),
                cap_above_threshold: Some(14_500),
                source: String::new(),
            }],
        }
    }

    #[test]
    fn each_month_adds_up_its_clients_statements_and_the_total_adds_up_the_months() {
        let clients = [client("a", false), client("b", false), client("free", true)].into();
        let quarter = Period::parse("2026-Q2").expect("valid");
        let march = Period::parse("2026-03").expect("valid");
        let table = payments_table(march, &clients, &data("2026-01-01"));
        // March: a 60 min at 160 Kč, free 30 min at nothing.
        assert_eq!(table.cell("2026-03", "amount"), Some(&Cell::Number(16_000)));
        assert_eq!(table.cell("2026-03", "clients"), Some(&Cell::Number(1)));
        assert_eq!(table.cell("2026-03", "hours"), Some(&Cell::Number(150)));
        let table = payments_table(quarter, &clients, &data("2026-01-01"));
        assert_eq!(table.cell("2026-04", "amount"), Some(&Cell::Number(24_000)));
        assert_eq!(table.cell("Celkem", "amount"), Some(&Cell::Number(24_000)));
        assert_eq!(table.rows.len(), 4, "the total and three months");
    }

    #[test]
    fn a_month_without_a_price_list_is_counted_as_not_billed() {
        let clients = [client("a", false), client("b", false), client("free", true)].into();
        let march = Period::parse("2026-03").expect("valid");
        let table = payments_table(march, &clients, &data("2026-04-01"));
        assert_eq!(table.cell("2026-03", "unbilled"), Some(&Cell::Number(1)));
        assert_eq!(table.cell("2026-03", "amount"), Some(&Cell::Number(0)));
    }
}
