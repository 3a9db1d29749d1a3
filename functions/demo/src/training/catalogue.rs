//! The demo's training catalogue: the centres, the courses, their runs, the enrolments, the
//! certificates' random bytes and the staff's employment periods.

/// centre id, municipality code (for the centres `data` does not list), street, e-mail, phone
pub(super) const CENTRES: [(&str, &str, &str, &str, &str, &str); 5] = [
    (
        "ivc-usti",
        "",
        "",
        "Velká Hradební 48",
        "usti@ivc.example",
        "+420 475 000 101",
    ),
    (
        "ivc-most",
        "",
        "",
        "Budovatelů 2830",
        "most@ivc.example",
        "+420 476 000 102",
    ),
    (
        "ivc-decin",
        "IVC Děčín (demo)",
        "562335",
        "Masarykovo náměstí 1",
        "decin@ivc.example",
        "+420 412 000 103",
    ),
    (
        "ivc-litomerice",
        "IVC Litoměřice (demo)",
        "564567",
        "Mírové náměstí 15",
        "litomerice@ivc.example",
        "+420 416 000 104",
    ),
    (
        "ivc-chomutov",
        "IVC Chomutov (demo)",
        "562971",
        "Zborovská 4602",
        "chomutov@ivc.example",
        "+420 474 000 105",
    ),
];

/// A second lecturer, at the other centres: the first sees only hers.
pub(super) const SECOND_LECTURER: (&str, &str) = ("lektorka.most", "Lektorka IVC Most");
pub(super) const SECOND_LECTURER_CENTRES: [&str; 4] =
    ["ivc-most", "ivc-decin", "ivc-litomerice", "ivc-chomutov"];

/// id, title, minutes, target group, accreditation (number, valid until), description, what to bring
type DemoCourse = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    Option<(&'static str, &'static str)>,
    &'static str,
    &'static str,
);

pub(super) const COURSES: [DemoCourse; 12] = [
    (
        "kurz-presun",
        "Bezpečný přesun a polohování klienta",
        240,
        "direct_care",
        Some(("A2024/0412-PC", "2028-06-30")),
        "Nácvik přesunů z lůžka na vozík, polohování a práce s pomůckami bez přetěžování zad.",
        "Pohodlné oblečení a přezůvky.",
    ),
    (
        "kurz-hygiena",
        "Osobní hygiena u ležícího klienta",
        240,
        "direct_care",
        Some(("A2023/1187-PC", "2027-12-31")),
        "Hygiena na lůžku, péče o kůži a prevence proleženin, důstojnost a soukromí.",
        "Pracovní oděv.",
    ),
    (
        "kurz-demence",
        "Péče o člověka s demencí",
        480,
        "direct_care",
        Some(("A2024/0233-SP/PC", "2028-03-31")),
        "Dvoudenní modul: projevy demence, komunikace, zvládání neklidu a podpora rodiny.",
        "Zápisník, případně kazuistiku z vlastní praxe.",
    ),
    (
        "kurz-prvni-pomoc",
        "První pomoc v domácí péči",
        360,
        "direct_care",
        Some(("A2025/0098-PC", "2029-01-31")),
        "Resuscitace, pády, zástava krvácení a kdy volat záchrannou službu.",
        "Pohodlné oblečení.",
    ),
    (
        "kurz-komunikace",
        "Komunikace s klientem a rodinou",
        240,
        "social_work",
        None,
        "Rozhovor o potřebách, nesouhlas a stížnosti, hranice vztahu.",
        "Nic zvláštního.",
    ),
    (
        "kurz-syndrom",
        "Prevence syndromu vyhoření",
        240,
        "social_work",
        Some(("A2023/0876-SP/PC", "2027-09-30")),
        "Jak poznat přetížení a co s ním dělat v týmu i sám.",
        "Nic zvláštního.",
    ),
    (
        "kurz-standardy",
        "Standardy kvality v pečovatelské službě",
        360,
        "management",
        Some(("A2024/0321-SP", "2028-05-31")),
        "Standardy kvality sociálních služeb v praxi terénní služby, příprava na inspekci.",
        "Vnitřní pravidla vaší služby.",
    ),
    (
        "kurz-planovani",
        "Plánování péče s klientem",
        240,
        "social_work",
        None,
        "Individuální plán, cíle klienta a jejich revize.",
        "Anonymizovaný individuální plán.",
    ),
    (
        "kurz-vedeni",
        "Vedení týmu terénních pracovníků",
        480,
        "management",
        Some(("A2025/0150-SP", "2029-04-30")),
        "Dvoudenní modul pro vedoucí: porady, supervize, rozpis služeb, adaptace nových pracovníků.",
        "Organizační schéma vaší služby.",
    ),
    (
        "kurz-strava",
        "Výživa a pitný režim seniorů",
        180,
        "direct_care",
        None,
        "Podvýživa a dehydratace, dopomoc při jídle a pití.",
        "Nic zvláštního.",
    ),
    (
        "kurz-pravo",
        "Práva klientů a ochrana osobních údajů",
        180,
        "social_work",
        Some(("A2024/0777-SP/PC", "2028-10-31")),
        "Omezování pohybu, souhlas klienta, mlčenlivost a GDPR v terénu.",
        "Nic zvláštního.",
    ),
    (
        "kurz-nasili",
        "Rozpoznání zanedbávání a násilí na seniorech",
        240,
        "social_work",
        None,
        "Varovné signály, postup a spolupráce s OSPOD a policií.",
        "Nic zvláštního.",
    ),
];

/// A run: id, course, centre, lecturer, capacity, sessions as (days from today, Prague
/// start hour, minutes); `None` start hour = the hour the demo starts, less one.
pub(super) struct DemoRun {
    pub(super) id: &'static str,
    pub(super) course: &'static str,
    pub(super) centre: &'static str,
    pub(super) lecturer: &'static str,
    pub(super) capacity: i64,
    pub(super) sessions: &'static [(i64, Option<u32>, i64)],
    pub(super) room: &'static str,
}

const fn demo_run(
    id: &'static str,
    course: &'static str,
    centre: &'static str,
    capacity: i64,
    sessions: &'static [(i64, Option<u32>, i64)],
) -> DemoRun {
    let lecturer = if matches!(centre.as_bytes(), b"ivc-usti") {
        "lektor"
    } else {
        SECOND_LECTURER.0
    };
    DemoRun {
        id,
        course,
        centre,
        lecturer,
        capacity,
        sessions,
        room: "učebna 1",
    }
}

/// The run taking place today (its session is `…-1`), the two closed runs, and the run with a
/// waiting list: the API tests and the authorisation matrix name them.
const RUN_TODAY: &str = "run-demo-dnes";
pub(super) const RUN_CLOSED_USTI: &str = "run-demo-uzavreny";
pub(super) const RUN_CLOSED_MOST: &str = "run-demo-most-uzavreny";
const RUN_FULL: &str = "run-demo-plny";
const RUN_OPEN: &str = "run-demo-demence";

pub(super) const RUNS: [DemoRun; 12] = [
    demo_run(RUN_TODAY, "kurz-presun", "ivc-usti", 12, &[(0, None, 240)]),
    demo_run(
        RUN_CLOSED_USTI,
        "kurz-hygiena",
        "ivc-usti",
        12,
        &[(-30, Some(8), 240)],
    ),
    demo_run(
        RUN_CLOSED_MOST,
        "kurz-komunikace",
        "ivc-most",
        10,
        &[(-20, Some(9), 240)],
    ),
    demo_run(
        RUN_OPEN,
        "kurz-demence",
        "ivc-usti",
        14,
        &[(14, Some(8), 240), (21, Some(8), 240)],
    ),
    demo_run(
        RUN_FULL,
        "kurz-prvni-pomoc",
        "ivc-decin",
        2,
        &[(10, Some(8), 360)],
    ),
    demo_run(
        "run-demo-syndrom",
        "kurz-syndrom",
        "ivc-litomerice",
        12,
        &[(24, Some(9), 240)],
    ),
    demo_run(
        "run-demo-standardy",
        "kurz-standardy",
        "ivc-most",
        16,
        &[(31, Some(8), 360)],
    ),
    demo_run(
        "run-demo-planovani",
        "kurz-planovani",
        "ivc-chomutov",
        12,
        &[(38, Some(9), 240)],
    ),
    demo_run(
        "run-demo-vedeni",
        "kurz-vedeni",
        "ivc-usti",
        10,
        &[(45, Some(8), 240), (52, Some(8), 240)],
    ),
    demo_run(
        "run-demo-strava",
        "kurz-strava",
        "ivc-decin",
        15,
        &[(59, Some(13), 180)],
    ),
    demo_run(
        "run-demo-pravo",
        "kurz-pravo",
        "ivc-litomerice",
        20,
        &[(73, Some(9), 180)],
    ),
    demo_run(
        "run-demo-nasili",
        "kurz-nasili",
        "ivc-chomutov",
        12,
        &[(87, Some(9), 240)],
    ),
];

/// run, worker, status (in this order, so the waiting list has its order)
pub(super) const ENROLMENTS: [(&str, &str, &str); 11] = [
    (RUN_TODAY, "pecovatelka.decin", "enrolled"),
    (RUN_TODAY, "koordinator.decin", "enrolled"),
    (RUN_TODAY, "vedouci.decin", "enrolled"),
    (RUN_CLOSED_USTI, "pecovatelka.decin", "enrolled"),
    (RUN_CLOSED_USTI, "pecovatel.decin", "enrolled"),
    (RUN_CLOSED_MOST, "pecovatelka.louny", "enrolled"),
    (RUN_FULL, "pecovatelka.decin", "enrolled"),
    (RUN_FULL, "vedouci.louny", "enrolled"),
    (RUN_FULL, "pecovatelka.louny", "waiting"),
    (RUN_OPEN, "pecovatelka.louny", "enrolled"),
    (RUN_OPEN, "pecovatel.decin", "enrolled"),
];

/// Random bytes of the demo certificates, so their codes are known: run, worker, bytes.
/// Codes: see the test `demo_certificate_codes_are_well_formed`.
pub(super) const CERTIFICATES: [(&str, &str, [u8; 8]); 3] = [
    (
        RUN_CLOSED_USTI,
        "pecovatelka.decin",
        [1, 2, 3, 4, 5, 6, 7, 8],
    ),
    (
        RUN_CLOSED_USTI,
        "pecovatel.decin",
        [9, 10, 11, 12, 13, 14, 15, 16],
    ),
    (
        RUN_CLOSED_MOST,
        "pecovatelka.louny",
        [17, 18, 19, 20, 21, 22, 23, 24],
    ),
];

/// worker, provider, start (year offset, month, day), end, probation until; month 0 = none.
/// A day of the demo's year: (years from now, month, day); month 0 = none.
pub(super) type YearDay = (i32, u32, u32);

pub(super) const EMPLOYMENTS: [(&str, &str, YearDay, YearDay, YearDay); 7] = [
    (
        "vedouci.decin",
        "prov-decin",
        (-11, 1, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    (
        "koordinator.decin",
        "prov-decin",
        (-5, 9, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    (
        "pecovatelka.decin",
        "prov-decin",
        (-7, 3, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    (
        "pecovatel.decin",
        "prov-decin",
        (0, 4, 1),
        (0, 0, 0),
        (0, 6, 30),
    ),
    (
        "vedouci.louny",
        "prov-louny",
        (-3, 2, 1),
        (0, 0, 0),
        (0, 0, 0),
    ),
    // Lucie moved from Děčín to Louny this year; her hours go with her.
    (
        "pecovatelka.louny",
        "prov-decin",
        (-2, 1, 1),
        (0, 5, 31),
        (0, 0, 0),
    ),
    (
        "pecovatelka.louny",
        "prov-louny",
        (0, 7, 1),
        (0, 0, 0),
        (0, 9, 30),
    ),
];
