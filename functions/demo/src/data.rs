//! What the demo holds, as plain data: two providers on real municipalities of the region,
//! their staff, clients, care plans and a daily route, the region's training centres. No
//! real person's data: names and streets are invented. Each area's writer
//! (`identity`, `scheduling`, `care_records`, `training`) puts its part into its tables.

use shared::identity::Role;

/// The password of every demo account (README lists the accounts).
pub const DEMO_PASSWORD: &str = "demo1234";

#[derive(Debug)]
pub struct DemoProvider {
    pub id: &'static str,
    pub name: &'static str,
    pub municipality: &'static str,
    /// Made up for the demo (601 000 0xx), not taken from anyone.
    pub office_phone: &'static str,
    /// Synthetic: no real company has these numbers.
    pub ico: &'static str,
    pub address: &'static str,
}

pub const PROVIDERS: [DemoProvider; 2] = [
    DemoProvider {
        id: "prov-decin",
        name: "Pečovatelská služba Děčín (demo)",
        municipality: "562335",
        office_phone: "+420 601 000 001",
        ico: "99000011",
        address: "Zahradní 1, 405 02 Děčín",
    },
    DemoProvider {
        id: "prov-louny",
        name: "Charita Louny – pečovatelská služba (demo)",
        municipality: "565971",
        office_phone: "+420 601 000 002",
        ico: "99000029",
        address: "Mírové náměstí 5, 440 01 Louny",
    },
];

/// username, display name, role, provider
pub const USERS: [(&str, &str, Role, Option<&str>); 11] = [
    (
        "vedouci.decin",
        "Alena Vedoucí",
        Role::ProviderManager,
        Some("prov-decin"),
    ),
    (
        "koordinator.decin",
        "Petr Koordinátor",
        Role::Coordinator,
        Some("prov-decin"),
    ),
    (
        "pecovatelka.decin",
        "Jana Pečovatelka",
        Role::Caregiver,
        Some("prov-decin"),
    ),
    (
        "pecovatel.decin",
        "Martin Pečovatel",
        Role::Caregiver,
        Some("prov-decin"),
    ),
    (
        "vedouci.louny",
        "Eva Vedoucí",
        Role::ProviderManager,
        Some("prov-louny"),
    ),
    (
        "pecovatelka.louny",
        "Lucie Pečovatelka",
        Role::Caregiver,
        Some("prov-louny"),
    ),
    ("kraj", "Krajský Referent", Role::RegionOfficer, None),
    ("analytik", "Datový Analytik", Role::DataAnalyst, None),
    ("lektor", "Lektor IVC", Role::Lecturer, None),
    ("rodina.decin", "Dcera Ukázková", Role::FamilyMember, None),
    ("rodina.louny", "Syn Vzorový", Role::FamilyMember, None),
];

/// family member, client
pub const FAMILY_LINKS: [(&str, &str, &str); 2] = [
    ("rodina.decin", "cl-d1", "koordinator.decin"),
    ("rodina.louny", "cl-l2", "vedouci.louny"),
];

/// Every caregiver works every day, 07:00–15:30 (weekday 1 = Monday … 7 = Sunday): the demo
/// route runs at weekends too.
pub const SHIFT: (&str, &str) = ("07:00", "15:30");

/// caregiver, skills, contract minutes a week
pub const CAREGIVERS: [(&str, &[&str], i64); 3] = [
    ("pecovatelka.decin", &["přesun", "koupel"], 40 * 60),
    ("pecovatel.decin", &["přesun", "řidič"], 30 * 60),
    ("pecovatelka.louny", &["koupel"], 40 * 60),
];

/// A care plan's weekly visit the planner generates into the week.
#[derive(Debug)]
pub struct DemoTemplate {
    pub id: &'static str,
    pub provider: &'static str,
    pub client: &'static str,
    pub weekdays: &'static str,
    pub window: (&'static str, &'static str),
    pub minutes: i64,
    pub task: &'static str,
    pub preferred: Option<&'static str>,
}

pub const TEMPLATES: [DemoTemplate; 2] = [
    // A big clean for František Testovací every Wednesday, by his usual caregiver.
    DemoTemplate {
        id: "tpl-cl-d6-uklid",
        provider: "prov-decin",
        client: "cl-d6",
        weekdays: "3",
        window: ("13:00", "14:00"),
        minutes: 90,
        task: "d3",
        preferred: Some("pecovatel.decin"),
    },
    // A large shopping trip for Zdeňka Příkladová on Fridays, not yet given to anyone.
    DemoTemplate {
        id: "tpl-cl-l3-nakup",
        provider: "prov-louny",
        client: "cl-l3",
        weekdays: "5",
        window: ("14:00", "15:00"),
        minutes: 60,
        task: "d7",
        preferred: None,
    },
];

/// A training day of a caregiver, three weeks after the demo starts: after the demo's
/// visits, so the plan stays free of conflicts.
pub const ABSENCE: (&str, &str, i64, &str) =
    ("absence-demo-decin", "pecovatel.decin", 21, "školení");

/// The care plan of Marie Ukázková: goals and the tasks agreed with her.
pub const CARE_PLAN: (&str, &str, &str, &str) = (
    "plan-cl-d1-1",
    "cl-d1",
    "Paní Ukázková chce zůstat doma. Ranní hygiena a oblékání s dopomocí, oběd dovezený \
     v poledne; dcera zajišťuje nákupy.",
    "a2,b1,c2",
);

/// lecturer, training centre
pub const LECTURERS: [(&str, &str); 1] = [("lektor", "ivc-usti")];

/// id, provider, name, street, municipality, care allowance level, doorstep note
pub type DemoClient = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    Option<&'static str>,
);

pub const CLIENTS: [DemoClient; 10] = [
    (
        "cl-d1",
        "prov-decin",
        "Marie Ukázková",
        "Zahradní 12",
        "562335",
        Some(2),
        Some("Klíč v klíčence u dveří, kód 1945."),
    ),
    (
        "cl-d2",
        "prov-decin",
        "Josef Vzorový",
        "Lipová 3",
        "562351",
        Some(3),
        None,
    ),
    (
        "cl-d3",
        "prov-decin",
        "Anna Příkladová",
        "Náměstí 48",
        "562394",
        Some(1),
        Some("Pozor na psa, zvonit dvakrát."),
    ),
    (
        "cl-d4",
        "prov-decin",
        "Karel Zkušební",
        "Polní 7",
        "562564",
        Some(4),
        None,
    ),
    (
        "cl-d5",
        "prov-decin",
        "Věra Modelová",
        "Krátká 150",
        "546496",
        Some(2),
        None,
    ),
    (
        "cl-d6",
        "prov-decin",
        "František Testovací",
        "Horní 22",
        "562521",
        None,
        Some("Bydlí ve 2. patře bez výtahu."),
    ),
    (
        "cl-l1",
        "prov-louny",
        "Ludmila Ukázková",
        "Husova 5",
        "565971",
        Some(3),
        None,
    ),
    (
        "cl-l2",
        "prov-louny",
        "Jiří Vzorový",
        "Nádražní 18",
        "566624",
        Some(2),
        Some("Vchod ze dvora."),
    ),
    (
        "cl-l3",
        "prov-louny",
        "Zdeňka Příkladová",
        "Pod Lesem 4",
        "566551",
        Some(1),
        None,
    ),
    (
        "cl-l4",
        "prov-louny",
        "Václav Modelový",
        "Školní 9",
        "542571",
        Some(2),
        None,
    ),
];

/// One visit of a caregiver's daily route.
#[derive(Debug)]
pub struct RouteStop {
    pub caregiver: &'static str,
    pub client: &'static str,
    /// Prague wall time.
    pub start: (u32, u32),
    pub minutes: i64,
    pub tasks: &'static [&'static str],
}

const fn stop(
    caregiver: &'static str,
    client: &'static str,
    start: (u32, u32),
    minutes: i64,
    tasks: &'static [&'static str],
) -> RouteStop {
    RouteStop {
        caregiver,
        client,
        start,
        minutes,
        tasks,
    }
}

pub const DAILY_ROUTES: [RouteStop; 12] = [
    stop("pecovatelka.decin", "cl-d1", (7, 30), 60, &["b1", "a2"]),
    stop("pecovatelka.decin", "cl-d2", (9, 0), 45, &["a4", "b1"]),
    stop("pecovatelka.decin", "cl-d3", (10, 15), 60, &["d1", "d6"]),
    stop("pecovatelka.decin", "cl-d1", (11, 45), 20, &["c2"]),
    stop("pecovatelka.decin", "cl-d5", (13, 0), 45, &["c4", "a1"]),
    stop("pecovatel.decin", "cl-d4", (7, 0), 90, &["b1", "a4", "a2"]),
    stop("pecovatel.decin", "cl-d6", (9, 0), 60, &["d5", "d4"]),
    stop("pecovatel.decin", "cl-d4", (12, 0), 30, &["c4"]),
    stop("pecovatelka.louny", "cl-l1", (7, 30), 60, &["b1", "b2"]),
    stop("pecovatelka.louny", "cl-l2", (9, 0), 45, &["d6"]),
    stop("pecovatelka.louny", "cl-l3", (10, 30), 60, &["e1"]),
    stop("pecovatelka.louny", "cl-l4", (12, 0), 20, &["c2"]),
];

pub const TRAINING_CENTRES: [(&str, &str, &str); 2] = [
    ("ivc-usti", "IVC Ústí nad Labem (demo)", "554804"),
    ("ivc-most", "IVC Most (demo)", "567027"),
];

/// provider, manager who saved it, haléře per hour; unit prices are the caps'.
pub const PRICE_LISTS: [(&str, &str, i64); 2] = [
    ("prov-decin", "vedouci.decin", 16500),
    ("prov-louny", "vedouci.louny", 15000),
];

/// Incidents on yesterday's records: provider, index of the route stop, kind, note.
pub const INCIDENTS: [(&str, usize, &str, &str); 2] = [
    ("decin", 1, "health_change", "Klient si stěžuje na závratě."),
    ("louny", 9, "fall", "Klient upadl v koupelně, bez zranění."),
];

/// The staff internal note on a client: client, note.
pub const INTERNAL_NOTE: (&str, &str) = (
    "cl-d1",
    "Dcera žádá volat jen po 16. hodině (interní poznámka).",
);

/// Whom to call about a client: client, name, relation, phone. Invented people; the
/// 601 000 0xx numbers are made up, not taken from anyone.
pub const CONTACTS: [(&str, &str, &str, &str); 11] = [
    ("cl-d1", "Hana Ukázková", "dcera", "+420 601 000 011"),
    ("cl-d1", "Pavel Soused", "soused", "+420 601 000 012"),
    ("cl-d2", "Tomáš Vzorový", "syn", "+420 601 000 021"),
    ("cl-d3", "Lenka Příkladová", "dcera", "+420 601 000 031"),
    ("cl-d4", "Jana Zkušební", "manželka", "+420 601 000 041"),
    ("cl-d5", "Petra Modelová", "dcera", "+420 601 000 051"),
    ("cl-d6", "Martin Testovací", "syn", "+420 601 000 061"),
    ("cl-l1", "Ivana Ukázková", "snacha", "+420 601 000 071"),
    ("cl-l2", "Eva Vzorová", "dcera", "+420 601 000 081"),
    ("cl-l3", "Karel Příklad", "soused", "+420 601 000 091"),
    ("cl-l4", "Olga Modelová", "neteř", "+420 601 000 099"),
];

/// The key risks on a client's record: client, risks.
pub const KEY_RISKS: [(&str, &str); 2] = [
    ("cl-d1", "Riziko pádu, chodí s chodítkem."),
    ("cl-d5", "Alergie na penicilin; klíč v klíčence."),
];

/// Days of visits around the day the demo starts: from yesterday to thirteen days ahead.
pub const VISIT_DAYS: std::ops::Range<i64> = -1..14;

/// How long before the demo starts its templates and care plan apply.
pub const PLANS_VALID_DAYS_BEFORE: i64 = 30;

/// The provider of a demo client, from the table above.
pub fn client_provider(client: &str) -> Option<&'static str> {
    CLIENTS
        .iter()
        .find(|(id, ..)| *id == client)
        .map(|(_, provider, ..)| *provider)
}

/// The user id of a demo account.
pub fn user_id(username: &str) -> String {
    format!("user-{username}")
}

/// The id of the visit of route stop `index` on `day`.
pub fn visit_id(day: chrono::NaiveDate, index: usize) -> String {
    format!("visit-{day}-{index:02}")
}
