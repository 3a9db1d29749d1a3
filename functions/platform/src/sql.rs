//! Pure helpers over SQL text, shared by the adapters and the migration runner.

/// A piece of SQL text, as far as placeholders and statement ends care.
#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Code(&'a str),
    /// A string literal, quoted identifier or `$$` body (PostgreSQL), quotes included.
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
            .find(|&(i, c)| {
                c == '\'' || c == '"' || rest[i..].starts_with("--") || rest[i..].starts_with("$$")
            })
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
            Some(0) if rest.starts_with("$$") => {
                let end = rest[2..].find("$$").map_or(rest.len(), |i| i + 4);
                out.push(Segment::Quoted(&rest[..end]));
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

/// Rewrites PostgreSQL's `$1` placeholders to SQLite's, leaving string literals, quoted
/// identifiers and comments alone. Placeholders numbered `$1, $2, …` in the order they
/// appear, each once (every multi-row insert), become plain `?`: binding a numbered one
/// costs SQLite a search of the statement's parameter names, so a statement of a few hundred
/// of them spent most of its time binding. Any other numbering keeps its numbers (`?2`).
pub fn to_sqlite_placeholders(sql: &str) -> String {
    let segments = segments(sql);
    let numbers = segments.iter().flat_map(|segment| match segment {
        Segment::Code(code) => placeholder_numbers(code),
        Segment::Quoted(_) | Segment::Comment(_) => Vec::new(),
    });
    let mut expected = 1;
    let in_order = numbers.into_iter().all(|number| {
        let next = number == expected;
        expected += 1;
        next
    });
    segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Code(code) => {
                let mut rewritten = String::with_capacity(code.len());
                let mut chars = code.chars().peekable();
                while let Some(c) = chars.next() {
                    if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                        rewritten.push('?');
                        while in_order && chars.next_if(char::is_ascii_digit).is_some() {}
                    } else {
                        rewritten.push(c);
                    }
                }
                rewritten
            }
            Segment::Quoted(text) | Segment::Comment(text) => text.to_owned(),
        })
        .collect()
}

/// The numbers of the `$N` placeholders of a piece of code, in order.
fn placeholder_numbers(code: &str) -> Vec<usize> {
    code.split('$')
        .skip(1)
        .filter_map(|after| {
            let digits: &str = &after[..after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len())];
            digits.parse().ok()
        })
        .collect()
}

/// Whether a statement is an SQLite trigger whose `BEGIN … END` body goes on past a `;`.
fn inside_trigger_body(statement: &str) -> bool {
    let words: Vec<String> = statement
        .split_whitespace()
        .map(str::to_ascii_uppercase)
        .collect();
    words.len() >= 2
        && words[..2] == ["CREATE", "TRIGGER"]
        && words.iter().any(|word| word == "BEGIN")
        && words.last().is_none_or(|last| last != "END")
}

/// Splits a migration file into statements: both engines' drivers run one statement per
/// call. Semicolons inside literals, quoted identifiers, `$$` bodies, comments and an SQLite
/// trigger's `BEGIN … END` do not split.
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
                    if inside_trigger_body(&current) {
                        current.push(';');
                    } else {
                        statements.push(std::mem::take(&mut current));
                    }
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
    fn placeholders_out_of_order_become_numbered_question_marks() {
        assert_eq!(
            to_sqlite_placeholders("SELECT * FROM t WHERE a = $2 AND b = $1"),
            "SELECT * FROM t WHERE a = ?2 AND b = ?1"
        );
        assert_eq!(
            to_sqlite_placeholders("SELECT * FROM t WHERE a = $1 OR b = $1"),
            "SELECT * FROM t WHERE a = ?1 OR b = ?1"
        );
        assert_eq!(
            to_sqlite_placeholders("SELECT * FROM t WHERE a = $1 AND b = $3"),
            "SELECT * FROM t WHERE a = ?1 AND b = ?3"
        );
    }

    #[test]
    fn placeholders_numbered_in_order_become_plain_question_marks() {
        assert_eq!(
            to_sqlite_placeholders(
                "INSERT INTO t VALUES ($1, $2), ($3, $4), ($5, $6, $7, $8, $9, $10)"
            ),
            "INSERT INTO t VALUES (?, ?), (?, ?), (?, ?, ?, ?, ?, ?)"
        );
    }

    #[test]
    fn dollars_inside_literals_and_comments_are_kept() {
        let sql = "SELECT '$1', \"$2\" FROM t -- costs $3\nWHERE x = $1";
        assert_eq!(
            to_sqlite_placeholders(sql),
            "SELECT '$1', \"$2\" FROM t -- costs $3\nWHERE x = ?"
        );
        let sql = "SELECT '$1' FROM t WHERE x = $2";
        assert_eq!(
            to_sqlite_placeholders(sql),
            "SELECT '$1' FROM t WHERE x = ?2"
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

    #[test]
    fn an_sqlite_trigger_body_and_a_postgresql_function_body_stay_one_statement() {
        let sql = "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); \
                   INSERT INTO b VALUES (2); END;\n\
                   CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ \
                   LANGUAGE plpgsql;\n\
                   CREATE TRIGGER u AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f(); SELECT 1";
        assert_eq!(
            split_statements(sql),
            vec![
                "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); \
                 INSERT INTO b VALUES (2); END",
                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ \
                 LANGUAGE plpgsql",
                "CREATE TRIGGER u AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()",
                "SELECT 1",
            ]
        );
    }
}
