//! CSV as Czech Excel opens it by a double click: UTF-8 with a byte-order mark (without it
//! Excel reads the file as Windows-1250 and garbles "ř" and "ů"), `;` between fields (the
//! list separator of the Czech locale, since `,` is its decimal comma) and CRLF line ends.

/// A field, quoted when it holds the separator, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The rows as one CSV text for Czech Excel.
pub fn czech_excel<R, F>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = F>,
    F: AsRef<str>,
{
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row.into_iter().map(|text| field(text.as_ref())).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_excel_csv_starts_with_a_bom_and_quotes_only_what_needs_it() {
        let csv = czech_excel([
            vec!["Kdo", "Poznámka"],
            vec!["Jana Nová", "řekla \"ano\"; pak odešla"],
        ]);
        assert_eq!(
            csv,
            "\u{feff}Kdo;Poznámka\r\nJana Nová;\"řekla \"\"ano\"\"; pak odešla\"\r\n"
        );
    }
}
