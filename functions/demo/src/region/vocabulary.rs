//! The generator's vocabulary and its small draws: the route's time slots and the shift,
//! the working weeks, skills, kinds of provider, care goals, who a contact person is, notes
//! at the door; the tasks of a visit and of a plan, and how clients are shared out.

use std::collections::BTreeMap;

use shared::catalogue::TaskUnit;

use super::names::{person, phone};
use crate::rng::Rng;
use crate::sources::Municipality;

/// When each route slot starts (Prague wall time) and the longest visit it takes: the rest
/// of the slot is travel.
pub(super) const SLOTS: [(u32, u32); 7] = [
    (7, 0),
    (8, 15),
    (9, 30),
    (10, 45),
    (12, 0),
    (13, 15),
    (14, 30),
];
/// How long after its slot's start a visit may begin.
pub(super) const WINDOW_MINUTES: u32 = 15;
pub(super) const SHIFT: (&str, &str) = ("07:00", "15:45");
/// Which days a caregiver works: most Monday to Friday, some through the weekend.
pub(super) const WORK_WEEKS: [&str; 5] = ["12345", "12345", "12345", "12567", "34567"];
pub(super) const SKILLS: [&str; 4] = ["přesun", "koupel", "řidič", "demence"];
pub(super) const PROVIDER_KINDS: [&str; 5] = [
    "Pečovatelská služba",
    "Charita",
    "Diakonie – pečovatelská služba",
    "Sociální služby",
    "Domácí péče",
];
pub(super) const GOALS: [&str; 5] = [
    "Chce zůstat doma a zvládat den s dopomocí při hygieně.",
    "Potřebuje pravidelnou stravu a pomoc s domácností.",
    "Chce se bezpečně pohybovat po bytě a chodit na nákup s doprovodem.",
    "Rodina pomáhá o víkendech, ve všední dny potřebuje dopomoc.",
    "Po hospitalizaci se zotavuje, cílem je samostatnost v hygieně.",
];
/// How the first person to call is related to the client, and the one a few clients have
/// besides (a neighbour with a key).
const RELATIVES: [(&str, bool); 6] = [
    ("dcera", true),
    ("syn", false),
    ("manželka", true),
    ("manžel", false),
    ("snacha", true),
    ("vnučka", true),
];
const NEIGHBOURS: [(&str, bool); 2] = [("soused", false), ("sousedka", true)];
pub(super) const DOORSTEP_NOTES: [&str; 4] = [
    "Klíč v klíčence u dveří.",
    "Zvonit dvakrát, klientka špatně slyší.",
    "Vchod ze dvora.",
    "Pozor na psa.",
];

/// Whom to call about a client: a relative, and for one client in four a neighbour too.
pub(super) fn contacts(rng: &mut Rng) -> Vec<(String, String, String)> {
    let mut people = vec![*rng.pick(&RELATIVES)];
    if rng.chance(250) {
        people.push(*rng.pick(&NEIGHBOURS));
    }
    people
        .into_iter()
        .map(|(relation, woman)| (person(rng, woman), relation.to_owned(), phone(rng)))
        .collect()
}

/// `HH:MM`; minutes past 59 carry into the hour.
pub(super) fn wall_time(hour: u32, minute: u32) -> String {
    format!("{:02}:{:02}", hour + minute / 60, minute % 60)
}

/// The minutes of a visit and the tasks done at it, by its care plan's tasks.
pub(super) fn visit_tasks(rng: &mut Rng, agreed: &[String]) -> (i64, Vec<String>) {
    let count = usize::try_from(rng.between(1, 3))
        .unwrap_or(1)
        .min(agreed.len());
    let start = usize::try_from(rng.below(agreed.len() as u64)).unwrap_or(0);
    let mut tasks: Vec<String> = (0..count)
        .map(|offset| agreed[(start + offset) % agreed.len()].clone())
        .collect();
    tasks.sort();
    let minutes = *rng.pick(&[20, 30, 45, 60]);
    (minutes, tasks)
}

/// The tasks a client's care plan agrees, more the higher the care allowance.
pub(super) fn agreed_tasks(
    rng: &mut Rng,
    catalogue: &[(String, TaskUnit)],
    level: Option<i64>,
) -> Vec<String> {
    let count = 2 + usize::try_from(level.unwrap_or(0)).unwrap_or(0);
    let mut tasks: Vec<String> = Vec::new();
    while tasks.len() < count {
        let (code, _) = rng.pick(catalogue);
        if !tasks.contains(code) {
            tasks.push(code.clone());
        }
    }
    tasks.sort();
    tasks
}

/// Splits `total` over `weights` in proportion, the remainders to the largest fractions.
pub(super) fn apportion(total: usize, weights: &[u64]) -> Vec<usize> {
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let total_u64 = total as u64;
    let mut shares: Vec<usize> = weights
        .iter()
        .map(|weight| usize::try_from(total_u64 * weight / sum).unwrap_or(0))
        .collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse((total_u64 * weights[index]) % sum));
    let given: usize = shares.iter().sum();
    for &index in order.iter().cycle().take(total.saturating_sub(given)) {
        shares[index] += 1;
    }
    shares
}

/// The ORP of the region with their municipalities, in code order.
pub(super) fn orps(municipalities: &[Municipality]) -> Vec<(String, Vec<&Municipality>)> {
    let mut by_orp: BTreeMap<String, Vec<&Municipality>> = BTreeMap::new();
    for municipality in municipalities {
        by_orp
            .entry(municipality.orp_code.clone())
            .or_default()
            .push(municipality);
    }
    by_orp.into_iter().collect()
}
