//! Pure helpers over SQL text, shared by the adapters and the migration runner.

/// A piece of SQL text, as far as placeholders and statement ends care.
#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Code(&'a str),
    /// A string literal or quoted identifier, quotes included.
    Quoted(&'a str),
    /// A `--` comment up to, not including, the line end.
    Comment(&'a str),
}

fn segments(sql: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = sql;
    while !rest.is_empty() {
        let next_special = rest
            .char_indices()
            .find(|&(i, c)| c == '\'' || c == '"' || rest[i..].starts_with("--"))
            .map(|(i, _)| i);
        match next_special {
            None => {
                out.push(Segment::Code(rest));
                rest = "";
            }
            Some(0) if rest.starts_with("--") => {
                let end = rest.find('\n').unwrap_or(rest.len());
                out.push(Segment::Comment(&rest[..end]));
                rest = &rest[end..];
            }
            Some(0) => {
                // A doubled quote inside a literal reads as a literal that ends and one that
                // starts: the concatenation is the same text.
                let quote = &rest[..1];
                let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
                out.push(Segment::Quoted(&rest[..end]));
                rest = &rest[end..];
            }
            Some(start) => {
                out.push(Segment::Code(&rest[..start]));
                rest = &rest[start..];
            }
        }
    }
    out
}

/// Rewrites PostgreSQL's `$1` placeholders to SQLite's `?1`, leaving string literals,
/// quoted identifiers and comments alone.
pub fn to_sqlite_placeholders(sql: &str) -> String {
    segments(sql)
        .into_iter()
        .map(|segment| match segment {
            Segment::Code(code) => {
                let mut rewritten = String::with_capacity(code.len());
                let mut chars = code.chars().peekable();
                while let Some(c) = chars.next() {
                    let placeholder = c == '$' && chars.peek().is_some_and(char::is_ascii_digit);
                    rewritten.push(if placeholder { '?' } else { c });
                }
                rewritten
            }
            Segment::Quoted(text) | Segment::Comment(text) => text.to_owned(),
        })
        .collect()
}

/// Splits a migration file into statements: both engines' drivers run one statement per
/// call. Semicolons inside literals, quoted identifiers and comments do not split.
pub fn split_statements(sql: &str) -> Vec<String> {
    let mut statements = Vec::new();
    let mut current = String::new();
    for segment in segments(sql) {
        match segment {
            Segment::Comment(_) => {}
            Segment::Quoted(text) => current.push_str(text),
            Segment::Code(code) => {
                let mut parts = code.split(';');
                current.push_str(parts.next().unwrap_or_default());
                for part in parts {
                    statements.push(std::mem::take(&mut current));
                    current.push_str(part);
                }
            }
        }
    }
    statements.push(current);
    statements
        .into_iter()
        .map(|statement| statement.trim().to_owned())
        .filter(|statement| !statement.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered_question_marks() {
        assert_eq!(
            to_sqlite_placeholders("SELECT * FROM t WHERE a = $2 AND b = $1"),
            "SELECT * FROM t WHERE a = ?2 AND b = ?1"
        );
    }

    #[test]
    fn dollars_inside_literals_and_comments_are_kept() {
        let sql = "SELECT '$1', \"$2\" FROM t -- costs $3\nWHERE x = $1";
        assert_eq!(
            to_sqlite_placeholders(sql),
            "SELECT '$1', \"$2\" FROM t -- costs $3\nWHERE x = ?1"
        );
    }

    #[test]
    fn a_migration_splits_into_statements_without_comments() {
        let sql =
            "-- first; not a split\nCREATE TABLE a (x TEXT);\n\nINSERT INTO a VALUES ('x;y');\n";
        assert_eq!(
            split_statements(sql),
            vec!["CREATE TABLE a (x TEXT)", "INSERT INTO a VALUES ('x;y')"]
        );
    }

    #[test]
    fn doubled_quotes_inside_a_literal_do_not_end_it() {
        let sql = "INSERT INTO a VALUES ('it''s; fine'); SELECT 1";
        assert_eq!(
            split_statements(sql),
            vec!["INSERT INTO a VALUES ('it''s; fine')", "SELECT 1"]
        );
    }
}
