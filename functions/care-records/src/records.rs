//! A visit's records as coordinators and the caregivers concerned read them, and
//! corrections that keep the original: the office's, and a caregiver's of her own record.

use platform::audit::{self, Action, Subject};
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::identity::roles::CAREGIVERS;
use shared::records::correction::caregiver_may_correct;
use shared::records::{
    CorrectionInput, RecordView, VisitRecords, check_content, check_correction_id, check_reason,
};

use crate::store::{self, records, visits};

fn visit_not_found() -> ApiError {
    ApiError::NotFound("Návštěva")
}

pub(crate) fn record_not_found() -> ApiError {
    ApiError::NotFound("Záznam návštěvy")
}

/// `GET /api/records/visits/{visit_id}`: coordinators and managers of the visit's provider;
/// a caregiver on the visit (either position) or who recorded it. Anyone else: not found.
pub async fn visit_records<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let visit_id = cx.params.require("visit_id")?;
    let visit = visits::find(cx.db, visit_id, provider_id)
        .await?
        .ok_or_else(visit_not_found)?;
    let records = records::of_visit(cx.db, visit_id).await?;
    if CAREGIVERS.contains(&caller.role()) {
        let me = caller.user.user_id.as_str();
        if !visit.assignment.includes(me) && !records.iter().any(|r| r.caregiver_id == me) {
            return Err(visit_not_found());
        }
    }
    let subjects: Vec<Subject> = records
        .iter()
        .map(|record| Subject {
            entity: "visit_record",
            entity_id: Some(&record.record_id),
            client_id: Some(&visit.client_id),
            provider_id: Some(provider_id),
        })
        .chain(std::iter::once(Subject {
            entity: "visit_records",
            entity_id: Some(visit_id),
            client_id: Some(&visit.client_id),
            provider_id: Some(provider_id),
        }))
        .collect();
    audit::record_many(cx.db, caller, Action::Read, &subjects, cx.now).await?;
    let caregiver_names = visits::caregiver_names(cx.db, visit_id).await?;
    Ok(ApiResponse::ok(&VisitRecords {
        visit_id: visit_id.to_owned(),
        client_name: visit.client_name,
        status: visit.status,
        starts_at: visit.starts_at,
        ends_at: visit.ends_at,
        client_id: visit.client_id,
        caregiver_names,
        records,
    }))
}

/// `POST /api/records/{id}/corrections`: a new version of the record; the original and
/// every earlier correction stay as they were. A correction sent again under the key its
/// phone made (`correction_id`) is stored once and answered with the record as it stands. Coordinators and managers correct any record
/// of their provider; a caregiver only her own, while `caregiver_may_correct` allows.
pub async fn correct<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let record_id = cx.params.require("id")?;
    let owner = records::owner(cx.db, record_id, provider_id)
        .await?
        .ok_or_else(record_not_found)?;
    let caregiver = CAREGIVERS.contains(&caller.role());
    if caregiver && owner.caregiver_id != caller.user.user_id {
        return Err(ApiError::Forbidden);
    }
    let input: CorrectionInput = json_body(&cx.request.body)?;
    let correction_id = check_correction_id(input.correction_id.as_deref())?;
    if let Some(key) = correction_id.as_deref() {
        match records::corrected_under(cx.db, key).await? {
            // Sent again (the answer was lost on the way back): stored once, answered alike.
            Some(corrected) if corrected == record_id => {
                return Ok(ApiResponse::ok(
                    &one_record(cx.db, &owner.visit_id, record_id).await?,
                ));
            }
            Some(_) => {
                return Err(ApiError::Conflict {
                    code: "correction_id_reused",
                    field: Some("correction_id".into()),
                    message: "Tento identifikátor opravy už patří opravě jiného záznamu.".into(),
                });
            }
            None => {}
        }
    }
    if caregiver && !caregiver_may_correct(owner.visit_starts_at, cx.now) {
        return Err(ApiError::Conflict {
            code: "correction_closed",
            field: None,
            message: "Tuto návštěvu už můžete opravit jen přes koordinátora.".into(),
        });
    }
    let units = store::task_units(cx.db).await?;
    let content = check_content(
        input.arrived_at,
        input.left_at,
        &input.tasks,
        input.note.as_deref(),
        |code| units.get(code).copied(),
        cx.now,
    )?;
    let reason = check_reason(&input.reason)?;
    db::in_transaction(cx.db, async || {
        records::insert_correction(
            cx.db,
            record_id,
            &owner.visit_id,
            records::CorrectionMade {
                corrected_by: &caller.user.user_id,
                reason: &reason,
                correction_id: correction_id.as_deref(),
            },
            &content,
            cx.now,
        )
        .await?
        .ok_or_else(record_not_found)?;
        cx.audit(
            Action::Update,
            "visit_record",
            Some(record_id),
            Some(&owner.client_id),
        )
        .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    let record = one_record(cx.db, &owner.visit_id, record_id).await?;
    Ok(ApiResponse::json(201, &record))
}

/// One record of a visit as it now stands.
pub async fn one_record(
    db: &impl Database,
    visit_id: &str,
    record_id: &str,
) -> Result<RecordView, ApiError> {
    records::of_visit(db, visit_id)
        .await?
        .into_iter()
        .find(|record| record.record_id == record_id)
        .ok_or_else(record_not_found)
}
