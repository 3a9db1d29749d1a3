//! What the optimiser returns and the checker verifies.

use serde::{Deserialize, Serialize};

use crate::model::{Time, VisitId};

/// One thing a caregiver does on a route, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    Visit(VisitId),
    Break,
    /// The shift's absence with this index in `Shift::absences`.
    Absence(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    pub activity: Activity,
    pub start: Time,
}

/// A shift's route: leaves the start location at `departure`, does `stops` in order, and
/// is back at the end location at `arrival`. Breaks and absences are taken where the
/// caregiver is; travel between two visits may be before, after or around them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Index into `Problem::shifts`.
    pub shift: usize,
    pub departure: Time,
    pub stops: Vec<Stop>,
    pub arrival: Time,
}

impl Route {
    pub fn visits(&self) -> impl Iterator<Item = VisitId> + '_ {
        self.stops.iter().filter_map(|stop| match stop.activity {
            Activity::Visit(visit) => Some(visit),
            Activity::Break | Activity::Absence(_) => None,
        })
    }
}

/// Why a visit could not be planned, most fundamental cause first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No shift's caregiver has every skill the visit requires.
    NoCaregiverWithSkill,
    /// Every caregiver with the skills is absent for the whole shift.
    AllCaregiversAbsent,
    /// The client refused every remaining caregiver.
    RefusedByClient,
    /// The visit's start window holds no time on the problem's time grid.
    NoStartOnTimeGrid,
    /// The visit is pinned to a caregiver who cannot take it.
    PinnedCaregiverUnavailable,
    /// A two-caregiver visit has fewer than two distinct caregivers who may serve it.
    NoSecondCaregiver,
    /// The visit's demand exceeds the capacity of every caregiver who may serve it.
    CapacityExceeded,
    /// The time window lies outside every suitable shift.
    OutsideEveryShift,
    /// Even as the only visit of a suitable shift, it cannot start within its window.
    TimeWindowUnreachable,
    /// It fits a shift on its own, but the suitable shifts are full.
    NotEnoughTime,
}

impl Reason {
    /// A sentence for the planner, in Czech.
    pub fn explain(self) -> &'static str {
        match self {
            Reason::NoCaregiverWithSkill => {
                "Žádná pečovatelka nemá všechny dovednosti, které návštěva vyžaduje."
            }
            Reason::AllCaregiversAbsent => {
                "Všechny pečovatelky s potřebnými dovednostmi jsou v tu dobu nepřítomné."
            }
            Reason::RefusedByClient => "Klient odmítl všechny pečovatelky, které by mohly přijít.",
            Reason::NoStartOnTimeGrid => {
                "Časové okno návštěvy je užší než krok plánu; žádný čas začátku v něm neleží na mřížce."
            }
            Reason::PinnedCaregiverUnavailable => {
                "Návštěva je pevně přidělena pečovatelce, která ji nemůže vykonat."
            }
            Reason::NoSecondCaregiver => {
                "Návštěva potřebuje dvě pečovatelky, ale k dispozici je nejvýše jedna."
            }
            Reason::CapacityExceeded => "Návštěva překračuje kapacitu všech vhodných pečovatelek.",
            Reason::OutsideEveryShift => {
                "Časové okno návštěvy leží mimo směny všech vhodných pečovatelek."
            }
            Reason::TimeWindowUnreachable => {
                "Do časového okna návštěvy se žádná vhodná pečovatelka nestihne dostat."
            }
            Reason::NotEnoughTime => "Vhodné pečovatelky mají směny plné; návštěva se už nevejde.",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unassigned {
    pub visit: VisitId,
    pub reason: Reason,
}

/// The objective's parts and its weighted sum. Plans compare lexicographically:
/// fewer unassigned visits first, then the smaller weighted sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub unassigned: usize,
    pub travel: Time,
    pub waiting: Time,
    pub overtime: Time,
    /// Distinct caregivers per client, summed over clients.
    pub caregivers_per_client: i64,
    /// Visits served by someone not on the client's preferred list.
    pub preference_misses: i64,
    /// Visits of the current plan served by someone other than their current persons.
    pub disruptions: i64,
    /// Visits of the current plan starting at another time than their current start.
    pub retimed: i64,
    /// Summed over persons with a contract target: |planned visit and travel time − target|.
    pub fairness_gap: Time,
    pub weighted: i64,
}

impl Objective {
    /// The key plans are compared by.
    pub fn rank(&self) -> (usize, i64) {
        (self.unassigned, self.weighted)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// One route per shift that serves at least one visit, in shift order.
    pub routes: Vec<Route>,
    pub unassigned: Vec<Unassigned>,
    /// The objective as the optimiser computed it; the checker recomputes it independently.
    pub objective: Objective,
}
