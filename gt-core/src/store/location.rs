//! A store location as text: a file path, or a URL that may carry a user and
//! a password (`http://alice:PASSWORD@host:4001,host2:4001`). Everything that
//! shows, logs or hands on a location masks its password with [`redact`];
//! the rqlite backend takes its nodes and credentials apart with [`split`].
//!
//! The userinfo is taken off first, before anything else is parsed: it is
//! everything between `scheme://` and the *last* `@`. So a password may hold
//! commas (which otherwise separate nodes), colons, slashes, `@` and
//! percent-encoding, and none of it is ever mistaken for a host.

/// A URL-shaped location, split at its userinfo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Url<'a> {
    /// As given (any case, any scheme).
    pub scheme: &'a str,
    /// `user` or `user:password`, still percent-encoded; `None` without `@`.
    pub userinfo: Option<&'a str>,
    /// What follows the userinfo: the host(s), and whatever comes after.
    pub rest: &'a str,
}

impl<'a> Url<'a> {
    /// The user (still percent-encoded) and, if the userinfo has a colon, the
    /// password: everything after the first colon.
    pub fn user_and_password(&self) -> Option<(&'a str, Option<&'a str>)> {
        let userinfo = self.userinfo?;
        Some(match userinfo.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (userinfo, None),
        })
    }
}

/// Splits a location that has a `scheme://` (any scheme, even one gt does not
/// know) at its userinfo; `None` for anything else (a file path).
pub(crate) fn split(location: &str) -> Option<Url<'_>> {
    let (scheme, after) = location.split_once("://")?;
    Some(match after.rfind('@') {
        Some(at) => Url {
            scheme,
            userinfo: Some(&after[..at]),
            rest: &after[at + 1..],
        },
        None => Url {
            scheme,
            userinfo: None,
            rest: after,
        },
    })
}

/// `location` with its password masked (`http://alice:***@host:4001`), for
/// everything that is shown, logged or written out: messages and errors,
/// `gt config show`, `gt init` and `/api/town`. The user stays; the password,
/// whatever it holds, never appears. A path, or a URL without a password, is
/// left as it is.
pub fn redact(location: &str) -> String {
    let Some(url) = split(location) else {
        return location.to_string();
    };
    match url.user_and_password() {
        Some((user, Some(_))) => format!("{}://{user}:***@{}", url.scheme, url.rest),
        _ => location.to_string(),
    }
}

/// `location` without its userinfo at all (`http://host:4001`), for handing
/// the town on to another `gt` whose credentials travel apart from it (the
/// dispatch command's `GT_DB`, with `GT_DB_USER` and `GT_DB_PASSWORD`).
pub fn without_userinfo(location: &str) -> String {
    match split(location) {
        Some(Url {
            scheme,
            userinfo: Some(_),
            rest,
        }) => format!("{scheme}://{rest}"),
        _ => location.to_string(),
    }
}

/// Decodes `%XX` escapes (RFC 3986). A `%` not followed by two hex digits is
/// kept as it is. `None` when the decoded bytes are not UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap() * 16 + hex(l).unwrap()) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_userinfo_is_everything_up_to_the_last_at() {
        let url = split("http://alice:pa,ss@w:rd@h1:1,h2:2").unwrap();
        assert_eq!(url.scheme, "http");
        assert_eq!(url.userinfo, Some("alice:pa,ss@w:rd"));
        assert_eq!(url.rest, "h1:1,h2:2");
        assert_eq!(url.user_and_password(), Some(("alice", Some("pa,ss@w:rd"))));
        assert_eq!(split("/tmp/town.db"), None);
        assert_eq!(split("http://h:1").unwrap().userinfo, None);
    }

    #[test]
    fn a_location_without_a_password_is_shown_as_given() {
        for plain in [
            "/tmp/town.db",
            "town@home.db",
            "http://h:1",
            "http://alice@h:1",
            "",
        ] {
            assert_eq!(redact(plain), plain);
        }
    }

    #[test]
    fn without_userinfo_keeps_the_nodes_only() {
        assert_eq!(
            without_userinfo("http://alice:pa,ss@h1:1,h2:2"),
            "http://h1:1,h2:2"
        );
        assert_eq!(without_userinfo("http://alice@h:1"), "http://h:1");
        assert_eq!(without_userinfo("/tmp/t.db"), "/tmp/t.db");
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("p%40ss%2C%3a").as_deref(), Some("p@ss,:"));
        assert_eq!(percent_decode("100%").as_deref(), Some("100%"));
        assert_eq!(percent_decode("%zz%4").as_deref(), Some("%zz%4"));
        assert_eq!(percent_decode("%C3%A9").as_deref(), Some("é"));
        assert_eq!(percent_decode("%FF"), None);
    }
}
