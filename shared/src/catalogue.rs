//! Reference data every area reads: the legal task catalogue, municipalities, training centres.

use serde::{Deserialize, Serialize};

/// How a task is charged: by time, or per unit with its own cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskUnit {
    Hour,
    Meal,
    Trip,
    Kg,
}

impl TaskUnit {
    pub fn parse(name: &str) -> Option<TaskUnit> {
        match name {
            "hour" => Some(TaskUnit::Hour),
            "meal" => Some(TaskUnit::Meal),
            "trip" => Some(TaskUnit::Trip),
            "kg" => Some(TaskUnit::Kg),
            _ => None,
        }
    }
}

/// A task of vyhláška 505/2006 Sb. §6, under a basic activity a)–e) of §40.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareTask {
    pub code: String,
    /// `a` … `e`.
    pub activity: String,
    pub name: String,
    pub unit: TaskUnit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub district: String,
    pub orp_name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: i64,
    pub population_60_plus: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingCentre {
    pub id: String,
    pub name: String,
    pub municipality: String,
}
