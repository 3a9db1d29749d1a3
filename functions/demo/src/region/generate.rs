//! The registry of a whole region: providers over the ORP, their staff with working terms,
//! clients on real municipalities weighted by their 60+ population, care plans, the weekly
//! visit templates of each caregiver's route, price lists and family links.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use shared::catalogue::TaskUnit;
use shared::identity::Role;
use shared::time::prague_date;

use super::names::{person, street};
use super::vocabulary::{
    DOORSTEP_NOTES, GOALS, PROVIDER_KINDS, SHIFT, SKILLS, SLOTS, WINDOW_MINUTES, WORK_WEEKS,
    agreed_tasks, apportion, contacts, orps, visit_tasks, wall_time,
};
use super::{Region, Routine};
use crate::rng::Rng;
use crate::rows::{
    AbsenceRow, CarePlanRow, CaregiverRow, ClientRow, FamilyLinkRow, PriceListRow, ProviderRow,
    TemplateRow, UserRow,
};
use crate::sources::{Municipality, care_tasks, municipalities, payment_caps};

/// What to generate. `Params::region(seed)` is the whole region.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub seed: u64,
    pub providers: usize,
    pub clients: usize,
    /// Clients on one caregiver's route; a provider has as many caregivers as its clients
    /// need, plus one who covers absences.
    pub clients_per_caregiver: usize,
    /// Days of visits before today, and after it (today included in the latter).
    pub days_before: i64,
    pub days_ahead: i64,
}

impl Params {
    /// The region of the issue: 39 providers, about 500 caregivers, 6,000 clients, a year.
    pub fn region(seed: u64) -> Self {
        Self {
            seed,
            providers: 39,
            clients: 6000,
            clients_per_caregiver: 14,
            days_before: 365,
            days_ahead: 14,
        }
    }
}

/// Builds the whole registry; `now` fixes every date, so the same seed and `now` give the
/// same region.
pub fn generate(params: &Params, now: DateTime<Utc>) -> Region {
    let municipalities = municipalities();
    let catalogue = care_tasks();
    let today = prague_date(now);
    let first_day = today - Duration::days(params.days_before);
    let root = Rng::new(params.seed);
    let orps = orps(&municipalities);
    let weights: Vec<u64> = orps
        .iter()
        .map(|(_, towns)| towns.iter().map(|m| m.population_60_plus).sum())
        .collect();
    // Every ORP has a provider; the rest go where more old people live.
    let extra = apportion(params.providers.saturating_sub(orps.len()), &weights);
    let clients_per_orp = apportion(params.clients, &weights);
    let mut builder = Builder {
        region: Region {
            now,
            providers: Vec::new(),
            users: Vec::new(),
            caregivers: Vec::new(),
            absences: Vec::new(),
            clients: Vec::new(),
            care_plans: Vec::new(),
            templates: Vec::new(),
            price_lists: Vec::new(),
            family_links: Vec::new(),
            days: (0..params.days_before + params.days_ahead)
                .map(|offset| first_day + Duration::days(offset))
                .collect(),
            routine: Routine::Demo,
        },
        catalogue: &catalogue,
        params,
        first_day,
        floaters: BTreeMap::new(),
    };
    builder.region.users.push(UserRow {
        id: "user-kraj".into(),
        username: "kraj".into(),
        display_name: "Krajský Referent".into(),
        role: Role::RegionOfficer,
        provider_id: None,
    });
    for (orp_index, ((_, towns), clients)) in orps.iter().zip(clients_per_orp).enumerate() {
        let providers_here = 1 + extra[orp_index];
        // The first provider of an ORP is the big one (the town's own service): half the
        // ORP's clients when others share it.
        let others = providers_here as u64 - 1;
        let shares: Vec<u64> = (0..providers_here)
            .map(|i| if i == 0 { others.max(1) } else { 1 })
            .collect();
        for clients_of_provider in apportion(clients, &shares) {
            let number = builder.region.providers.len() + 1;
            builder.provider(root.fork(number as u64), number, towns, clients_of_provider);
        }
    }
    let absent = absences_by_caregiver(&builder.region.absences);
    let floaters = std::mem::take(&mut builder.floaters);
    let mut region = builder.region;
    region.routine = Routine::Generated {
        rng: root.fork(u64::MAX),
        absent,
        floaters,
    };
    region
}

fn absences_by_caregiver(absences: &[AbsenceRow]) -> BTreeMap<String, Vec<(NaiveDate, NaiveDate)>> {
    let mut absent: BTreeMap<String, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    for absence in absences {
        let (Ok(from), Ok(to)) = (absence.from_date.parse(), absence.to_date.parse()) else {
            continue;
        };
        absent
            .entry(absence.user_id.clone())
            .or_default()
            .push((from, to));
    }
    absent
}

struct Builder<'a> {
    region: Region,
    catalogue: &'a [(String, TaskUnit)],
    params: &'a Params,
    first_day: NaiveDate,
    floaters: BTreeMap<String, String>,
}

impl Builder<'_> {
    fn user(
        &mut self,
        username: String,
        display_name: String,
        role: Role,
        provider: &str,
    ) -> String {
        let id = format!("user-{username}");
        self.region.users.push(UserRow {
            id: id.clone(),
            username,
            display_name,
            role,
            provider_id: Some(provider.to_owned()),
        });
        id
    }

    fn provider(&mut self, mut rng: Rng, number: usize, towns: &[&Municipality], clients: usize) {
        let seat = towns
            .iter()
            .max_by_key(|town| town.population_60_plus)
            .copied()
            .unwrap_or(towns[0]);
        let id = format!("prov-{number:02}");
        let kind = PROVIDER_KINDS[(number - 1) % PROVIDER_KINDS.len()];
        self.region.providers.push(ProviderRow {
            id: id.clone(),
            name: format!("{kind} {} ({number:02})", seat.orp_name),
            municipality_code: seat.code.clone(),
            // The office every caregiver's phone calls ("Zavolat do kanceláře").
            office_phone: Some(format!("+420 4{number:02} 100 100")),
            // Synthetic: the 99… range is not given to real companies here.
            ico: format!("99{:06}", 100 + number),
            address: format!("Náměstí {number}, {}", seat.name),
        });
        let manager = self.user(
            format!("vedouci.p{number:02}"),
            person(&mut rng, true),
            Role::ProviderManager,
            &id,
        );
        let coordinator = self.user(
            format!("koordinator.p{number:02}"),
            person(&mut rng, true),
            Role::Coordinator,
            &id,
        );
        self.price_list(&mut rng, &id, &manager);
        let routes = clients.div_ceil(self.params.clients_per_caregiver).max(1);
        let mut caregivers = Vec::with_capacity(routes);
        for index in 0..=routes {
            let woman = !rng.chance(100);
            let user_id = self.user(
                format!("pecovatel.p{number:02}.{:02}", index + 1),
                person(&mut rng, woman),
                Role::Caregiver,
                &id,
            );
            let week = if index == routes {
                "1234567"
            } else {
                *rng.pick(&WORK_WEEKS)
            };
            self.caregiver(&mut rng, &user_id, week, seat);
            if index == routes {
                self.floaters.insert(id.clone(), user_id);
            } else {
                caregivers.push((user_id, week, [[false; 7]; SLOTS.len()]));
            }
        }
        for client in 0..clients {
            let town = towns[rng.weighted(
                &towns
                    .iter()
                    .map(|t| t.population_60_plus)
                    .collect::<Vec<_>>(),
            )];
            let route = &mut caregivers[client % routes];
            let client_id = format!("cl-p{number:02}-{:04}", client + 1);
            self.client(&mut rng, &id, &client_id, town, &coordinator, route);
        }
    }

    fn price_list(&mut self, rng: &mut Rng, provider: &str, manager: &str) {
        let caps = payment_caps();
        let current = caps
            .iter()
            .filter(|(_, item, _)| item == "hour")
            .max_by(|a, b| a.0.cmp(&b.0));
        let (valid_from, _, hour_cap) =
            current
                .cloned()
                .unwrap_or(("2024-07-01".into(), "hour".into(), 16500));
        self.region.price_lists.push(PriceListRow {
            provider_id: provider.to_owned(),
            valid_from,
            // In whole crowns, up to 20 Kč under the cap.
            hourly_rate: hour_cap - rng.between(0, 20) * 100,
            saved_by: manager.to_owned(),
            unit_prices: caps
                .iter()
                .filter(|(_, item, _)| item != "hour")
                .map(|(_, item, cap)| (item.clone(), cap - rng.between(0, cap / 1000) * 100))
                .collect(),
        });
    }

    fn caregiver(&mut self, rng: &mut Rng, user_id: &str, week: &str, seat: &Municipality) {
        let mut skills: Vec<String> = SKILLS
            .iter()
            .filter(|_| rng.chance(400))
            .map(|skill| (*skill).to_owned())
            .collect();
        skills.sort();
        let shifts = week
            .chars()
            .filter_map(|day| day.to_digit(10))
            .map(|day| (i64::from(day), SHIFT.0.to_owned(), SHIFT.1.to_owned()))
            .collect();
        let jitter = |rng: &mut Rng| (rng.between(-80, 80) as f64) / 10_000.0;
        self.region.caregivers.push(CaregiverRow {
            user_id: user_id.to_owned(),
            contract_minutes_per_week: *rng.pick(&[30 * 60, 40 * 60, 40 * 60]),
            home: Some((
                street(rng),
                seat.latitude + jitter(rng),
                seat.longitude + jitter(rng),
            )),
            skills,
            shifts,
        });
        let days = self.params.days_before + self.params.days_ahead;
        // A holiday week most years, and a few days of sickness for some.
        for (number, (length, reason, per_mille)) in
            [(7, "dovolená", 900), (rng.between(1, 5), "nemoc", 500)]
                .into_iter()
                .enumerate()
        {
            if rng.chance(per_mille) {
                let from = self.first_day + Duration::days(rng.between(0, days - length));
                self.region.absences.push(AbsenceRow {
                    id: format!("absence-{user_id}-{}", number + 1),
                    user_id: user_id.to_owned(),
                    from_date: from.to_string(),
                    to_date: (from + Duration::days(length - 1)).to_string(),
                    reason: reason.to_owned(),
                });
            }
        }
    }

    fn client(
        &mut self,
        rng: &mut Rng,
        provider: &str,
        client_id: &str,
        town: &Municipality,
        coordinator: &str,
        route: &mut (String, &str, [[bool; 7]; SLOTS.len()]),
    ) {
        let level = [None, Some(1), Some(1), Some(2), Some(2), Some(3), Some(4)]
            [rng.weighted(&[15, 15, 15, 15, 15, 15, 10])];
        let service_from = self.first_day - Duration::days(rng.between(0, 2000));
        let jitter = |rng: &mut Rng| (rng.between(-60, 60) as f64) / 10_000.0;
        let contacts = contacts(rng);
        let relative = contacts[0].0.clone();
        self.region.clients.push(ClientRow {
            id: client_id.to_owned(),
            provider_id: provider.to_owned(),
            name: {
                let woman = rng.chance(700);
                person(rng, woman)
            },
            street: street(rng),
            municipality_code: town.code.clone(),
            latitude: town.latitude + jitter(rng),
            longitude: town.longitude + jitter(rng),
            care_allowance_level: level,
            care_allowance_from: level.map(|_| service_from.to_string()),
            service_from: Some(service_from.to_string()),
            doorstep_note: rng
                .chance(300)
                .then(|| (*rng.pick(&DOORSTEP_NOTES)).to_owned()),
            key_risks: None,
            internal_note: None,
            contacts,
        });
        let agreed = agreed_tasks(rng, self.catalogue, level);
        self.region.care_plans.push(CarePlanRow {
            id: format!("plan-{client_id}-1"),
            provider_id: provider.to_owned(),
            client_id: client_id.to_owned(),
            goals: (*rng.pick(&GOALS)).to_owned(),
            agreed_tasks: agreed.join(","),
            valid_from: service_from.to_string(),
            created_by: coordinator.to_owned(),
        });
        let visits_a_week = match level {
            None | Some(1) => rng.between(1, 2),
            Some(2) => rng.between(2, 3),
            Some(3) => rng.between(3, 4),
            _ => 5,
        };
        let (caregiver, week, grid) = route;
        self.template(
            rng,
            provider,
            client_id,
            &agreed,
            (caregiver, week, grid),
            visits_a_week,
            service_from,
        );
        if rng.chance(100) {
            // The family member in the app is the client's first contact person.
            self.family(relative, client_id, provider, coordinator);
        }
    }

    /// The client's weekly visit in the first route slot with enough free working days.
    #[allow(clippy::too_many_arguments)]
    fn template(
        &mut self,
        rng: &mut Rng,
        provider: &str,
        client_id: &str,
        agreed: &[String],
        (caregiver, week, grid): (&str, &str, &mut [[bool; 7]; SLOTS.len()]),
        visits_a_week: i64,
        valid_from: NaiveDate,
    ) {
        let working: Vec<usize> = week
            .chars()
            .filter_map(|d| d.to_digit(10))
            .map(|d| d as usize - 1)
            .collect();
        let wanted = usize::try_from(visits_a_week).unwrap_or(1);
        let first_slot = usize::try_from(rng.below(SLOTS.len() as u64)).unwrap_or(0);
        let Some(slot) = (0..SLOTS.len())
            .map(|offset| (first_slot + offset) % SLOTS.len())
            .max_by_key(|slot| {
                working
                    .iter()
                    .filter(|d| !grid[*slot][**d])
                    .count()
                    .min(wanted)
            })
        else {
            return;
        };
        let days: Vec<usize> = working
            .iter()
            .copied()
            .filter(|d| !grid[slot][*d])
            .take(wanted)
            .collect();
        if days.is_empty() {
            return;
        }
        for day in &days {
            grid[slot][*day] = true;
        }
        let (hour, minute) = SLOTS[slot];
        let (minutes, tasks) = visit_tasks(rng, agreed);
        let number = self.region.templates.len() + 1;
        self.region.templates.push(TemplateRow {
            id: format!("tpl-{client_id}-{number}"),
            provider_id: provider.to_owned(),
            client_id: client_id.to_owned(),
            weekdays: days.iter().map(|d| char::from(b'1' + *d as u8)).collect(),
            window: (
                wall_time(hour, minute),
                wall_time(hour, minute + WINDOW_MINUTES),
            ),
            minutes,
            tasks,
            preferred_caregiver_id: Some(caregiver.to_owned()),
            valid_from: valid_from.to_string(),
        });
    }

    fn family(&mut self, name: String, client_id: &str, provider: &str, coordinator: &str) {
        let username = format!("rodina.{client_id}");
        let user_id = format!("user-{username}");
        self.region.users.push(UserRow {
            id: user_id.clone(),
            username,
            display_name: name,
            role: Role::FamilyMember,
            provider_id: None,
        });
        self.region.family_links.push(FamilyLinkRow {
            id: format!("link-{user_id}-{client_id}"),
            user_id,
            client_id: client_id.to_owned(),
            provider_id: provider.to_owned(),
            created_by: coordinator.to_owned(),
        });
    }
}
