//! Which precompressed copy of a file a client gets: app/build.sh writes `<file>.br` and
//! `<file>.gz` beside every compressible file, and the client's `Accept-Encoding` picks.

/// A content coding of a stored copy, in the order we prefer them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The compressed codings, best first; identity is always there to fall back on.
    pub const COMPRESSED: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
            Encoding::Identity => "identity",
        }
    }

    /// The suffix build.sh gives the compressed copy.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
            Encoding::Identity => "",
        }
    }
}

/// Whether `accept_encoding` lets us send `encoding` (RFC 9110 §12.5.3): named or matched by
/// `*` with a quality above zero.
pub fn accepts(accept_encoding: Option<&str>, encoding: Encoding) -> bool {
    let Some(header) = accept_encoding else {
        return false;
    };
    let mut wildcard = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|param| param.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if coding.eq_ignore_ascii_case(encoding.token()) {
            return quality > 0.0;
        }
        if coding == "*" {
            wildcard = Some(quality > 0.0);
        }
    }
    wildcard.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_coding_is_accepted_unless_its_quality_is_zero() {
        assert!(accepts(Some("gzip, deflate, br, zstd"), Encoding::Brotli));
        assert!(accepts(Some("gzip, deflate, br, zstd"), Encoding::Gzip));
        assert!(accepts(Some("GZIP;q=0.5"), Encoding::Gzip));
        assert!(!accepts(Some("br;q=0, gzip"), Encoding::Brotli));
        assert!(!accepts(Some("br;q=0.0"), Encoding::Brotli));
    }

    #[test]
    fn a_wildcard_accepts_what_is_not_named() {
        assert!(accepts(Some("*"), Encoding::Brotli));
        assert!(!accepts(Some("br;q=0, *"), Encoding::Brotli));
        assert!(!accepts(Some("*;q=0"), Encoding::Gzip));
    }

    #[test]
    fn no_header_or_another_coding_means_identity_only() {
        assert!(!accepts(None, Encoding::Gzip));
        assert!(!accepts(Some("deflate"), Encoding::Brotli));
        assert!(!accepts(Some(""), Encoding::Gzip));
        assert!(!accepts(Some("brotli"), Encoding::Brotli));
    }
}
