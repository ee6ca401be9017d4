//! The dashboard's files, built into the binary.

use super::*;

/// The dashboard, built into the binary: no build step, nothing fetched
/// from elsewhere (the policy says so to the browser).
pub(super) const PAGE: &str = include_str!("../dashboard/index.html");
pub(super) const SCRIPT: &str = include_str!("../dashboard/dashboard.js");
pub(super) const STYLE: &str = include_str!("../dashboard/dashboard.css");
pub(super) const ICON: &str = include_str!("../dashboard/favicon.svg");

pub(super) fn page(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}
