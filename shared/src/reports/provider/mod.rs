//! A provider's report and its annual statement for the state, as tables.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::catalogue::CareTask;
use crate::reports::figures::{self, CareTime, ClientCounts, ClientFacts, StaffFacts, VisitCounts};
use crate::reports::parameters::NetworkParameters;
use crate::reports::payments::{PaymentData, payments_table};
use crate::reports::period::Period;
use crate::reports::plan::{Actual, plan_table};
use crate::reports::summary::{ClientMonth, MonthSummary};
use crate::reports::suppression::suppress_table;
use crate::reports::table::Report;

mod tables;

pub use tables::{activities_table, client_tables, total_first};
use tables::{staff_table, targets_table, tasks_table, time_table, visits_table};

/// What the store reads for one provider (or, for the region, for a set of providers): the
/// clients as they are now, the summaries of the period's months, the staff.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CareData {
    pub clients: BTreeMap<String, ClientFacts>,
    pub months: Vec<MonthSummary>,
    pub staff: Vec<StaffFacts>,
}

impl CareData {
    /// Each client's figures of each month.
    pub fn client_months(&self) -> impl Iterator<Item = &ClientMonth> {
        self.months.iter().flat_map(|month| &month.clients)
    }
}

/// The legal catalogue and municipality names the tables label rows with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels {
    pub tasks: Vec<CareTask>,
    pub municipality_names: BTreeMap<String, String>,
}

impl Labels {
    pub fn task_order(&self) -> Vec<String> {
        self.tasks.iter().map(|task| task.code.clone()).collect()
    }

    pub fn activity_of(&self, code: &str) -> Option<char> {
        let task = self.tasks.iter().find(|task| task.code == code)?;
        task.activity.chars().next()
    }
}

/// Every figure of one scope and period, computed once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub clients: ClientCounts,
    pub visits: VisitCounts,
    pub care: CareTime,
    pub travel_seconds: i64,
}

impl Figures {
    /// The figures of the data's months added up.
    pub fn compute(data: &CareData, period: Period) -> Figures {
        let mut figures = Figures::default();
        let mut served: BTreeMap<String, NaiveDate> = BTreeMap::new();
        for month in data.client_months() {
            if let Some(date) = month.last_served {
                let last = served.entry(month.client_id.clone()).or_insert(date);
                *last = (*last).max(date);
            }
            figures.visits.add(&month.visits);
            figures.care.add(&month.care);
            figures.travel_seconds += month.travel_seconds;
        }
        figures.clients = figures::client_counts(&served, &data.clients, period);
        figures
    }

    /// Adds the figures of a scope with other clients (another provider's): every figure is
    /// a sum over clients, visits or records, so the region's are its providers' added up.
    pub fn add(&mut self, other: &Figures) {
        self.clients.add(&other.clients);
        self.visits.add(&other.visits);
        self.care.add(&other.care);
        self.travel_seconds += other.travel_seconds;
    }
}

/// A provider's report for a period; `suppress` for regional readers.
pub fn provider_report(
    provider_name: &str,
    period: Period,
    data: &CareData,
    payments: &PaymentData,
    labels: &Labels,
    parameters: Option<&NetworkParameters>,
    suppress: bool,
) -> Report {
    let figures = Figures::compute(data, period);
    let mut tables = client_tables(&figures.clients, labels);
    if suppress {
        for table in &mut tables {
            let groups = total_first(table);
            suppress_table(table, "clients", &[], &[], &groups);
        }
    }
    let (mut visits, visit_groups) = visits_table(&figures.visits);
    if suppress {
        suppress_table(&mut visits, "visits", &[], &[], &visit_groups);
    }
    tables.push(visits);
    tables.push(activities_table(&figures.care, labels));
    tables.push(tasks_table(&figures.care, labels));
    tables.push(time_table(&figures.care, figures.travel_seconds));
    let mut staff = staff_table(&data.staff);
    if suppress {
        suppress_table(&mut staff, "headcount", &["without_contract"], &[], &[]);
    }
    tables.push(staff);
    let mut billed = payments_table(period, &data.clients, payments);
    if suppress {
        suppress_table(
            &mut billed,
            "clients",
            &["unbilled"],
            &["hours", "amount"],
            &[],
        );
    }
    tables.push(billed);
    if let Some(parameters) = parameters {
        tables.push(targets_table(parameters, period, &figures));
        let actual = Actual {
            clients: figures.clients.total,
            direct_seconds: figures.care.total,
            fte_hundredths: figures::total_fte(&data.staff),
        };
        tables.extend(plan_table(parameters, period, actual, suppress));
    }
    Report {
        title: "Výkaz poskytovatele".into(),
        period: period.code(),
        period_label: period.label(),
        scope: provider_name.to_owned(),
        suppressed: suppress,
        tables,
    }
}
