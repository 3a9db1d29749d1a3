//! Certificate codes: eight random characters and a check character, `ABCD-EFGH-J`, from an
//! alphabet without look-alikes (no 0/O, 1/I). The check character catches every single
//! mistyped character, so a code one character off another is unknown, never someone
//! else's certificate.

/// 32 characters: a weighted sum modulo 32 with odd weights changes with any one character.
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const BODY_LENGTH: usize = 8;

fn value_of(character: u8) -> Option<usize> {
    ALPHABET.iter().position(|&c| c == character)
}

fn check_character(body: &[usize]) -> u8 {
    let sum: usize = body
        .iter()
        .enumerate()
        .map(|(position, value)| (2 * position + 1) * value)
        .sum();
    ALPHABET[sum % ALPHABET.len()]
}

/// A new code from random bytes (the caller's source of randomness).
pub fn code_from_random(random: [u8; BODY_LENGTH]) -> String {
    let body: Vec<usize> = random
        .iter()
        .map(|byte| usize::from(*byte) % ALPHABET.len())
        .collect();
    let text: String = body.iter().map(|&v| char::from(ALPHABET[v])).collect();
    format!(
        "{}-{}-{}",
        &text[..4],
        &text[4..],
        char::from(check_character(&body))
    )
}

/// The stored form of a typed code (case, spaces and dashes forgiven), or `None` when it is
/// not a well-formed code with a correct check character.
pub fn normalise(typed: &str) -> Option<String> {
    let characters: Vec<u8> = typed
        .bytes()
        .filter(|c| !matches!(c, b'-' | b' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if characters.len() != BODY_LENGTH + 1 {
        return None;
    }
    let values: Vec<usize> = characters
        .iter()
        .map(|&c| value_of(c))
        .collect::<Option<_>>()?;
    let (body, check) = values.split_at(BODY_LENGTH);
    if ALPHABET[check[0]] != check_character(body) {
        return None;
    }
    let text = String::from_utf8(characters).ok()?;
    Some(format!("{}-{}-{}", &text[..4], &text[4..8], &text[8..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_code_is_well_formed_and_checks() {
        let code = code_from_random([0, 31, 64, 200, 7, 13, 99, 255]);
        assert_eq!(code.len(), 11);
        assert_eq!(normalise(&code), Some(code.clone()));
        assert_eq!(
            normalise(&code.to_lowercase().replace('-', " ")),
            Some(code)
        );
    }

    #[test]
    fn every_single_character_change_is_caught() {
        let code = code_from_random([5, 17, 42, 99, 130, 201, 250, 3]);
        for position in [0, 1, 2, 3, 5, 6, 7, 8, 10] {
            for &replacement in ALPHABET {
                let mut bytes = code.clone().into_bytes();
                if bytes[position] == replacement {
                    continue;
                }
                bytes[position] = replacement;
                let changed = String::from_utf8(bytes).expect("ascii");
                assert_eq!(normalise(&changed), None, "{changed} passed the check");
            }
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        assert_eq!(normalise(""), None);
        assert_eq!(normalise("ABCD-EFGH"), None);
        assert_eq!(normalise("ABCD-EFGH-0"), None);
    }
}
