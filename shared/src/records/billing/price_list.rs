//! A provider's price lists, checked against every cap in force while they apply.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::caps::{CapRow, HOURLY_ITEM, in_force_from};
use super::{czech_date, koruny};
use crate::catalogue::TaskUnit;
use crate::error::FieldError;

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
pub(super) fn price_list_on(lists: &[PriceList], date: NaiveDate) -> Option<&PriceList> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::billing::fixtures::*;

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
}
