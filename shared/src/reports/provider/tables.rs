//! The tables of a provider's report (and the region's, which adds its providers' figures
//! up), each from the figures it shows.

use super::{Figures, Labels};
use crate::identity::Role;
use crate::reports::figures::{
    self, AGE_BANDS, CareTime, ClientCounts, LEVELS, StaffFacts, VisitCounts, hour_hundredths,
    percent_hundredths,
};
use crate::reports::parameters::{Achieved, NetworkParameters, shortfalls};
use crate::reports::period::Period;
use crate::reports::suppression::Group;
use crate::reports::table::{Cell, Column, ColumnKind, Table};

pub const ACTIVITIES: [(char, &str); 5] = [
    (
        'a',
        "a) pomoc při zvládání běžných úkonů péče o vlastní osobu",
    ),
    (
        'b',
        "b) pomoc při osobní hygieně nebo poskytnutí podmínek pro osobní hygienu",
    ),
    ('c', "c) poskytnutí stravy nebo pomoc při zajištění stravy"),
    ('d', "d) pomoc při zajištění chodu domácnosti"),
    (
        'e',
        "e) zprostředkování kontaktu se společenským prostředím",
    ),
];

const TOTAL: &str = "Celkem";

fn count(value: u64) -> Cell {
    Cell::Number(i64::try_from(value).unwrap_or(i64::MAX))
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

/// A two-column table of labelled counts with a total row, protected as one group.
pub fn counts_table(
    key: &str,
    title: &str,
    label: &str,
    rows: &[(String, u64)],
    note: &str,
) -> Table {
    let mut table = Table::new(
        key,
        title,
        vec![
            Column::new(
                "group",
                label,
                ColumnKind::Text,
                "Skupina, jak ji uvádí název tabulky.",
            ),
            Column::new(
                "clients",
                "Klienti",
                ColumnKind::Count,
                "Klienti, kterým služba v období poskytla alespoň jednu zaznamenanou návštěvu; každý jednou.",
            ),
        ],
        note,
    );
    table
        .rows
        .push(vec![text(TOTAL), count(rows.iter().map(|(_, n)| n).sum())]);
    table
        .rows
        .extend(rows.iter().map(|(name, n)| vec![text(name), count(*n)]));
    table
}

/// The group of a table whose row 0 is the total of every other row.
pub fn total_first(table: &Table) -> Vec<Group> {
    vec![Group {
        total: 0,
        parts: (1..table.rows.len()).collect(),
    }]
}

fn labelled(names: &[&str], values: &[u64]) -> Vec<(String, u64)> {
    names
        .iter()
        .zip(values)
        .map(|(name, n)| (name.to_string(), *n))
        .collect()
}

/// The client tables of a scope: by level, age band and municipality.
pub fn client_tables(counts: &ClientCounts, labels: &Labels) -> Vec<Table> {
    let municipalities: Vec<(String, u64)> = counts
        .by_municipality
        .iter()
        .map(|(code, n)| {
            (
                labels
                    .municipality_names
                    .get(code)
                    .cloned()
                    .unwrap_or_else(|| code.clone()),
                *n,
            )
        })
        .collect();
    vec![
        counts_table(
            "clients_by_level",
            "Klienti podle stupně příspěvku na péči",
            "Stupeň",
            &labelled(&LEVELS, &counts.by_level),
            "Stupeň platný v den posledního záznamu klienta v období.",
        ),
        counts_table(
            "clients_by_age",
            "Klienti podle věku",
            "Věk",
            &labelled(&AGE_BANDS, &counts.by_age_band),
            "Věk v poslední den období.",
        ),
        counts_table(
            "clients_by_municipality",
            "Klienti podle obce bydliště",
            "Obec",
            &municipalities,
            "",
        ),
        counts_table(
            "clients_free",
            "Klienti bez úhrady",
            "Úhrada",
            &[
                (
                    "bez úhrady (§ 75 odst. 2)".to_string(),
                    counts.free_of_charge,
                ),
                (
                    "s úhradou".to_string(),
                    counts.total - counts.free_of_charge,
                ),
            ],
            "",
        ),
    ]
}

pub(super) fn visits_table(visits: &VisitCounts) -> (Table, Vec<Group>) {
    let mut table = Table::new(
        "visits",
        "Návštěvy",
        vec![
            Column::new("figure", "Ukazatel", ColumnKind::Text, "Co se počítá."),
            Column::new(
                "visits",
                "Návštěvy",
                ColumnKind::Count,
                "Návštěvy s plánovaným začátkem v období.",
            ),
        ],
        "Návštěvy podle plánovaného začátku v období; provedená = s přijatým záznamem.",
    );
    let by_role: u64 = visits.cancelled_by.values().sum();
    table.rows = vec![
        vec![text("Naplánováno celkem"), count(visits.scheduled)],
        vec![text("Provedeno"), count(visits.done)],
        vec![text("Zrušeno"), count(visits.cancelled)],
        vec![text("Neprovedeno ani nezrušeno"), count(visits.open)],
    ];
    for (role, n) in &visits.cancelled_by {
        table
            .rows
            .push(vec![text(&format!("Zrušil: {}", role.label())), count(*n)]);
    }
    table.rows.push(vec![
        text("Zrušil: neuvedeno"),
        count(visits.cancelled - by_role),
    ]);
    let groups = vec![
        Group {
            total: 0,
            parts: vec![1, 2, 3],
        },
        Group {
            total: 2,
            parts: (4..table.rows.len()).collect(),
        },
    ];
    (table, groups)
}

fn hours_column(description: &str) -> Column {
    Column::new("hours", "Hodiny", ColumnKind::Hours, description)
}

/// Hours of direct care by basic activity a)–e), with a total row.
pub fn activities_table(care: &CareTime, labels: &Labels) -> Table {
    let by_activity = care.by_activity(|code| labels.activity_of(code));
    let mut table = Table::new(
        "activities",
        "Hodiny přímé péče podle základních činností (§ 40)",
        vec![
            Column::new(
                "activity",
                "Činnost",
                ColumnKind::Text,
                "Základní činnost podle § 40 zákona 108/2006 Sb.",
            ),
            hours_column("Hodiny přímé péče; čas záznamu se dělí rovným dílem mezi jeho úkony."),
        ],
        "Čas přijatých záznamů návštěv v období (po opravách koordinátora).",
    );
    table
        .rows
        .push(vec![text(TOTAL), Cell::Number(hour_hundredths(care.total))]);
    for (activity, name) in ACTIVITIES {
        let seconds = by_activity.get(&activity).copied().unwrap_or(0);
        table
            .rows
            .push(vec![text(name), Cell::Number(hour_hundredths(seconds))]);
    }
    table
}

pub(super) fn tasks_table(care: &CareTime, labels: &Labels) -> Table {
    let mut table = Table::new(
        "tasks",
        "Hodiny přímé péče podle úkonů",
        vec![
            Column::new(
                "code",
                "Kód",
                ColumnKind::Text,
                "Kód úkonu katalogu (vyhláška 505/2006 Sb. § 6).",
            ),
            Column::new("task", "Úkon", ColumnKind::Text, "Název úkonu."),
            hours_column("Hodiny přímé péče připadající na úkon."),
        ],
        "",
    );
    for task in &labels.tasks {
        let seconds = care.by_task.get(&task.code).copied().unwrap_or(0);
        table.rows.push(vec![
            text(&task.code),
            text(&task.name),
            Cell::Number(hour_hundredths(seconds)),
        ]);
    }
    table
}

pub(super) fn time_table(care: &CareTime, travel_seconds: i64) -> Table {
    let working = care.total + travel_seconds;
    let mut table = Table::new(
        "time",
        "Přímá péče a cesty",
        vec![
            Column::new("figure", "Ukazatel", ColumnKind::Text, "Co se počítá."),
            hours_column("Hodiny."),
            Column::new(
                "share",
                "Podíl",
                ColumnKind::Percent,
                "Podíl na pracovní době (přímá péče + cesty).",
            ),
        ],
        "Cesty: odhad podle souřadnic mezi po sobě jdoucími návštěvami pracovníka v jednom dni, nejvýše mezera mezi nimi.",
    );
    for (name, seconds) in [
        ("Přímá péče", care.total),
        ("Cesty", travel_seconds),
        ("Pracovní doba", working),
    ] {
        table.rows.push(vec![
            text(name),
            Cell::Number(hour_hundredths(seconds)),
            Cell::Number(percent_hundredths(seconds, working)),
        ]);
    }
    table
}

pub(super) fn staff_table(staff: &[StaffFacts]) -> Table {
    let mut table = Table::new(
        "staff",
        "Pracovníci podle kategorie",
        vec![
            Column::new(
                "category",
                "Kategorie",
                ColumnKind::Text,
                "Pracovní zařazení (role v systému).",
            ),
            Column::new(
                "headcount",
                "Osoby",
                ColumnKind::Count,
                "Aktivní účty pracovníků.",
            ),
            Column::new(
                "fte",
                "Úvazky",
                ColumnKind::Decimal,
                "Součet smluvních hodin týdně ÷ 40.",
            ),
            Column::new(
                "without_contract",
                "Bez zadaného úvazku",
                ColumnKind::Count,
                "Pracovníci, u nichž úvazek není zadán (počítají se s úvazkem 0).",
            ),
        ],
        "Stav k datu sestavení výkazu.",
    );
    let counts = figures::staff_counts(staff);
    for role in [Role::Caregiver, Role::Coordinator, Role::ProviderManager] {
        let c = counts.get(&role).copied().unwrap_or_default();
        table.rows.push(vec![
            text(role.label()),
            count(c.headcount),
            Cell::Number(c.fte_hundredths),
            count(c.without_contract),
        ]);
    }
    table
}

pub(super) fn targets_table(
    parameters: &NetworkParameters,
    period: Period,
    figures: &Figures,
) -> Table {
    let mut table = Table::new(
        "targets",
        "Parametry sítě a jejich plnění",
        vec![
            Column::new(
                "target",
                "Nesplněný parametr",
                ColumnKind::Text,
                "Parametr sítě, který kraj stanovil a poskytovatel v období nesplnil.",
            ),
            Column::new(
                "goal",
                "Cíl",
                ColumnKind::Decimal,
                "Hodnota stanovená krajem (hodinové cíle násobené počtem měsíců).",
            ),
            Column::new(
                "actual",
                "Skutečnost",
                ColumnKind::Decimal,
                "Hodnota za období.",
            ),
            Column::new(
                "difference",
                "Rozdíl",
                ColumnKind::Decimal,
                "Skutečnost minus cíl.",
            ),
        ],
        &format!(
            "Parametry platné od {}.",
            parameters.valid_from.format("%-d. %-m. %Y")
        ),
    );
    let covered = figures::covered_municipalities(&figures.clients);
    let achieved = Achieved {
        direct_seconds: figures.care.total,
        travel_seconds: figures.travel_seconds,
        covered: &covered,
    };
    for missed in shortfalls(parameters, period, &achieved) {
        table.rows.push(vec![
            text(&missed.what),
            Cell::Number(missed.target),
            Cell::Number(missed.actual),
            Cell::Number(missed.actual - missed.target),
        ]);
    }
    table
}
