//! A region as plain rows: who works where, the clients and their plans (the registry), and
//! the visits of each day with what was recorded at them. The demo is a small hand-written
//! region (`crate::slice`), the generator makes the whole one (`generate`); the area writers
//! put either into the database the same way.

mod days;
mod generate;
mod names;
mod vocabulary;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::rng::Rng;
use crate::rows::{
    AbsenceRow, CarePlanRow, CaregiverRow, ClientRow, FamilyLinkRow, PriceListRow, ProviderRow,
    RecordRow, TemplateRow, UserRow, VisitRow,
};

pub use generate::{Params, generate};

/// Everything of a region but its visits, which are made one day at a time (`Region::day`):
/// a year of them does not fit in memory comfortably.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// When the data was made: every `created_at`, and the line between done and planned.
    pub now: DateTime<Utc>,
    pub providers: Vec<ProviderRow>,
    pub users: Vec<UserRow>,
    pub caregivers: Vec<CaregiverRow>,
    pub absences: Vec<AbsenceRow>,
    pub clients: Vec<ClientRow>,
    pub care_plans: Vec<CarePlanRow>,
    pub templates: Vec<TemplateRow>,
    pub price_lists: Vec<PriceListRow>,
    pub family_links: Vec<FamilyLinkRow>,
    /// The days that have visits, in order.
    pub days: Vec<NaiveDate>,
    pub(crate) routine: Routine,
}

/// The visits of one day, and the records of those that were done.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Day {
    pub visits: Vec<VisitRow>,
    pub records: Vec<RecordRow>,
}

/// How a day's visits come about.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Routine {
    /// The demo's fixed daily route (`data::DAILY_ROUTES`).
    Demo,
    /// The templates' visits, each past one done, late, cancelled or with an incident as
    /// the seed's stream for that day decides.
    Generated {
        rng: Rng,
        /// Each caregiver's absences, inclusive date ranges.
        absent: BTreeMap<String, Vec<(NaiveDate, NaiveDate)>>,
        /// Per provider, the caregiver without a route of her own, who covers absences.
        floaters: BTreeMap<String, String>,
    },
}

impl Region {
    /// The visits of `date` and their records.
    pub fn day(&self, date: NaiveDate) -> Day {
        match &self.routine {
            Routine::Demo => crate::slice::day(self.now, date),
            Routine::Generated {
                rng,
                absent,
                floaters,
            } => days::generated_day(self, rng, absent, floaters, date),
        }
    }

    /// The account of `username`.
    pub fn user(&self, username: &str) -> Option<&UserRow> {
        self.users.iter().find(|user| user.username == username)
    }
}
