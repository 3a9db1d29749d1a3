//! The care records area's part: what the caregivers' phones sent for the visits done, the
//! incidents they reported, and each provider's price list within the caps.

use platform::{ApiError, Database};

use crate::region::{Day, Region};
use crate::rows::{IncidentRow, RecordTaskRow, UnitPriceRow, insert_all};

pub async fn records(db: &impl Database, region: &Region, days: &[Day]) -> Result<(), ApiError> {
    let records: Vec<_> = days.iter().flat_map(|day| day.records.iter()).collect();
    insert_all(db, &records, region.now).await?;
    let tasks: Vec<RecordTaskRow<'_>> = records
        .iter()
        .flat_map(|record| {
            record.input.tasks.iter().map(|task| {
                RecordTaskRow(
                    &record.input.record_id,
                    &task.task_code,
                    i64::from(task.units.unwrap_or(0)),
                    record.planned_tasks.contains(&task.task_code),
                )
            })
        })
        .collect();
    insert_all(db, &tasks, region.now).await?;
    let incidents: Vec<IncidentRow<'_>> = records
        .iter()
        .flat_map(|record| {
            (0..record.input.incidents.len()).map(|index| IncidentRow(record, index))
        })
        .collect();
    insert_all(db, &incidents, region.now).await?;
    Ok(())
}

pub async fn price_lists(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    insert_all(db, &region.price_lists, region.now).await?;
    let units: Vec<UnitPriceRow<'_>> = region
        .price_lists
        .iter()
        .flat_map(|list| {
            list.unit_prices
                .iter()
                .map(|price| UnitPriceRow(list, price))
        })
        .collect();
    insert_all(db, &units, region.now).await?;
    Ok(())
}
