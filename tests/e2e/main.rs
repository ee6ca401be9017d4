//! End-to-end tests: the real `gt` binary against real towns. One test binary
//! (faster to build), one suite instantiated per backend by `suite!`.

mod support;

mod browser;
mod clients;
mod concurrency;
mod crash;
mod editing;
mod errors;
mod faces;
mod flow;
mod honest;
mod hostile;
mod http;
mod lost;
mod mail;
mod mayor;
mod mcp;
mod patrol;
mod proxy;
mod readme;
mod reliability;
mod remote;
mod rules;
mod run;
mod setup;
mod shell;
mod snapshots;
mod status;
mod tables;
mod tasks_file;

use support::Town;

/// Instantiates each listed test (a `fn(Town)` in module `$module`) for every
/// backend.
macro_rules! suite {
    ($($module:ident :: $name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    crate::$module::$name(crate::Town::sqlite());
                }
            )+
        }
        mod rqlite {
            $(
                #[test]
                fn $name() {
                    crate::$module::$name(crate::Town::rqlite());
                }
            )+
        }
    };
}

suite!(
    rules::the_actor_is_the_flag_then_the_environment_then_the_login,
    rules::a_dependent_freed_by_a_close_is_dispatched_after_the_commit,
    rules::merge_mode_does_not_delay_landing_and_one_failure_holds_it,
    honest::a_failed_blocker_says_its_convoy_is_stuck,
    honest::work_nothing_will_pick_up_needs_attention,
    honest::a_dead_agents_heartbeat_is_refused,
    honest::only_an_agents_own_acts_show_it_alive,
    honest::a_dry_run_invents_no_ids,
    honest::a_capped_convoy_can_be_raised_and_says_so,
    honest::hook_says_what_a_bead_waits_for_and_where_to_work,
    honest::events_read_as_words,
    honest::writes_and_lists_name_agents,
    honest::a_typo_names_what_was_meant_on_every_face,
    honest::beads_are_found_by_their_words,
    hostile::hostile_references_fail_with_their_exit_code,
    hostile::hostile_text_is_stored_exactly,
    hostile::hostile_task_files_are_refused_or_stored_exactly,
    hostile::hostile_http_bodies_are_refused_or_stored_exactly,
    hostile::hostile_tool_arguments_are_refused_or_stored_exactly,
    mayor::a_task_is_inserted_before_another_in_two_commands,
    mayor::a_reopened_bead_is_put_back_to_work_within_the_cap,
    mayor::convoy_status_says_what_needs_attention,
    mayor::a_forced_delete_says_what_it_freed,
    mayor::a_convoys_events_include_its_escalations_and_resets,
    mayor::names_come_before_ids_and_ambiguity_lists_candidates,
    mayor::sling_joins_a_convoy_or_refuses_when_its_cap_is_full,
    mayor::edits_by_hand_keep_a_capped_convoy_within_its_cap,
    flow::diamond_lands_once_through_the_cli,
    flow::sling_hooks_and_dispatches_one_bead,
    flow::idempotent_batches_write_nothing_the_second_time,
    flow::capped_batches_feed_polecats,
    flow::bead_update_changes_only_the_given_fields,
    flow::events_filter_by_subject_and_limit,
    flow::lists_page_on_from_the_last_item_got,
    flow::hook_shows_what_a_polecat_should_do,
    flow::dispatch_command_runs_after_commit,
    flow::a_failing_dispatch_command_is_recorded_not_undone,
    flow::quiet_prints_only_ids,
    flow::human_output_is_tables,
    tasks_file::faulty_task_files_are_refused_with_their_line,
    tasks_file::tasks_come_from_stdin_and_json_lines,
    errors::unknown_ids_exit_3,
    errors::conflicts_exit_4,
    errors::bad_values_exit_2,
    errors::ambiguous_prefixes_list_candidates,
    errors::no_input_makes_gt_panic,
    concurrency::eight_processes_close_one_convoy,
    concurrency::writers_on_one_beads_labels_lose_nothing,
    concurrency::slings_racing_for_one_idle_polecat_share_nothing,
    concurrency::batches_racing_with_one_key_make_one_convoy,
    editing::bead_update_reopens_a_landed_convoy,
    editing::bead_reassign_hooks_the_new_agent_then_unhooks_the_old,
    editing::bead_reassign_refusals,
    editing::bead_delete_recounts_and_keeps_history,
    editing::agent_reset_writes_one_unhook_and_frees_the_bead,
    editing::agent_reset_stop_signals_the_recorded_process,
    editing::agent_update_sets_status_and_refuses_bad_values,
    editing::agent_delete_releases_the_bead_to_an_idle_polecat,
    editing::convoy_update_is_audited,
    editing::convoy_close_with_beads_ends_them_and_frees_agents,
    editing::convoy_reopen_undoes_a_force_close,
    editing::convoy_add_and_remove_change_tracking,
    editing::convoy_delete_unlinks_its_beads_and_keeps_history,
    editing::doctor_finds_and_repairs_a_corrupted_town,
    editing::escalations_are_raised_listed_and_acked_once,
    editing::escalations_are_resolved_once_with_a_note,
    editing::heartbeats_record_activity_and_recover_stalled_agents,
    editing::events_follow_streams_json_lines,
    editing::events_of_a_convoy_include_its_beads,
    editing::the_mayor_guide_names_every_editing_command,
    editing::a_task_is_inserted_into_a_running_convoy,
    http::http_routes_answer_as_the_cli,
    http::http_refusals_write_nothing,
    http::http_index_and_plain_words,
    status::status_shows_the_town_at_a_glance,
    status::status_watch_redraws_and_quits_on_q,
    status::status_watch_json_streams_a_document_per_change,
    http::http_stream_carries_every_writer,
    http::http_stream_opened_at_once_misses_nothing,
    clients::a_big_batch_reaches_a_live_stream_whole,
    mcp::mcp_diamond_flow_lands_once,
    mcp::mcp_edits_wonky_state,
    mcp::mcp_refusals_write_nothing,
    mcp::mcp_read_only_serves_reads,
    mcp::mcp_polecat_edits_only_its_own_bead,
    faces::lists_are_slim_alike_on_every_face,
    faces::batch_answers_can_be_brief_on_every_face,
    mcp::mcp_polecat_report_racing_a_reassign_lands_only_on_its_own_bead,
    mcp::mcp_servers_and_the_cli_write_one_town_at_once,
    patrol::patrol_repairs_a_silent_town_once,
    patrol::patrol_refuses_bad_thresholds,
    patrol::four_patrols_at_once_repair_each_death_once,
    patrol::patrol_watch_streams_repairs_until_sigterm,
    run::the_town_runs_itself,
    run::runs_that_fail_are_retried_then_fail_their_bead,
    run::hung_and_stubborn_runs_are_stopped,
    run::taking_work_away_stops_its_process,
    run::two_supervisors_start_each_bead_once,
    run::a_killed_supervisor_is_recovered,
    run::agent_logs_are_one_document_on_every_face,
    run::bad_setups_are_clear_and_lose_nothing,
    run::worktrees_go_when_their_work_is_done,
    run::a_flooding_agent_is_stopped,
    run::the_readme_script_agent_lands_a_convoy,
    run::a_polecats_brief_tells_it_its_work,
    run::agent_logs_follow_a_run_to_its_end,
    run::a_second_signal_kills_at_once,
    run::a_lost_hosts_work_moves_to_another,
    run::a_host_takes_only_its_rigs,
    run::a_lost_host_that_comes_back_stops_its_stale_agents,
    mail::mail_reaches_every_kind_of_address,
    mail::inboxes_filter_and_read_marks_once,
    mail::deleting_an_agent_keeps_its_mail,
    mail::mail_flows_between_the_mayor_and_a_polecat_over_mcp,
    mail::mail_over_http,
);

/// The drift test runs on copies of one SQLite town (the backend does not
/// change what a document holds).
#[test]
fn drift_cli_json_equals_mcp_structured_content() {
    mcp::drift_cli_json_equals_mcp_structured_content();
}

#[test]
fn mcp_busy_or_down_town_is_unavailable() {
    mcp::mcp_busy_or_down_town_is_unavailable();
}

#[test]
fn a_frozen_supervisor_is_replaced_and_stands_down() {
    run::a_frozen_supervisor_is_replaced_and_stands_down(Town::rqlite());
}

#[test]
fn hosts_on_a_cluster_start_each_bead_once() {
    run::hosts_on_a_cluster_start_each_bead_once();
}

#[test]
fn the_dashboard_works_in_a_real_browser() {
    browser::the_dashboard_works_in_a_real_browser();
}
