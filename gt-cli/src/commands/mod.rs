//! One module per subcommand, one folder per group. Each holds its arguments
//! (their doc comments are the options' help; a call's own description is
//! its doc in the catalogue, `gt_core::doc`, and the command adds its
//! examples) and a `run` that calls gt-core and hands the result to `output`.

pub mod agent;
pub mod bead;
pub mod completions;
pub mod config;
pub mod convoy;
pub mod doctor;
pub mod escalation;
pub mod events;
pub mod hook;
pub mod host;
pub mod init;
pub mod mail;
pub mod man;
#[cfg(feature = "mcp")]
pub mod mcp;
pub mod patrol;
pub mod prompt;
pub mod rig;
pub mod run;
#[cfg(feature = "serve")]
pub mod serve;
pub mod sling;
pub mod sling_batch;
pub mod status;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    Init(init::InitArgs),
    Status(status::StatusArgs),
    #[command(subcommand)]
    Rig(rig::RigCommand),
    Sling(sling::SlingArgs),
    SlingBatch(sling_batch::SlingBatchArgs),
    #[command(subcommand)]
    Convoy(convoy::ConvoyCommand),
    #[command(subcommand)]
    Bead(bead::BeadCommand),
    #[command(subcommand)]
    Agent(agent::AgentCommand),
    Hook(hook::HookArgs),
    #[command(subcommand)]
    Host(host::HostCommand),
    #[command(subcommand)]
    Escalation(escalation::EscalationCommand),
    #[command(subcommand)]
    Mail(mail::MailCommand),
    Events(events::EventsArgs),
    Doctor(doctor::DoctorArgs),
    Patrol(patrol::PatrolArgs),
    Run(run::RunArgs),
    #[cfg(feature = "mcp")]
    Mcp(mcp::McpArgs),
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    #[command(subcommand)]
    Prompt(prompt::PromptCommand),
    #[command(subcommand)]
    Config(config::ConfigCommand),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

pub fn run(ctx: &mut Ctx, command: Command) -> Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Status(args) => status::run(ctx, args),
        Command::Rig(cmd) => rig::run(ctx, cmd),
        Command::Sling(args) => sling::run(ctx, args),
        Command::SlingBatch(args) => sling_batch::run(ctx, args),
        Command::Convoy(cmd) => convoy::run(ctx, cmd),
        Command::Bead(cmd) => bead::run(ctx, cmd),
        Command::Agent(cmd) => agent::run(ctx, cmd),
        Command::Hook(args) => hook::run(ctx, args),
        Command::Host(cmd) => host::run(ctx, cmd),
        Command::Escalation(cmd) => escalation::run(ctx, cmd),
        Command::Mail(cmd) => mail::run(ctx, cmd),
        Command::Events(args) => events::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Patrol(args) => patrol::run(ctx, args),
        Command::Run(args) => run::run(ctx, args),
        #[cfg(feature = "mcp")]
        Command::Mcp(args) => mcp::run(ctx, args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(ctx, args),
        Command::Prompt(cmd) => prompt::run(ctx, cmd),
        Command::Config(cmd) => config::run(ctx, cmd),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Man(args) => man::run(ctx, args),
    }
}

/// What a new bead is made of, for the commands that create one (`sling`,
/// `bead create`).
#[derive(Debug, clap::Args)]
pub struct NewWorkArgs {
    /// The rig the work is for
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    #[arg(long, value_name = "RIG")]
    pub rig: String,

    /// What needs doing
    pub title: String,

    /// Details for whoever does it
    #[arg(long)]
    pub body: Option<String>,

    /// low, medium, high or critical
    #[arg(long, default_value = "medium", value_parser = parse_enum::<gt_core::model::Priority>)]
    pub priority: gt_core::model::Priority,

    /// A label (repeatable)
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
}

/// Parses a value of a gt-core enumeration for clap, with gt-core's message.
pub fn parse_enum<T: std::str::FromStr<Err = gt_core::Error>>(s: &str) -> Result<T, String> {
    s.parse::<T>().map_err(|e| match &e.hint {
        Some(hint) => format!("{} ({})", e.message, crate::names::cli_hint(hint)),
        None => e.message,
    })
}
