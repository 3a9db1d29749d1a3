//! Why a proposal changes a visit, in a few Czech words the coordinator can check: the new
//! caregiver knows the client, has the skill the visit needs, or is free and nearest.

use super::Inputs;
use crate::planning::conflicts::PlannedVisit;
use crate::schedule::BoardVisit;

/// The reason for moving `visit` from `from` to `to` (caregiver ids, sorted or not).
pub fn why(
    inputs: &Inputs<'_>,
    (board, planned): &(BoardVisit, PlannedVisit),
    from: &[String],
    to: &[String],
) -> String {
    let name = |id: &str| {
        inputs
            .caregivers
            .get(id)
            .map_or_else(|| "Pracovník".to_owned(), |facts| facts.name.clone())
    };
    let newcomers: Vec<&String> = to.iter().filter(|id| !from.contains(id)).collect();
    let Some(newcomer) = newcomers.first() else {
        return "Jen jiný čas: trasa tak lépe navazuje.".to_owned();
    };
    let knows_client = inputs.visits.iter().any(|(other, _)| {
        other.id != board.id
            && other.client_id == board.client_id
            && other.caregiver_ids.contains(newcomer)
    });
    let who = name(newcomer);
    if knows_client {
        format!("{who} klienta zná (stálost péče).")
    } else if !planned.required_skills.is_empty() {
        format!(
            "{who} má potřebnou dovednost: {}.",
            planned.required_skills.join(", ")
        )
    } else {
        format!("{who} má volno a nejkratší přejezd.")
    }
}
