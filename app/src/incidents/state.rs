//! A coordinator's answer to a family's request, as data: what accepting it changes in the
//! plan. Pure and tested natively.

use chrono::NaiveTime;
use shared::ErrorDetail;
use shared::family::{AcceptRequest, FamilyRequestView, RequestKind};
use shared::time::from_prague_for_planning;

use crate::ui::form::field_error;

/// Whether accepting the request moves its visit to a new time the coordinator types.
pub fn asks_new_time(request: &FamilyRequestView) -> bool {
    request.visit_id.is_some() && matches!(request.kind, RequestKind::Later | RequestKind::Earlier)
}

/// The acceptance: a cancellation cancels the visit, a later or earlier start moves it to
/// `new_time` (Prague time, `HH:MM`) on its day; anything else changes nothing here.
pub fn acceptance(
    request: &FamilyRequestView,
    new_time: &str,
    reply: &str,
) -> Result<AcceptRequest, ErrorDetail> {
    let mut accept = AcceptRequest {
        starts_at: None,
        caregiver_ids: None,
        cancel: false,
        reply: reply.trim().to_owned(),
    };
    if request.visit_id.is_none() {
        return Ok(accept);
    }
    match request.kind {
        RequestKind::Cancel => accept.cancel = true,
        RequestKind::Later | RequestKind::Earlier => {
            let time = NaiveTime::parse_from_str(new_time.trim(), "%H:%M")
                .map_err(|_| field_error("starts_at", "Zadejte nový čas začátku, např. 10:00."))?;
            let (starts_at, _) = from_prague_for_planning(request.day.and_time(time));
            accept.starts_at = Some(starts_at);
        }
        RequestKind::Other => {}
    }
    Ok(accept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::family::RequestState;

    fn request(kind: RequestKind, visit: bool) -> FamilyRequestView {
        FamilyRequestView {
            id: "r1".into(),
            client_id: "cl-d1".into(),
            client_name: "Marie Ukázková".into(),
            sent_by: "Eva Ukázková".into(),
            sent_at: "2026-11-23T07:00:00Z".parse().expect("an instant"),
            visit_id: visit.then(|| "v1".into()),
            visit_starts_at: None,
            day: "2026-11-27".parse().expect("a date"),
            kind,
            text: String::new(),
            state: RequestState::Open,
            reply: None,
            answered_at: None,
        }
    }

    #[test]
    fn a_later_start_moves_the_visit_to_the_typed_prague_time() {
        let accept =
            acceptance(&request(RequestKind::Later, true), "10:00", " Ano ").expect("valid");
        assert_eq!(
            accept.starts_at,
            Some("2026-11-27T09:00:00Z".parse().expect("an instant"))
        );
        assert_eq!(accept.reply, "Ano");
        let missing = acceptance(&request(RequestKind::Later, true), "", "");
        assert_eq!(
            missing.expect_err("no time").field.as_deref(),
            Some("starts_at")
        );
    }

    #[test]
    fn a_cancellation_cancels_and_a_day_request_changes_nothing() {
        assert!(
            acceptance(&request(RequestKind::Cancel, true), "", "")
                .expect("valid")
                .cancel
        );
        let day = acceptance(&request(RequestKind::Cancel, false), "", "").expect("valid");
        assert!(!day.cancel && day.starts_at.is_none());
        assert!(asks_new_time(&request(RequestKind::Earlier, true)));
        assert!(!asks_new_time(&request(RequestKind::Earlier, false)));
    }
}
