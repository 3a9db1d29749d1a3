//! Randomness for identifiers, session tokens and one-time codes.

/// Letters and digits that cannot be mistaken for one another when read off paper.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

pub fn bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the platform provides randomness");
    bytes
}

/// A new row identifier: 128 random bits in hex.
pub fn new_id() -> String {
    hex::encode(bytes::<16>())
}

/// A printable one-time code, `XXXX-XXXX-XXXX` (60 bits).
pub fn one_time_code() -> String {
    let symbols: Vec<char> = bytes::<12>()
        .iter()
        .map(|byte| char::from(CODE_ALPHABET[usize::from(*byte) % CODE_ALPHABET.len()]))
        .collect();
    symbols
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed back: case, spaces and dashes do not matter.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_time_code_is_three_groups_of_unambiguous_symbols() {
        let code = one_time_code();
        assert_eq!(code.len(), 14);
        assert!(
            code.replace('-', "")
                .bytes()
                .all(|b| CODE_ALPHABET.contains(&b))
        );
        assert_eq!(
            normalise_code(&code.to_lowercase().replace('-', " ")),
            code.replace('-', "")
        );
    }
}
