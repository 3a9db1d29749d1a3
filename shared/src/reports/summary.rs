//! A provider's month as the figures of each of its clients: what every report adds up.
//! The store computes a month's summary once from its records and visits and keeps it until
//! a write touches the month; a period's figures are its months' summaries added up.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::reports::figures::{self, CareTime, ClientFacts, RecordFacts, VisitCounts, VisitFacts};
use crate::reports::period::Period;

/// One client's figures in one month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientMonth {
    pub client_id: String,
    pub care: CareTime,
    /// The Prague date of the client's last record in the month; none when not served.
    pub last_served: Option<NaiveDate>,
    /// Travel to this client's visits from the caregiver's visit before, in seconds.
    pub travel_seconds: i64,
    pub visits: VisitCounts,
}

/// A provider's month: its clients with a visit or a record in it. Kept as JSON, read
/// strictly: a change to this type (or `ClientMonth`) comes with a migration that empties
/// `report_summaries`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSummary {
    pub provider_id: String,
    /// Always a `Period::Month`.
    pub month: Period,
    pub clients: Vec<ClientMonth>,
}

/// The summary of one provider's month from the records overlapping it and the visits
/// planned to start in it (any others are left out), with the clients' addresses for travel
/// and `task_order`, the catalogue's codes in order.
pub fn summarise(
    provider_id: &str,
    month: Period,
    records: &[RecordFacts],
    visits: &[VisitFacts],
    clients: &BTreeMap<String, ClientFacts>,
    task_order: &[String],
) -> MonthSummary {
    let bounds = month.bounds();
    let mut records_of: BTreeMap<&str, Vec<&RecordFacts>> = BTreeMap::new();
    for record in records {
        if bounds.overlap_seconds(record.arrived_at, record.left_at) > 0 {
            records_of
                .entry(&record.client_id)
                .or_default()
                .push(record);
        }
    }
    let mut visits_of: BTreeMap<&str, Vec<&VisitFacts>> = BTreeMap::new();
    for visit in visits
        .iter()
        .filter(|visit| bounds.contains(visit.starts_at))
    {
        visits_of.entry(&visit.client_id).or_default().push(visit);
    }
    let served = figures::served_clients(records, bounds);
    let travel = figures::travel_by_client(records, clients, bounds);
    let mut ids: Vec<&str> = records_of.keys().chain(visits_of.keys()).copied().collect();
    ids.extend(travel.keys().map(String::as_str));
    ids.sort_unstable();
    ids.dedup();
    let month_clients = ids
        .into_iter()
        .map(|id| ClientMonth {
            client_id: id.to_owned(),
            care: records_of
                .get(id)
                .map(|records| figures::direct_care(records.iter().copied(), bounds, task_order))
                .unwrap_or_default(),
            last_served: served.get(id).copied(),
            travel_seconds: travel.get(id).copied().unwrap_or(0),
            visits: visits_of
                .get(id)
                .map(|visits| figures::visit_counts(visits.iter().copied(), bounds))
                .unwrap_or_default(),
        })
        .collect();
    MonthSummary {
        provider_id: provider_id.to_owned(),
        month,
        clients: month_clients,
    }
}
