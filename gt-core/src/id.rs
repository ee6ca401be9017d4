//! Short, typeable IDs: a type prefix and lower-case base36 (`gt-k3x9q`), and the
//! unique-prefix matching every command accepts.

/// The kinds of things that have IDs, each with its own prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Bead,
    Convoy,
    Agent,
    Escalation,
    Rig,
    Mail,
    Host,
}

impl IdKind {
    pub fn prefix(self) -> &'static str {
        match self {
            IdKind::Bead => "gt-",
            IdKind::Convoy => "cv-",
            IdKind::Agent => "ag-",
            IdKind::Escalation => "es-",
            IdKind::Rig => "rg-",
            IdKind::Mail => "ml-",
            IdKind::Host => "hs-",
        }
    }

    /// The noun used in messages ("no bead matches …").
    pub fn noun(self) -> &'static str {
        match self {
            IdKind::Bead => "bead",
            IdKind::Convoy => "convoy",
            IdKind::Agent => "agent",
            IdKind::Escalation => "escalation",
            IdKind::Rig => "rig",
            IdKind::Mail => "message",
            IdKind::Host => "host",
        }
    }
}

/// The kind an ID's prefix names, if any.
pub fn kind_of(id: &str) -> Option<IdKind> {
    [
        IdKind::Bead,
        IdKind::Convoy,
        IdKind::Agent,
        IdKind::Escalation,
        IdKind::Rig,
        IdKind::Mail,
        IdKind::Host,
    ]
    .into_iter()
    .find(|k| id.starts_with(k.prefix()))
}

const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const MIN_LEN: u32 = 5;
/// The ID space is kept at least this many times larger than the number of rows,
/// so a fresh random ID collides with an existing one less than once in 10^5 tries
/// (a collision is caught by the primary key and the command retried).
const HEADROOM: u128 = 100_000;

/// How many base36 digits IDs need in a table that will hold `population` rows.
pub fn id_len(population: u64) -> u32 {
    let needed = (population.max(1) as u128) * HEADROOM;
    let mut len = MIN_LEN;
    while 36u128.pow(len) < needed {
        len += 1;
    }
    len
}

/// A fresh random ID of `kind`, sized for a table of `population` rows.
pub fn generate(kind: IdKind, population: u64) -> String {
    let len = id_len(population);
    let mut id = String::with_capacity(kind.prefix().len() + len as usize);
    id.push_str(kind.prefix());
    for _ in 0..len {
        id.push(ALPHABET[fastrand::usize(..36)] as char);
    }
    id
}

/// Turns what a user typed into the prefix to look up: lower-cased, with the type
/// prefix added when it was left off (`k3x` means `gt-k3x` for a bead).
pub fn normalize_prefix(kind: IdKind, input: &str) -> String {
    let lowered = input.trim().to_ascii_lowercase();
    if lowered.starts_with(kind.prefix()) || kind.prefix().starts_with(lowered.as_str()) {
        lowered
    } else {
        format!("{}{}", kind.prefix(), lowered)
    }
}

/// The longest ID (after its type prefix) that [`one_edit_away`] looks
/// near: IDs grow by a character as the town grows, from five.
const MAX_TYPED: usize = 12;

/// Every prefix one edit from `prefix` (a character changed, dropped, added,
/// or two swapped), in the part after the type prefix, that is still at
/// least `min` characters long there: where a typed ID that matches nothing
/// was most likely meant to be.
pub fn one_edit_away(kind: IdKind, prefix: &str, min: usize) -> Vec<String> {
    let Some(rest) = prefix.strip_prefix(kind.prefix()) else {
        return Vec::new();
    };
    // Longer than any ID gt makes: a typo of one is not what this is.
    if rest.len() > MAX_TYPED {
        return Vec::new();
    }
    let rest = rest.as_bytes();
    let mut out = std::collections::BTreeSet::new();
    let mut keep = |v: Vec<u8>| {
        if v.len() >= min && v != rest {
            if let Ok(v) = String::from_utf8(v) {
                out.insert(format!("{}{v}", kind.prefix()));
            }
        }
    };
    for i in 0..rest.len() {
        let mut dropped = rest.to_vec();
        dropped.remove(i);
        keep(dropped);
        for &c in ALPHABET {
            let mut changed = rest.to_vec();
            changed[i] = c;
            keep(changed);
        }
        if i + 1 < rest.len() {
            let mut swapped = rest.to_vec();
            swapped.swap(i, i + 1);
            keep(swapped);
        }
    }
    for i in 0..=rest.len() {
        for &c in ALPHABET {
            let mut added = rest.to_vec();
            added.insert(i, c);
            keep(added);
        }
    }
    out.into_iter().collect()
}

/// The half-open range `[lo, hi)` of IDs that start with `prefix`; IDs use only
/// `[0-9a-z-]`, all of which sort below `~`.
pub fn prefix_range(prefix: &str) -> (String, String) {
    (prefix.to_string(), format!("{prefix}~"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_their_prefix_and_base36_digits() {
        let id = generate(IdKind::Bead, 0);
        assert!(id.starts_with("gt-"));
        assert_eq!(id.len(), 3 + 5);
        assert!(id[3..].bytes().all(|b| ALPHABET.contains(&b)));
        assert!(generate(IdKind::Convoy, 10).starts_with("cv-"));
    }

    #[test]
    fn near_prefixes_are_one_edit_away() {
        let near = one_edit_away(IdKind::Bead, "gt-k3x9z", 3);
        for meant in ["gt-k3x9q", "gt-k3x9", "gt-k3x9zz", "gt-3kx9z", "gt-ak3x9z"] {
            assert!(near.contains(&meant.to_string()), "{meant}");
        }
        assert!(!near.contains(&"gt-k3x9z".to_string()));
        assert!(!near.contains(&"gt-k3".to_string()), "two edits");
        // Never shorter than `min` after the type prefix.
        assert!(one_edit_away(IdKind::Bead, "gt-abc", 3)
            .iter()
            .all(|p| p.len() >= 6));
        assert!(one_edit_away(IdKind::Bead, "cv-abc", 3).is_empty());
        assert!(one_edit_away(IdKind::Bead, &format!("gt-{}", "x".repeat(13)), 3).is_empty());
    }

    #[test]
    fn ids_grow_with_the_town() {
        assert_eq!(id_len(0), 5);
        assert_eq!(id_len(100), 5);
        assert!(id_len(1_000_000) > id_len(10_000));
        assert!(36u128.pow(id_len(1_000_000)) >= 1_000_000 * HEADROOM);
    }

    #[test]
    fn prefixes_are_normalized() {
        assert_eq!(normalize_prefix(IdKind::Bead, "GT-K3X"), "gt-k3x");
        assert_eq!(normalize_prefix(IdKind::Bead, "k3x"), "gt-k3x");
        assert_eq!(normalize_prefix(IdKind::Convoy, "cv"), "cv");
        assert_eq!(normalize_prefix(IdKind::Agent, "ag-"), "ag-");
    }

    #[test]
    fn prefix_range_covers_exactly_the_ids_with_that_prefix() {
        let (lo, hi) = prefix_range("gt-k3");
        for inside in ["gt-k3", "gt-k3zzz", "gt-k30", "gt-k3-"] {
            assert!(inside >= lo.as_str() && inside < hi.as_str(), "{inside}");
        }
        for outside in ["gt-k2zzz", "gt-k4", "gt-k"] {
            assert!(
                !(outside >= lo.as_str() && outside < hi.as_str()),
                "{outside}"
            );
        }
    }
}
