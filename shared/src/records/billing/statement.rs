//! A client's monthly statement from their accepted records: time-based tasks by the minute
//! up to the caps and the monthly threshold, per-unit tasks by units, each line rounded once.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::caps::{CapRow, HOURLY_ITEM, in_force};
use super::czech_date;
use super::month::BillingMonth;
use super::price_list::{PriceList, price_list_on};
use crate::catalogue::TaskUnit;
use crate::records::billable_minutes;
use crate::time::prague_date;

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
    /// The provider's company number (IČO) and address, where recorded.
    #[serde(default)]
    pub provider_ico: Option<String>,
    #[serde(default)]
    pub provider_address: Option<String>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::billing::fixtures::*;

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
}
