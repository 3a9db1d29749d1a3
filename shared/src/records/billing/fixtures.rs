//! Caps, price lists and visits the billing tests share.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::{BillableVisit, BilledTask, BillingMonth, CapRow, HOURLY_ITEM, PriceList};
use crate::catalogue::TaskUnit;

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

pub fn hourly(valid_from: &str, cap: i64, above: Option<i64>) -> CapRow {
    CapRow {
        valid_from: date(valid_from),
        item: HOURLY_ITEM.into(),
        cap,
        threshold_minutes: above.map(|_| 80 * 60),
        cap_above_threshold: above,
        source: "test".into(),
    }
}

pub fn unit_cap(valid_from: &str, task: &str, cap: i64) -> CapRow {
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
pub fn caps() -> Vec<CapRow> {
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

pub fn unit_of(code: &str) -> Option<TaskUnit> {
    crate::records::tests::unit_of(code)
}

pub fn prices(valid_from: &str, hourly_rate: i64) -> PriceList {
    PriceList {
        valid_from: date(valid_from),
        hourly_rate,
        unit_prices: [("c1", 7500), ("c2", 3000), ("d7", 11500), ("d8", 7000)]
            .into_iter()
            .map(|(code, price)| (code.to_owned(), price))
            .collect(),
    }
}

pub fn task(code: &str, unit: TaskUnit, units: u32) -> BilledTask {
    BilledTask {
        code: code.into(),
        name: format!("úkon {code}"),
        unit,
        units,
    }
}

/// A visit starting at a Prague wall time on `day`, lasting `minutes`, with hygiene.
pub fn visit(id: &str, day: &str, hour: u32, minutes: i64) -> BillableVisit {
    let local = date(day).and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("a time"));
    let arrived_at = crate::time::from_prague(local).expect("an unambiguous time");
    BillableVisit {
        record_id: id.into(),
        arrived_at,
        left_at: arrived_at + Duration::minutes(minutes),
        tasks: vec![task("b1", TaskUnit::Hour, 0)],
    }
}

pub fn november() -> BillingMonth {
    BillingMonth::parse("2026-11").expect("a month")
}

/// Two visits a day on 1–20 November, 120 minutes each: 39 of them are 78 hours.
pub fn thirty_nine_two_hour_visits() -> Vec<BillableVisit> {
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
