//! The family view: today's visits as they go, what changed and why, how many different
//! caregivers came, the family's requests to the coordinator and the calendar feed. Wire
//! types and the pure rules; the scheduling component reads and writes.

pub mod calendar;
pub mod live;
pub mod reason;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use live::LiveState;

/// One of today's visits as the family sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveVisit {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `None` while nobody is assigned yet.
    pub caregiver_name: Option<String>,
    pub live: LiveState,
}

/// `GET /api/schedule/family/{client_id}/today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyToday {
    pub client_id: String,
    pub client_name: String,
    pub date: NaiveDate,
    pub visits: Vec<LiveVisit>,
}

/// What a change did to a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    Moved {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    /// Someone else comes; `None`: nobody is assigned for now.
    Reassigned {
        caregiver_name: Option<String>,
    },
    Cancelled,
    Added,
}

/// The old and new start of a move, read back from the history's `old → new`
/// ([`crate::planning::change::HistoryEntry::detail`]).
pub fn moved_between(detail: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let (from, to) = detail.split_once(" → ")?;
    Some((from.parse().ok()?, to.parse().ok()?))
}

/// One change to a coming visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyChange {
    pub event_id: String,
    pub visit_id: String,
    /// When the change was made.
    pub at: DateTime<Utc>,
    /// When the visit now starts.
    pub visit_starts_at: DateTime<Utc>,
    pub change: ChangeKind,
    /// The reason in the family's words.
    pub reason: String,
    pub seen: bool,
}

/// `GET /api/schedule/family/{client_id}/changes`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyChanges {
    pub unseen: u32,
    pub changes: Vec<FamilyChange>,
}

/// `POST /api/schedule/family/{client_id}/changes/seen`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeenChanges {
    pub event_ids: Vec<String>,
}

/// How many different caregivers came in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCaregivers {
    /// The month's first day.
    pub month: NaiveDate,
    pub caregivers: u32,
}

/// `GET /api/schedule/family/{client_id}/continuity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Continuity {
    pub this_month: MonthCaregivers,
    pub last_month: MonthCaregivers,
}

/// What a family asks of a visit or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Cancel,
    Later,
    Earlier,
    Other,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Cancel => "cancel",
            RequestKind::Later => "later",
            RequestKind::Earlier => "earlier",
            RequestKind::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<RequestKind> {
        [
            RequestKind::Cancel,
            RequestKind::Later,
            RequestKind::Earlier,
            RequestKind::Other,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Cancel => "Zrušit návštěvu",
            RequestKind::Later => "Přijít později",
            RequestKind::Earlier => "Přijít dříve",
            RequestKind::Other => "Jiná žádost",
        }
    }
}

/// `POST /api/schedule/family/{client_id}/requests`: about one visit, or about a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewFamilyRequest {
    #[serde(default)]
    pub visit_id: Option<String>,
    #[serde(default)]
    pub day: Option<NaiveDate>,
    pub kind: RequestKind,
    #[serde(default)]
    pub text: String,
}

/// What a request is about, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestSubject {
    Visit(String),
    Day(NaiveDate),
}

/// The longest request or reply.
pub const MAX_TEXT: usize = 500;

/// A request names a visit or a day (not both), and says in words what it wants unless
/// its kind says it all.
pub fn check_request(request: &NewFamilyRequest) -> Result<(RequestSubject, String), FieldError> {
    let subject = match (&request.visit_id, request.day) {
        (Some(id), None) if !id.trim().is_empty() => RequestSubject::Visit(id.trim().to_owned()),
        (None, Some(day)) => RequestSubject::Day(day),
        _ => {
            return Err(FieldError::new(
                "visit_id",
                "Vyberte návštěvu, nebo den, kterého se žádost týká.",
            ));
        }
    };
    let text = check_text("text", &request.text, request.kind == RequestKind::Other)?;
    Ok((subject, text))
}

/// A free text of a request or a reply: trimmed, at most [`MAX_TEXT`] characters.
pub fn check_text(field: &'static str, text: &str, required: bool) -> Result<String, FieldError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(FieldError::new(field, "Napište, o co jde."));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(FieldError::new(field, "Text má nejvýše 500 znaků."));
    }
    Ok(text.to_owned())
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    Open,
    Accepted,
    Declined,
}

impl RequestState {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Open => "open",
            RequestState::Accepted => "accepted",
            RequestState::Declined => "declined",
        }
    }

    pub fn parse(name: &str) -> Option<RequestState> {
        [
            RequestState::Open,
            RequestState::Accepted,
            RequestState::Declined,
        ]
        .into_iter()
        .find(|state| state.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestState::Open => "Čeká na odpověď",
            RequestState::Accepted => "Vyhověno",
            RequestState::Declined => "Zamítnuto",
        }
    }
}

/// A request as the family and the coordinator see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyRequestView {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    pub sent_by: String,
    pub sent_at: DateTime<Utc>,
    pub visit_id: Option<String>,
    /// The visit's start, when the request is about a visit.
    pub visit_starts_at: Option<DateTime<Utc>>,
    pub day: NaiveDate,
    pub kind: RequestKind,
    pub text: String,
    pub state: RequestState,
    pub reply: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// `POST /api/schedule/family-requests/{id}/accept`: the change to the request's visit, made
/// through the planner's rules with the request as its reason, and an optional reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    #[serde(default)]
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub caregiver_ids: Option<Vec<String>>,
    #[serde(default)]
    pub cancel: bool,
    #[serde(default)]
    pub reply: String,
}

/// `POST /api/schedule/family-requests/{id}/decline`: always with a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    pub reply: String,
}

/// A family member's own calendar feed: whether one is live, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFeedState {
    pub created_at: Option<DateTime<Utc>>,
}

/// A new feed's address, shown once: only its hash is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCalendarFeed {
    /// The path under the site's origin, `/api/schedule/calendar/…`.
    pub path: String,
    pub created_at: DateTime<Utc>,
}

/// A client's family link and its feed, as the coordinator sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkCalendarFeed {
    pub link_id: String,
    pub family_member: String,
    /// When the live feed was made; `None`: the link has no live feed.
    pub feed_created_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(visit_id: Option<&str>, day: Option<&str>, kind: RequestKind) -> NewFamilyRequest {
        NewFamilyRequest {
            visit_id: visit_id.map(str::to_owned),
            day: day.map(|d| d.parse().expect("a date")),
            kind,
            text: String::new(),
        }
    }

    #[test]
    fn a_request_names_a_visit_or_a_day_but_not_both() {
        assert_eq!(
            check_request(&request(Some("v1"), None, RequestKind::Cancel)),
            Ok((RequestSubject::Visit("v1".into()), String::new()))
        );
        assert!(check_request(&request(None, Some("2026-11-27"), RequestKind::Later)).is_ok());
        let both = check_request(&request(Some("v1"), Some("2026-11-27"), RequestKind::Later));
        assert_eq!(both.expect_err("both").field, "visit_id");
        assert!(check_request(&request(None, None, RequestKind::Later)).is_err());
    }

    #[test]
    fn a_move_reads_back_from_the_history_it_wrote() {
        let from: DateTime<Utc> = "2026-11-27T07:00:00Z".parse().expect("an instant");
        let to: DateTime<Utc> = "2026-11-27T09:00:00Z".parse().expect("an instant");
        let entry = crate::planning::change::HistoryEntry::Moved { from, to };
        assert_eq!(moved_between(&entry.detail()), Some((from, to)));
        assert_eq!(moved_between("jana → karel"), None);
    }

    #[test]
    fn another_request_must_say_what_it_wants_in_at_most_500_characters() {
        let empty = check_request(&request(Some("v1"), None, RequestKind::Other));
        assert_eq!(empty.expect_err("empty").field, "text");
        let mut long = request(Some("v1"), None, RequestKind::Other);
        long.text = "a".repeat(501);
        assert!(check_request(&long).is_err());
    }
}
