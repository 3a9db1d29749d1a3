//! Visits as the caregiver's day shows them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    Planned,
    Done,
    Cancelled,
}

impl VisitStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitStatus::Planned => "planned",
            VisitStatus::Done => "done",
            VisitStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(name: &str) -> Option<VisitStatus> {
        [
            VisitStatus::Planned,
            VisitStatus::Done,
            VisitStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            VisitStatus::Planned => "Naplánováno",
            VisitStatus::Done => "Hotovo",
            VisitStatus::Cancelled => "Zrušeno",
        }
    }
}

/// One visit on a caregiver's route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitView {
    pub id: String,
    pub client_name: String,
    pub address: String,
    pub municipality: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: VisitStatus,
    /// Czech names of the planned tasks from the legal catalogue.
    pub tasks: Vec<String>,
    /// What the caregiver needs on the doorstep (key box, dog, …).
    pub doorstep_note: Option<String>,
}

/// `GET /api/schedule/visits/today`: the caller's visits for the Prague date, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TodayVisits {
    pub date: NaiveDate,
    pub visits: Vec<VisitView>,
}

/// One visit as a client's family sees it: who comes when. No staff-internal notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyVisitView {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub caregiver_name: String,
    pub status: VisitStatus,
}

/// `GET /api/schedule/clients/{id}/visits`: a client's visits for two weeks from today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientVisits {
    pub client_id: String,
    pub client_name: String,
    pub from: NaiveDate,
    pub visits: Vec<FamilyVisitView>,
}

/// A client as a linked family member knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedClient {
    pub client_id: String,
    pub client_name: String,
    pub provider_name: String,
}
