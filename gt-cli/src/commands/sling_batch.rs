use std::io::Read;

use clap::Args;
use gt_core::model::MergeMode;
use gt_core::tasks::{self, TaskInput};
use gt_core::{Error, Result};

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::SlingBatch;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "The tasks come from --task (one each, no dependencies) or --tasks-file, a JSON\n",
    "array or JSON Lines of task objects ('-' reads standard input).\n",
    "\n",
    "Examples:\n",
    "  gt sling-batch --rig app --title \"Refactor auth\" --task \"Split module\" --task \"Fix tests\"\n",
    "  gt sling-batch --rig app --title \"Big change\" --tasks-file tasks.json --max-polecats 4\n",
    "  generate-tasks | gt sling-batch --rig app --title \"Nightly\" --tasks-file - --idempotency-key nightly-2026-11-21",
))]
pub struct SlingBatchArgs {
    /// The rig the work is for
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    #[arg(long, value_name = "RIG")]
    pub rig: String,

    /// The convoy's title: the overall piece of work
    #[arg(long)]
    pub title: String,

    /// A task title (repeatable; such tasks have no dependencies)
    #[arg(
        long = "task",
        value_name = "TITLE",
        required_unless_present = "tasks_file",
        conflicts_with = "tasks_file"
    )]
    pub tasks: Vec<String>,

    /// A JSON or JSON Lines task file, or '-' for standard input
    #[arg(long, value_name = "FILE")]
    pub tasks_file: Option<String>,

    /// review-then-land or review-and-merge
    #[arg(long, default_value = "review-then-land", value_parser = parse_enum::<MergeMode>)]
    pub merge_mode: MergeMode,

    /// The branch the convoy's work is merged into
    #[arg(long, value_name = "BRANCH")]
    pub feature_branch: Option<String>,

    /// The most polecats this batch may occupy at once
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_polecats: Option<u32>,

    /// Run again with the same key: returns the first convoy, writes nothing
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,

    /// Print the convoy, the beads' IDs and the effects, not each bead again
    #[arg(long)]
    pub brief: bool,
}

fn read_tasks(path: &str) -> Result<Vec<TaskInput>> {
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::usage(format!("cannot read tasks from standard input: {e}")))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::usage(format!("cannot read the task file {path}: {e}"))
                .with_hint("check the path, or pass '-' to read standard input")
        })?;
        (path.to_string(), bytes)
    };
    tasks::parse(&name, &bytes)
}

pub fn run(ctx: &mut Ctx, args: SlingBatchArgs) -> Result<()> {
    let tasks = match &args.tasks_file {
        Some(path) => read_tasks(path)?,
        None => args.tasks.iter().map(TaskInput::titled).collect(),
    };
    let batch = ctx.town()?.call(SlingBatch {
        rig_id: args.rig,
        convoy_title: args.title,
        tasks,
        merge_mode: Some(args.merge_mode),
        feature_branch: args.feature_branch,
        max_polecats: args.max_polecats,
        idempotency_key: args.idempotency_key,
        brief: args.brief,
    })?;
    ctx.emit(&batch)
}
