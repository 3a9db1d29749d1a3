//! One day of a generated region: the templates' visits of that weekday, given to the
//! route's caregiver or, when she is away, to the provider's cover; past visits recorded as
//! phones send them — mostly on time, some late, some offline for hours, a few cancelled,
//! client not at home, a fall or a change of health.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use shared::catalogue::TaskUnit;
use shared::records::{IncidentInput, IncidentKind, TaskDoneInput, VisitRecordInput};
use shared::time::from_prague;

use super::{Day, Region};
use crate::rng::Rng;
use crate::rows::{RecordRow, TemplateRow, VisitRow};
use crate::sources::care_tasks;

/// A visit counts as past (and recorded) once it ended this long ago: late arrivals and
/// phones that record a little after leaving are then all in the past.
const RECORDED_AFTER_MINUTES: i64 = 60;

fn wall_instant(date: NaiveDate, time: &str) -> Option<DateTime<Utc>> {
    let time = NaiveTime::parse_from_str(time, "%H:%M").ok()?;
    from_prague(date.and_time(time)).ok()
}

fn is_absent(
    absent: &BTreeMap<String, Vec<(NaiveDate, NaiveDate)>>,
    user: &str,
    date: NaiveDate,
) -> bool {
    absent.get(user).is_some_and(|ranges| {
        ranges
            .iter()
            .any(|(from, to)| (*from..=*to).contains(&date))
    })
}

pub(super) fn generated_day(
    region: &Region,
    rng: &Rng,
    absent: &BTreeMap<String, Vec<(NaiveDate, NaiveDate)>>,
    floaters: &BTreeMap<String, String>,
    date: NaiveDate,
) -> Day {
    let mut rng = rng.fork(u64::try_from(date.num_days_from_ce()).unwrap_or(0));
    let units: BTreeMap<String, TaskUnit> = care_tasks().into_iter().collect();
    let weekday = char::from(b'0' + u8::try_from(date.weekday().number_from_monday()).unwrap_or(0));
    // Whom each provider's cover stands in for today: one colleague, so never two places at once.
    let mut covering: BTreeMap<&str, &str> = BTreeMap::new();
    let mut day = Day::default();
    for template in region
        .templates
        .iter()
        .filter(|t| t.weekdays.contains(weekday))
    {
        let (Some(starts_at), Some(closes_at)) = (
            wall_instant(date, &template.window.0),
            wall_instant(date, &template.window.1),
        ) else {
            continue;
        };
        let caregiver = template
            .preferred_caregiver_id
            .as_deref()
            .and_then(|regular| {
                if !is_absent(absent, regular, date) {
                    return Some(regular);
                }
                let cover = floaters.get(&template.provider_id)?;
                let stands_in_for = covering.entry(&template.provider_id).or_insert(regular);
                (*stands_in_for == regular && !is_absent(absent, cover, date))
                    .then_some(cover.as_str())
            });
        let ends_at = starts_at + Duration::minutes(template.minutes);
        let mut visit = VisitRow {
            id: format!("{}-{date}", template.id.replacen("tpl-", "visit-", 1)),
            provider_id: template.provider_id.clone(),
            client_id: template.client_id.clone(),
            caregiver_id: caregiver.map(str::to_owned),
            starts_at,
            ends_at,
            status: "planned",
            template: Some((template.id.clone(), date.to_string(), starts_at, closes_at)),
            tasks: template.tasks.clone(),
        };
        if ends_at + Duration::minutes(RECORDED_AFTER_MINUTES) <= region.now {
            match caregiver {
                // Nobody could go, or the client cancelled (hospital, family visit).
                None => visit.status = "cancelled",
                Some(_) if rng.chance(30) => visit.status = "cancelled",
                Some(caregiver) => {
                    visit.status = "done";
                    day.records.push(record(
                        &mut rng, &visit, template, caregiver, &units, region.now,
                    ));
                }
            }
        }
        day.visits.push(visit);
    }
    day
}

/// What the caregiver's phone sent for a visit she made.
fn record(
    rng: &mut Rng,
    visit: &VisitRow,
    template: &TemplateRow,
    caregiver: &str,
    units: &BTreeMap<String, TaskUnit>,
    now: DateTime<Utc>,
) -> RecordRow {
    let late = rng.chance(80);
    let arrived_at = visit.starts_at
        + Duration::minutes(if late {
            rng.between(15, 40)
        } else {
            rng.between(-5, 8)
        });
    let not_home = rng.chance(10);
    let left_at = arrived_at
        + Duration::minutes(if not_home {
            5
        } else {
            template.minutes + rng.between(-5, 5)
        });
    let mut incidents = Vec::new();
    if not_home {
        incidents.push(IncidentInput {
            kind: IncidentKind::ClientNotHome,
            note: Some("Klient neotvíral, telefon nebral.".into()),
        });
    } else if rng.chance(3) {
        incidents.push(IncidentInput {
            kind: IncidentKind::Fall,
            note: Some("Klient upadl v bytě, bez zranění.".into()),
        });
    } else if rng.chance(5) {
        incidents.push(IncidentInput {
            kind: IncidentKind::HealthChange,
            note: Some("Klient je zmatený, doporučena návštěva lékaře.".into()),
        });
    }
    let tasks = if not_home {
        Vec::new()
    } else {
        visit
            .tasks
            .iter()
            .map(|code| TaskDoneInput {
                task_code: code.clone(),
                units: match units.get(code) {
                    Some(TaskUnit::Hour) | None => None,
                    Some(TaskUnit::Kg) => Some(u32::try_from(rng.between(1, 5)).unwrap_or(1)),
                    Some(_) => Some(1),
                },
            })
            .collect()
    };
    // Some caregivers tap "arrived" only once inside, and correct the time with a reason.
    let tapped_late = rng.chance(20);
    let recorded_at = left_at + Duration::minutes(rng.between(0, 3));
    // A phone without signal sends its outbox hours later.
    let delay = if rng.chance(100) {
        rng.between(30 * 60, 6 * 3600)
    } else {
        rng.between(1, 90)
    };
    let record_id = rng.uuid();
    let input = VisitRecordInput {
        record_id: record_id.clone(),
        device_id: format!("phone-{caregiver}"),
        visit_id: visit.id.clone(),
        recorded_at,
        planned_starts_at: visit.starts_at,
        clock_arrived_at: if tapped_late {
            arrived_at + Duration::minutes(6)
        } else {
            arrived_at
        },
        clock_left_at: left_at,
        arrived_at,
        left_at,
        time_edit_reason: tapped_late.then(|| "Příchod zapsán až po vstupu do bytu.".to_owned()),
        tasks,
        note: rng
            .chance(100)
            .then(|| "Klient v pořádku, bez potíží.".to_owned()),
        incidents,
    };
    // As the server stores it: the parsed input written back out.
    let fingerprint = serde_json::to_string(&input).unwrap_or_default();
    RecordRow {
        incident_ids: input
            .incidents
            .iter()
            .map(|incident| format!("inc-{record_id}-{}", incident.kind.as_str()))
            .collect(),
        input,
        provider_id: visit.provider_id.clone(),
        client_id: visit.client_id.clone(),
        caregiver_id: caregiver.to_owned(),
        received_at: (recorded_at + Duration::seconds(delay)).min(now),
        fingerprint,
        planned_tasks: visit.tasks.clone(),
    }
}
