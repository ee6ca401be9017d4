//! The `gt` binary: argument parsing, rendering, and exit codes over gt-core.

mod cli;
mod commands;
mod config;
mod context;
mod generated;
mod guide;
mod keeper;
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(code) = keeper::run_if_asked(&args) {
        return code;
    }
    cli::main()
}
