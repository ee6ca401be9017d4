//! The one guard every request passes: Host, token, content type, origin
//! and read-only, with the rules it applies.

use super::*;

/// Whether `addr` is a loopback address (no token needed there).
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// The credentials of an `Authorization: Bearer …` header; the scheme's name
/// compares without case (RFC 9110 §11.1).
fn bearer(header: &str) -> Option<&str> {
    let (scheme, credentials) = header.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| credentials.trim_start())
}

/// Compares two secrets in time that does not depend on where they differ.
/// (Only the length, which is no secret of the token's, shows in the time.)
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// A `Host` header's name and port (80 when it names none, as browsers and
/// curl send it for the default port); `None` when it is no host.
fn split_host(host: &str) -> Option<(&str, u16)> {
    let (name, port) = match host.strip_prefix('[') {
        // An IPv6 literal: [::1]:7878
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            let port = match after {
                "" => None,
                p => Some(p.strip_prefix(':')?),
            };
            (&host[..inside.len() + 2], port)
        }
        None => match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port = match port {
        Some(p) => p.parse().ok()?,
        None => 80,
    };
    (!name.is_empty()).then_some((name, port))
}

/// The names a browser may use for this server (against DNS rebinding): its
/// address, localhost and the names given with `--host`; on every interface
/// without `--host`, any name (the token is the guard, as said on start).
pub(super) fn host_allowed(options: &ServeOptions, host: &str) -> bool {
    let Some((name, port)) = split_host(host) else {
        return false;
    };
    if port != options.addr.port() {
        return false;
    }
    let ip = options.addr.ip();
    if ip.is_unspecified() && options.hosts.is_empty() {
        return true;
    }
    let served = match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
    };
    name == served
        || name.eq_ignore_ascii_case("localhost")
        || options.hosts.iter().any(|h| h.eq_ignore_ascii_case(name))
}

/// The one guard: every `/api` request passes it or is refused.
pub(super) async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !host_allowed(&app.options, host) {
        return refusal(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!("this server does not answer to the host '{host}'"),
            "use the address gt serve printed",
        );
    }
    if req.uri().to_string().len() > URI_LIMIT {
        return refusal(
            StatusCode::URI_TOO_LONG,
            "too_large",
            format!("the request line is longer than {} KiB", URI_LIMIT >> 10),
            "send long values in a JSON body",
        );
    }
    let api = req.uri().path().starts_with("/api");
    if let (Some(token), true) = (&app.options.token, api) {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(bearer)
            .unwrap_or("");
        if !same_secret(given.as_bytes(), token.as_bytes()) {
            return refusal(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "a valid token is needed",
                "send Authorization: Bearer TOKEN (the token gt serve was started with)",
            );
        }
    }
    let write = matches!(*req.method(), Method::POST | Method::PATCH | Method::DELETE);
    if write {
        if app.options.read_only {
            return refusal(
                StatusCode::FORBIDDEN,
                "forbidden",
                "this server is read-only",
                "start gt serve without --read-only to make changes",
            );
        }
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|h| h.to_str().ok())
            // Media types compare without case (RFC 9110 §8.3.1).
            .is_some_and(|c| {
                let media = c.split(';').next().unwrap_or("").trim();
                media.eq_ignore_ascii_case("application/json")
            });
        if !json {
            return refusal(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "a write must be sent as application/json",
                "send Content-Type: application/json",
            );
        }
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
            if origin != format!("http://{host}") {
                return refusal(
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    format!("a write from {origin} is not allowed"),
                    "write from the dashboard this server serves",
                );
            }
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_the_address_localhost_and_the_names_given() {
        let on = |addr: &str, hosts: &[&str]| ServeOptions {
            hosts: hosts.iter().map(|h| h.to_string()).collect(),
            ..ServeOptions::new(addr.parse().unwrap())
        };
        let table: &[(ServeOptions, &str, bool)] = &[
            (on("127.0.0.1:7878", &[]), "127.0.0.1:7878", true),
            (on("127.0.0.1:7878", &[]), "localhost:7878", true),
            (on("127.0.0.1:7878", &[]), "LocalHost:7878", true),
            (on("127.0.0.1:7878", &[]), "localhost", false),
            (on("127.0.0.1:7878", &[]), "evil.example:7878", false),
            (on("127.0.0.1:7878", &[]), "127.0.0.1:7879", false),
            (on("127.0.0.1:7878", &[]), "", false),
            (on("127.0.0.1:7878", &[]), "localhost:", false),
            // Port 80 is what browsers and curl leave out.
            (on("127.0.0.1:80", &[]), "localhost", true),
            (on("127.0.0.1:80", &[]), "127.0.0.1", true),
            (on("127.0.0.1:80", &[]), "127.0.0.1:80", true),
            (on("[::1]:7878", &[]), "[::1]:7878", true),
            (on("[::1]:7878", &[]), "[::1]", false),
            (on("[::1]:80", &[]), "[::1]", true),
            (on("[::1]:7878", &[]), "[::1]x:7878", false),
            // Every interface, no names: any name (the token guards).
            (on("0.0.0.0:7878", &[]), "anything.example:7878", true),
            (on("0.0.0.0:7878", &[]), "anything.example:7879", false),
            // Every interface, with names: those only.
            (on("0.0.0.0:7878", &["gt.example"]), "gt.example:7878", true),
            (on("0.0.0.0:7878", &["gt.example"]), "GT.example:7878", true),
            (
                on("0.0.0.0:7878", &["gt.example"]),
                "evil.example:7878",
                false,
            ),
            (on("0.0.0.0:7878", &["gt.example"]), "localhost:7878", true),
        ];
        for (options, host, allowed) in table {
            assert_eq!(
                host_allowed(options, host),
                *allowed,
                "{host} on {}",
                options.addr
            );
        }
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abcdef", b"abcdef"));
        assert!(!same_secret(b"abcdef", b"abcdeg"));
        assert!(!same_secret(b"abc", b"abcdef"));
        assert!(!same_secret(b"", b"abcdef"));
    }
}
