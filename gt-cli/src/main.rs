//! The `gt` binary: argument parsing, rendering, and exit codes over gt-core.

mod cli;
mod commands;
mod config;
mod context;
mod generated;
mod guide;
mod live;
#[cfg(feature = "mcp")]
mod mcp;
mod names;
mod output;
#[cfg(any(feature = "mcp", feature = "serve"))]
mod runtime;
#[cfg(feature = "serve")]
mod serve;
mod views;
#[cfg(all(test, feature = "mcp", feature = "serve"))]
mod words;

fn main() -> std::process::ExitCode {
    cli::main()
}
