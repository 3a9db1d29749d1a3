//! Synthetic Czech names and streets: common first names and invented surnames, so no
//! generated person is a real one.

const WOMEN: [&str; 24] = [
    "Marie",
    "Jana",
    "Eva",
    "Hana",
    "Anna",
    "Věra",
    "Alena",
    "Lenka",
    "Jaroslava",
    "Ludmila",
    "Zdeňka",
    "Jiřina",
    "Helena",
    "Dagmar",
    "Vlasta",
    "Libuše",
    "Olga",
    "Irena",
    "Milada",
    "Božena",
    "Jitka",
    "Ivana",
    "Petra",
    "Kateřina",
];
const MEN: [&str; 20] = [
    "Josef",
    "Jan",
    "Jiří",
    "Petr",
    "Pavel",
    "Jaroslav",
    "Miroslav",
    "Zdeněk",
    "Václav",
    "František",
    "Karel",
    "Milan",
    "Vladimír",
    "Stanislav",
    "Ladislav",
    "Antonín",
    "Oldřich",
    "Bohumil",
    "Martin",
    "Tomáš",
];
/// Invented surnames in their masculine and feminine forms.
const SURNAMES: [(&str, &str); 24] = [
    ("Ukázka", "Ukázková"),
    ("Vzorný", "Vzorná"),
    ("Příklad", "Příkladová"),
    ("Zkušební", "Zkušební"),
    ("Modelový", "Modelová"),
    ("Testovací", "Testovací"),
    ("Smyšlený", "Smyšlená"),
    ("Náhodný", "Náhodná"),
    ("Lipový", "Lipová"),
    ("Dubovský", "Dubovská"),
    ("Polní", "Polní"),
    ("Lesní", "Lesní"),
    ("Potůček", "Potůčková"),
    ("Kamínek", "Kamínková"),
    ("Lístek", "Lístková"),
    ("Mráček", "Mráčková"),
    ("Větrný", "Větrná"),
    ("Zahrádka", "Zahrádková"),
    ("Klásek", "Klásková"),
    ("Sedmikráska", "Sedmikrásková"),
    ("Kopeček", "Kopečková"),
    ("Pramínek", "Pramínková"),
    ("Hvězdný", "Hvězdná"),
    ("Jasný", "Jasná"),
];
const STREETS: [&str; 20] = [
    "Zahradní",
    "Lipová",
    "Nádražní",
    "Školní",
    "Polní",
    "Krátká",
    "Husova",
    "Palackého",
    "Komenského",
    "Pod Lesem",
    "Na Výsluní",
    "Sadová",
    "Luční",
    "Jiráskova",
    "Tyršova",
    "Máchova",
    "Družstevní",
    "Horní",
    "Dolní",
    "Náměstí Míru",
];

use crate::rng::Rng;

/// A woman's or a man's full name.
pub fn person(rng: &mut Rng, woman: bool) -> String {
    let (masculine, feminine) = rng.pick(&SURNAMES);
    if woman {
        format!("{} {feminine}", rng.pick(&WOMEN))
    } else {
        format!("{} {masculine}", rng.pick(&MEN))
    }
}

/// A mobile number written as people write them, `+420 7NN NNN NNN`, its digits drawn at
/// random (invented, like every phone number of the demo).
pub fn phone(rng: &mut Rng) -> String {
    format!(
        "+420 7{:02} {:03} {:03}",
        rng.below(100),
        rng.below(1000),
        rng.below(1000)
    )
}

/// A street and house number.
pub fn street(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&STREETS), rng.between(1, 180))
}
