//! The scheduling area's part: clients where they live and whom to call about them, the
//! caregivers' working terms, care plans and templates, and the visits of each day.

use platform::{ApiError, Database};

use crate::region::{Day, Region};
use crate::rows::{ContactRow, ShiftRow, SkillRow, VisitTaskRow, insert_all};

pub async fn clients_and_plans(db: &impl Database, region: &Region) -> Result<(), ApiError> {
    let now = region.now;
    insert_all(db, &region.clients, now).await?;
    let contacts: Vec<ContactRow<'_>> = region
        .clients
        .iter()
        .flat_map(|c| {
            c.contacts
                .iter()
                .enumerate()
                .map(|(position, contact)| ContactRow(&c.id, position, contact))
        })
        .collect();
    insert_all(db, &contacts, now).await?;
    insert_all(db, &region.caregivers, now).await?;
    let shifts: Vec<ShiftRow<'_>> = region
        .caregivers
        .iter()
        .flat_map(|c| c.shifts.iter().map(|shift| ShiftRow(&c.user_id, shift)))
        .collect();
    insert_all(db, &shifts, now).await?;
    let skills: Vec<SkillRow<'_>> = region
        .caregivers
        .iter()
        .flat_map(|c| c.skills.iter().map(|skill| SkillRow(&c.user_id, skill)))
        .collect();
    insert_all(db, &skills, now).await?;
    insert_all(db, &region.absences, now).await?;
    insert_all(db, &region.templates, now).await?;
    insert_all(db, &region.care_plans, now).await?;
    Ok(())
}

/// The visits of `days` with their planned tasks.
pub async fn visits(db: &impl Database, region: &Region, days: &[Day]) -> Result<(), ApiError> {
    let visits: Vec<_> = days.iter().flat_map(|day| day.visits.iter()).collect();
    insert_all(db, &visits, region.now).await?;
    let tasks: Vec<VisitTaskRow<'_>> = visits
        .iter()
        .flat_map(|visit| visit.tasks.iter().map(|task| VisitTaskRow(&visit.id, task)))
        .collect();
    insert_all(db, &tasks, region.now).await?;
    Ok(())
}
