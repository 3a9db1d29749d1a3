//! Each page's name for the browser's tab (`Týdenní plán – E-péče`), from its path: one
//! place for every route of `routes.rs`. A page that loads a name (a client's, a visit's)
//! may refine its title once it has it.

/// The page's title for `path`.
pub fn title_for(path: &str) -> &'static str {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] => "Úvod",
        ["prihlaseni"] => "Přihlášení",
        ["dnes"] => "Dnešní návštěvy",
        ["ucet"] => "Můj účet",
        ["pracovnici"] => "Pracovníci",
        ["klienti"] => "Klienti",
        ["klienti", "novy"] => "Nový klient",
        ["klienti", _, "plan"] => "Plán péče",
        ["klienti", _, "rodina"] => "Rodina klienta",
        ["rodina"] => "Kdo přijde kdy",
        ["rodina", _, "zmeny"] => "Změny v rozpisu",
        ["rodina", _, "zadost"] => "Žádost koordinátorovi",
        ["rodina", _, "kalendar"] => "Kalendář návštěv",
        ["audit"] => "Záznam přístupů",
        ["tyden"] | ["tyden", _] => "Týdenní plán",
        ["udalosti"] => "Události z návštěv",
        ["pecovatele", _] => "Pracovník",
        ["navstevy", _] => "Návštěva",
        ["prehled"] => "Dnes v kanceláři",
        ["pozvanka"] => "Pozvánka rodiny",
        ["obnova-hesla"] => "Obnova hesla",
        ["skoleni"] => "Školení",
        ["skoleni", "kraj"] => "Vzdělávání pracovníků",
        ["lektor"] => "Moje kurzy",
        ["overeni", _] => "Ověření osvědčení",
        ["osvedceni", _] => "Osvědčení",
        ["vykazy"] => "Výkazy",
        ["vykazy", "slovnik"] => "Slovník dat výkazů",
        ["kraj"] => "Výkaz sítě",
        ["kraj", "parametry"] => "Parametry sítě",
        _ => "Stránka nenalezena",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_own_title_from_its_path() {
        assert_eq!(title_for("/tyden"), "Týdenní plán");
        assert_eq!(title_for("/tyden/2026-11-23"), "Týdenní plán");
        assert_eq!(title_for("/klienti/novy"), "Nový klient");
        assert_eq!(title_for("/klienti/cl-d1/plan"), "Plán péče");
        assert_eq!(title_for("/prehled/"), "Dnes v kanceláři");
        assert_eq!(title_for("/nic/takoveho"), "Stránka nenalezena");
    }
}
