//! The demo as a region: the hand-written facts of `data` turned into the rows the area
//! writers take, so the demo and a generated region go into the database the same way.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use shared::catalogue::TaskUnit;
use shared::records::{IncidentInput, IncidentKind, TaskDoneInput, VisitRecordInput};
use shared::time::{from_prague, prague_date};

use crate::data::{
    ABSENCE, CARE_PLAN, CAREGIVERS, CLIENTS, CONTACTS, DAILY_ROUTES, FAMILY_LINKS, INCIDENTS,
    INTERNAL_NOTE, KEY_RISKS, PLANS_VALID_DAYS_BEFORE, PRICE_LISTS, PROVIDERS, SHIFT, TEMPLATES,
    USERS, VISIT_DAYS, client_provider, user_id, visit_id,
};
use crate::region::{Day, Region, Routine};
use crate::rows::{
    AbsenceRow, CarePlanRow, CaregiverRow, ClientRow, FamilyLinkRow, PriceListRow, ProviderRow,
    RecordRow, TemplateRow, UserRow, VisitRow,
};
use crate::sources::{care_tasks, municipalities, payment_caps};

/// The date demo price lists start; unit prices are the caps of 2014.
const PRICES_FROM: &str = "2024-07-01";
const UNIT_CAPS_FROM: &str = "2014-01-01";

fn provider_of(client: &str) -> String {
    client_provider(client).unwrap_or_default().to_owned()
}

/// The demo, made at `now`.
pub fn demo(now: DateTime<Utc>) -> Region {
    let today = prague_date(now);
    let plans_from = (today - Duration::days(PLANS_VALID_DAYS_BEFORE)).to_string();
    let centres = municipalities();
    let caps = payment_caps();
    Region {
        now,
        providers: PROVIDERS
            .iter()
            .map(|p| ProviderRow {
                id: p.id.into(),
                name: p.name.into(),
                municipality_code: p.municipality.into(),
                office_phone: Some(p.office_phone.into()),
                ico: p.ico.into(),
                address: p.address.into(),
            })
            .collect(),
        users: USERS
            .iter()
            .map(|(username, display_name, role, provider)| UserRow {
                id: user_id(username),
                username: (*username).into(),
                display_name: (*display_name).into(),
                role: *role,
                provider_id: provider.map(str::to_owned),
            })
            .collect(),
        caregivers: CAREGIVERS
            .iter()
            .map(|(username, skills, minutes)| CaregiverRow {
                user_id: user_id(username),
                contract_minutes_per_week: *minutes,
                home: None,
                skills: skills.iter().map(|s| (*s).to_owned()).collect(),
                // The same shift every day: the demo route runs at weekends too.
                shifts: (1..=7)
                    .map(|day| (day, SHIFT.0.into(), SHIFT.1.into()))
                    .collect(),
            })
            .collect(),
        absences: vec![AbsenceRow {
            id: ABSENCE.0.into(),
            user_id: user_id(ABSENCE.1),
            from_date: (today + Duration::days(ABSENCE.2)).to_string(),
            to_date: (today + Duration::days(ABSENCE.2)).to_string(),
            reason: ABSENCE.3.into(),
        }],
        clients: CLIENTS
            .iter()
            .map(|(id, provider, name, street, municipality, level, note)| {
                let centre = centres.iter().find(|m| m.code == *municipality);
                // Each client lives a little off the municipality's centre point.
                let offset = (id.bytes().map(f64::from).sum::<f64>() % 17.0 - 8.0) / 1000.0;
                ClientRow {
                    id: (*id).into(),
                    provider_id: (*provider).into(),
                    name: (*name).into(),
                    street: (*street).into(),
                    municipality_code: (*municipality).into(),
                    latitude: centre.map_or(0.0, |c| c.latitude) + offset,
                    longitude: centre.map_or(0.0, |c| c.longitude) - offset,
                    care_allowance_level: *level,
                    care_allowance_from: None,
                    // Served since their plans apply: scheduling reads the date as required.
                    service_from: Some(plans_from.clone()),
                    doorstep_note: note.map(str::to_owned),
                    key_risks: KEY_RISKS
                        .iter()
                        .find(|(client, _)| client == id)
                        .map(|(_, risks)| (*risks).to_owned()),
                    internal_note: (*id == INTERNAL_NOTE.0).then(|| INTERNAL_NOTE.1.to_owned()),
                    contacts: CONTACTS
                        .iter()
                        .filter(|(client, ..)| client == id)
                        .map(|(_, name, relation, phone)| {
                            ((*name).into(), (*relation).into(), (*phone).into())
                        })
                        .collect(),
                }
            })
            .collect(),
        care_plans: vec![CarePlanRow {
            id: CARE_PLAN.0.into(),
            provider_id: provider_of(CARE_PLAN.1),
            client_id: CARE_PLAN.1.into(),
            goals: CARE_PLAN.2.into(),
            agreed_tasks: CARE_PLAN.3.into(),
            valid_from: plans_from.clone(),
            created_by: user_id("koordinator.decin"),
        }],
        templates: TEMPLATES
            .iter()
            .map(|t| TemplateRow {
                id: t.id.into(),
                provider_id: t.provider.into(),
                client_id: t.client.into(),
                weekdays: t.weekdays.into(),
                window: (t.window.0.into(), t.window.1.into()),
                minutes: t.minutes,
                tasks: vec![t.task.into()],
                preferred_caregiver_id: t.preferred.map(user_id),
                valid_from: plans_from.clone(),
            })
            .collect(),
        price_lists: PRICE_LISTS
            .iter()
            .map(|(provider, manager, hourly_rate)| PriceListRow {
                provider_id: (*provider).into(),
                valid_from: PRICES_FROM.into(),
                hourly_rate: *hourly_rate,
                saved_by: user_id(manager),
                unit_prices: caps
                    .iter()
                    .filter(|(from, item, _)| from == UNIT_CAPS_FROM && item != "hour")
                    .map(|(_, item, cap)| (item.clone(), *cap))
                    .collect(),
            })
            .collect(),
        family_links: FAMILY_LINKS
            .iter()
            .map(|(username, client, invited_by)| FamilyLinkRow {
                id: format!("link-{username}-{client}"),
                user_id: user_id(username),
                client_id: (*client).into(),
                provider_id: provider_of(client),
                created_by: user_id(invited_by),
            })
            .collect(),
        days: VISIT_DAYS
            .map(|offset| today + Duration::days(offset))
            .collect(),
        routine: Routine::Demo,
    }
}

/// The daily route on `date`; yesterday's visits done and recorded, two with an incident.
pub fn day(now: DateTime<Utc>, date: NaiveDate) -> Day {
    let yesterday = prague_date(now) - Duration::days(1);
    let units = care_tasks();
    let mut day = Day::default();
    for (index, stop) in DAILY_ROUTES.iter().enumerate() {
        let (hour, minute) = stop.start;
        // Route times lie between 07:00 and 14:00: never in a daylight-saving gap.
        let Some(starts_at) = NaiveTime::from_hms_opt(hour, minute, 0)
            .and_then(|time| from_prague(date.and_time(time)).ok())
        else {
            continue;
        };
        let ends_at = starts_at + Duration::minutes(stop.minutes);
        let visit = VisitRow {
            id: visit_id(date, index),
            provider_id: provider_of(stop.client),
            client_id: stop.client.into(),
            caregiver_id: Some(user_id(stop.caregiver)),
            starts_at,
            ends_at,
            status: if date < prague_date(now) {
                "done"
            } else {
                "planned"
            },
            template: None,
            tasks: stop.tasks.iter().map(|t| (*t).to_owned()).collect(),
        };
        if date == yesterday {
            day.records.push(demo_record(&visit, index, &units));
        }
        day.visits.push(visit);
    }
    day
}

fn demo_record(visit: &VisitRow, index: usize, units: &[(String, TaskUnit)]) -> RecordRow {
    let incidents: Vec<(&str, IncidentInput)> = INCIDENTS
        .iter()
        .filter(|(_, stop, ..)| *stop == index)
        .filter_map(|(provider, _, kind, note)| {
            let kind = IncidentKind::parse(kind)?;
            Some((
                *provider,
                IncidentInput {
                    kind,
                    note: Some((*note).into()),
                },
            ))
        })
        .collect();
    RecordRow {
        input: VisitRecordInput {
            record_id: format!("rec-{}", visit.id),
            device_id: "demo".into(),
            visit_id: visit.id.clone(),
            recorded_at: visit.ends_at,
            planned_starts_at: visit.starts_at,
            clock_arrived_at: visit.starts_at,
            clock_left_at: visit.ends_at,
            arrived_at: visit.starts_at,
            left_at: visit.ends_at,
            time_edit_reason: None,
            tasks: visit
                .tasks
                .iter()
                .map(|code| TaskDoneInput {
                    task_code: code.clone(),
                    units: units
                        .iter()
                        .any(|(c, unit)| c == code && *unit != TaskUnit::Hour)
                        .then_some(1),
                })
                .collect(),
            note: None,
            incidents: incidents
                .iter()
                .map(|(_, incident)| incident.clone())
                .collect(),
        },
        provider_id: visit.provider_id.clone(),
        client_id: visit.client_id.clone(),
        caregiver_id: visit.caregiver_id.clone().unwrap_or_default(),
        received_at: visit.ends_at,
        fingerprint: "demo".into(),
        planned_tasks: visit.tasks.clone(),
        incident_ids: incidents
            .iter()
            .map(|(provider, _)| format!("inc-demo-{provider}"))
            .collect(),
    }
}
