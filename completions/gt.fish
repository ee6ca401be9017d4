# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_gt_global_optspecs
    string join \n db= json actor= color= q/quiet fields= lock-timeout= wide h/help V/version
end

function __fish_gt_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_gt_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_gt_using_subcommand
    set -l cmd (__fish_gt_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c gt -n "__fish_gt_needs_command" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_needs_command" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_needs_command" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_needs_command" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_needs_command" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_needs_command" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_needs_command" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_needs_command" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_needs_command" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_needs_command" -f -a "init" -d 'Create the town database, or upgrade it to this gt\'s schema'
complete -c gt -n "__fish_gt_needs_command" -f -a "status" -d 'Show the town at a glance: active convoys and what they need, agents by status, open escalations, live hosts and the newest events'
complete -c gt -n "__fish_gt_needs_command" -f -a "rig" -d 'Manage rigs, the repositories the town works on'
complete -c gt -n "__fish_gt_needs_command" -f -a "sling" -d 'Create one bead, hook it onto a polecat, and dispatch it'
complete -c gt -n "__fish_gt_needs_command" -f -a "sling-batch" -d 'Sling many beads as one tracked convoy, atomically'
complete -c gt -n "__fish_gt_needs_command" -f -a "convoy" -d 'Watch and repair convoys, the tracked batches of beads'
complete -c gt -n "__fish_gt_needs_command" -f -a "bead" -d 'Create, inspect and edit beads, the units of work'
complete -c gt -n "__fish_gt_needs_command" -f -a "agent" -d 'Inspect and repair agents (polecats, refinery, mayor, witness)'
complete -c gt -n "__fish_gt_needs_command" -f -a "hook" -d 'Show what is on an agent\'s hook: for a polecat, "what do I do now"'
complete -c gt -n "__fish_gt_needs_command" -f -a "host" -d 'The machines whose supervisors (gt run) run the town\'s agents'
complete -c gt -n "__fish_gt_needs_command" -f -a "escalation" -d 'Raise, list, acknowledge and resolve requests for human attention'
complete -c gt -n "__fish_gt_needs_command" -f -a "mail" -d 'Send, list and read messages between the Mayor, polecats and people'
complete -c gt -n "__fish_gt_needs_command" -f -a "events" -d 'Show the activity feed, newest last'
complete -c gt -n "__fish_gt_needs_command" -f -a "doctor" -d 'Check every invariant of the town, and repair what can be repaired'
complete -c gt -n "__fish_gt_needs_command" -f -a "patrol" -d 'Find stuck agents and work nothing will pick up, and repair what is safe'
complete -c gt -n "__fish_gt_needs_command" -f -a "run" -d 'Run the town: start each polecat\'s agent when its bead is dispatched'
complete -c gt -n "__fish_gt_needs_command" -f -a "mcp" -d 'Serve gt\'s calls as MCP tools on stdin and stdout (for agent hosts)'
complete -c gt -n "__fish_gt_needs_command" -f -a "serve" -d 'Serve the live dashboard and the HTTP API over the town'
complete -c gt -n "__fish_gt_needs_command" -f -a "prompt" -d 'Print a guide to gt for an agent\'s prompt'
complete -c gt -n "__fish_gt_needs_command" -f -a "config" -d 'Inspect gt\'s settings and where they come from'
complete -c gt -n "__fish_gt_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c gt -n "__fish_gt_needs_command" -f -a "man" -d 'Print the gt(1) man page, or write every page with --out-dir'
complete -c gt -n "__fish_gt_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand init" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand init" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand init" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand init" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand init" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand init" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand init" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand init" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand init" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand status" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand status" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand status" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand status" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand status" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand status" -l events -d 'How many of the newest events to show [default: 10]' -r
complete -c gt -n "__fish_gt_using_subcommand status" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand status" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand status" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand status" -l watch -d 'Keep the overview on screen, redrawn live as the town changes'
complete -c gt -n "__fish_gt_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand status" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a rig (adding one that exists with the same settings changes nothing)'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List the town\'s rigs'
complete -c gt -n "__fish_gt_using_subcommand rig; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l git-url -d 'Where the repository is cloned from' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l default-branch -d 'The branch work lands on [default: main]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from help" -f -a "add"
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from help" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand rig; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand sling" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand sling" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l rig -d 'The rig the work is for' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l body -d 'Details for whoever does it' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l priority -d 'low, medium, high or critical' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l label -d 'A label (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l convoy -d 'A convoy to track the bead' -r
complete -c gt -n "__fish_gt_using_subcommand sling" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand sling" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand sling" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand sling" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand sling" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l rig -d 'The rig the work is for' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l title -d 'The convoy\'s title: the overall piece of work' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l task -d 'A task title (repeatable; such tasks have no dependencies)' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l tasks-file -d 'A JSON or JSON Lines task file, or \'-\' for standard input' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l merge-mode -d 'review-then-land or review-and-merge' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l feature-branch -d 'The branch the convoy\'s work is merged into' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l max-polecats -d 'The most polecats this batch may occupy at once' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l idempotency-key -d 'Run again with the same key: returns the first convoy, writes nothing' -r
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -l brief -d 'Print the convoy, the beads\' IDs and the effects, not each bead again'
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand sling-batch" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "list" -d 'List active convoys with their progress (all of them with --all)'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "status" -d 'Show a convoy: each tracked bead with its status, assignee and blockers'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "close" -d 'Force-close (or force-fail) a convoy that will not land by itself'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "reopen" -d 'Reopen a convoy closed or failed by hand (the undo of a force close)'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "update" -d 'Edit a convoy\'s title, merge mode, feature branch or cap of polecats'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "add" -d 'Start tracking beads in a convoy (a bead belongs to at most one convoy)'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "remove" -d 'Stop tracking beads in a convoy (the beads stay)'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "delete" -d 'Delete a convoy: its beads stay, no longer in any convoy'
complete -c gt -n "__fish_gt_using_subcommand convoy; and not __fish_seen_subcommand_from list status close reopen update add remove delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l status -d 'Only convoys in this status (active, landed, closed, failed)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l rig -d 'Only convoys of this rig' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -l all -d 'Include landed, closed and failed convoys'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l reason -d 'Why, for the record' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l failed -d 'Mark it failed rather than closed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -l close-beads -d 'Also end every unfinished tracked bead, freeing its agent'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from reopen" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l merge-mode -d 'review-then-land or review-and-merge' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l feature-branch -d 'The branch its work is merged into ("" clears it)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l title -d 'A new title' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l max-polecats -d 'How many polecats may work on it at once (at least 1)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "status"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "close"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "reopen"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "update"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "add"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "remove"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "delete"
complete -c gt -n "__fish_gt_using_subcommand convoy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "create" -d 'Create a bead, on its own or in a convoy'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "list" -d 'List beads, oldest first'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "show" -d 'Show one bead in full'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "update" -d 'Change some fields of a bead; the others stay as they are'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "reassign" -d 'Move a bead to another agent (or to a new polecat of its rig)'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "delete" -d 'Delete a bead; its history stays in the event log'
complete -c gt -n "__fish_gt_using_subcommand bead; and not __fish_seen_subcommand_from create list show update reassign delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l rig -d 'The rig the work is for' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l body -d 'Details for whoever does it' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l priority -d 'low, medium, high or critical' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l label -d 'A label (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l depends-on -d 'A bead this one waits for (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l convoy -d 'A convoy to track it and put it to work' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l status -d 'Only beads in this status' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l rig -d 'Only beads of this rig' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l convoy -d 'Only beads tracked by this convoy' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l assignee -d 'Only beads hooked to this agent' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l priority -d 'Only beads of this priority' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l label -d 'Only beads with this label' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l search -d 'Only beads whose title or body contains this text (3 characters or more, any case)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l depends-on -d 'Only beads that wait for this bead: its dependents, in any convoy' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l limit -d 'At most this many beads' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -l open -d 'Only beads that are not closed or failed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l status -d 'open, in_progress, in_review, closed or failed' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l title -d 'A new title' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l body -d 'A new body' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l priority -d 'low, medium, high or critical' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l label -d 'Replace all labels with these (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l add-label -d 'Add a label (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l remove-label -d 'Remove a label (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l meta -d 'Set a metadata key; VALUE is JSON when it parses as JSON (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l unset-meta -d 'Remove a metadata key (repeatable)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l add-depends-on -d 'Make it wait for this bead too (repeatable; a cycle is refused)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l remove-depends-on -d 'Stop it waiting for this bead (repeatable; it may then dispatch)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l to -d 'The agent to hook it to (name or ID)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -l new -d 'Hook it to a new polecat of the bead\'s rig'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from reassign" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -l force -d 'Delete it even if it is hooked (its agent is freed)'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "create"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "show"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "update"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "reassign"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "delete"
complete -c gt -n "__fish_gt_using_subcommand bead; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "list" -d 'List agents'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "show" -d 'Show one agent'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "update" -d 'Set an agent\'s status or recorded process ID directly, for repairs'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "reset" -d 'Force an agent back to idle, with nothing on its hook'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "heartbeat" -d 'Report that an agent is alive (a polecat calls this every minute)'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "delete" -d 'Delete an agent (its history stays)'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "logs" -d 'Print the log of an agent\'s current or last run'
complete -c gt -n "__fish_gt_using_subcommand agent; and not __fish_seen_subcommand_from list show update reset heartbeat delete logs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l rig -d 'Only agents of this rig' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l status -d 'Only agents in this status (idle, working, stalled, dead)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l limit -d 'Show the first N agents, oldest first' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l after -d 'Only agents made after this one (name or ID): give the last agent of a page to get the next' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -l free -d 'Only polecats free to take work: idle, with nothing on their hook'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l status -d 'idle, working, stalled or dead' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l pid -d 'The process ID of the agent\'s process on this host' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -l stop -d 'Also send SIGTERM to the agent\'s recorded process'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from heartbeat" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -l force -d 'Delete it even if it is hooked (its bead is released)'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -s n -l lines -d 'How many of its last lines to print (at most 10000)' -r
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing what the run writes until it ends (JSON Lines of {"line": …} with --json)'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "show"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "update"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "reset"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "heartbeat"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "delete"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "logs"
complete -c gt -n "__fish_gt_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand hook" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand hook" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand hook" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand hook" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand hook" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand hook" -l agent -d 'The agent\'s name or ID' -r
complete -c gt -n "__fish_gt_using_subcommand hook" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand hook" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand hook" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand hook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand hook" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List the town\'s hosts: status, slots, running agents, rigs, version and last beat'
complete -c gt -n "__fish_gt_using_subcommand host; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from help" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand host; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -f -a "raise" -d 'Ask a human for attention'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -f -a "list" -d 'List open escalations (all of them with --all)'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -f -a "ack" -d 'Acknowledge an escalation (a second ack changes nothing and says so)'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -f -a "resolve" -d 'Resolve an escalation, open or acknowledged (a second resolve changes nothing and says so)'
complete -c gt -n "__fish_gt_using_subcommand escalation; and not __fish_seen_subcommand_from raise list ack resolve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l severity -d 'low, medium, high or critical [default: medium]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l category -d 'A free-form category, for filtering' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l bead -d 'The bead it concerns' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l rig -d 'The rig it concerns' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l agent -d 'The agent it concerns' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from raise" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -l all -d 'Include acknowledged and resolved escalations'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from ack" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l note -d 'What was done about it (kept in the audit log)' -r
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from resolve" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from help" -f -a "raise"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from help" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from help" -f -a "ack"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from help" -f -a "resolve"
complete -c gt -n "__fish_gt_using_subcommand escalation; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -f -a "send" -d 'Send a message to an agent, the Mayor, a person, or a group'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -f -a "inbox" -d 'List an inbox, unread first, newest first'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -f -a "read" -d 'Show a message and mark it read (a second read changes nothing)'
complete -c gt -n "__fish_gt_using_subcommand mail; and not __fish_seen_subcommand_from send inbox read help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l to -d 'Whom to: an agent (name or ID), mayor, human, convoy:ID or rig:NAME' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -s s -l subject -d 'What it is about, in a line' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -s b -l body -d 'The message itself' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l bead -d 'The bead it is about' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l convoy -d 'The convoy it is about [default: the bead\'s, or the group\'s]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l reply-to -d 'The message this answers' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l convoy -d 'Only messages about this convoy' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l limit -d 'Show at most N messages, unread ones first (0 for all)' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l unread -d 'Only unread messages'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -l all -d 'Every inbox\'s messages'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from inbox" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from read" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "send"
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "inbox"
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "read"
complete -c gt -n "__fish_gt_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand events" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand events" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l subject -d 'Only events about this bead, convoy, agent (name or ID) or escalation' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l convoy -d 'Only events of this convoy and of the beads it tracks' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l since -d 'Only events since this time (RFC 3339), date (2026-11-21), today, yesterday, or age (10m, 2h, 1day)' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l limit -d 'Show the newest N events (0 for all)' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l after -d 'Only events after this event id (the first N after it, oldest first), to page on from the last one seen' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l before -d 'Only events before this event id (the newest N before it), to page back from the oldest one seen' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l actor -d 'Only events by this actor' -r
complete -c gt -n "__fish_gt_using_subcommand events" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand events" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand events" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand events" -s f -l follow -d 'Keep printing new events as they happen (JSON Lines with --json)'
complete -c gt -n "__fish_gt_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand events" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand doctor" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand doctor" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand doctor" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand doctor" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand doctor" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand doctor" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand doctor" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand doctor" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand doctor" -l fix -d 'Repair counts, landings, hooks and edges (audited)'
complete -c gt -n "__fish_gt_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand patrol" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand patrol" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l stall-after -d 'A working agent silent this long is stalled [default: 10m]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l dead-after -d 'An agent silent this long is dead and loses its bead [default: 30m]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l max-dispatch-retries -d 'Retries of a failed dispatch command before it is escalated [default: 3]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l host-dead-after -d 'A host whose supervisor (gt run) is silent this long is lost, and its claims go to other hosts [default: 2m]' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l interval -d 'Time between passes with --watch' -r
complete -c gt -n "__fish_gt_using_subcommand patrol" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand patrol" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand patrol" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand patrol" -l dry-run -d 'Report what is due without changing anything'
complete -c gt -n "__fish_gt_using_subcommand patrol" -l watch -d 'Keep patrolling until SIGINT or SIGTERM, one line (JSON Line) per repair'
complete -c gt -n "__fish_gt_using_subcommand patrol" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand patrol" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand run" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand run" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l slots -d 'How many agents run at once on this host [default: run.slots, else 4]' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l host -d 'This host\'s name in the town [default: the machine\'s host name]' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l patrol-interval -d 'How often the supervisor runs a patrol pass' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l rig -d 'Take beads of this rig only (repeat for more) [default: run.rigs, else every rig]' -r
complete -c gt -n "__fish_gt_using_subcommand run" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand run" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand run" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand run" -l no-patrol -d 'Run no patrol passes (another process patrols the town)'
complete -c gt -n "__fish_gt_using_subcommand run" -l once -d 'Start what is runnable, wait for it (and for the work it frees), then exit'
complete -c gt -n "__fish_gt_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand run" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand mcp" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand mcp" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand mcp" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand mcp" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand mcp" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand mcp" -l polecat -d 'Serve one polecat its own tools: its hook, its bead, heartbeats, escalations' -r
complete -c gt -n "__fish_gt_using_subcommand mcp" -l tools -d 'Which tools to serve: all of them, or the Mayor\'s everyday set (core: slinging, convoys, bead update and reassign, agent reset, escalations, events) for hosts that count context' -r -f -a "all\t''
core\t''"
complete -c gt -n "__fish_gt_using_subcommand mcp" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand mcp" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand mcp" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand mcp" -l read-only -d 'Serve only the tools that read'
complete -c gt -n "__fish_gt_using_subcommand mcp" -l output-schemas -d 'Declare each tool\'s output schema too (for hosts that validate structured results; the schemas are most of the tool list\'s size)'
complete -c gt -n "__fish_gt_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand serve" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand serve" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l addr -d 'The address to listen on' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l token -d 'The token every request must bring (needed off loopback)' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l host -d 'A name the server answers to besides its address and localhost (repeatable); on 0.0.0.0 without it, any name is answered' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l max-connections -d 'How many connections may be open at once (past it: 503)' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l max-streams -d 'How many event streams may be open at once (past it: 503)' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l shutdown-timeout -d 'How long SIGINT or SIGTERM waits for calls and clients before cutting them off' -r
complete -c gt -n "__fish_gt_using_subcommand serve" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand serve" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand serve" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand serve" -l read-only -d 'Refuse every write (403)'
complete -c gt -n "__fish_gt_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand serve" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -f -a "mayor" -d 'Print the Mayor\'s guide: convoys, progress, and surgical editing'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -f -a "polecat" -d 'Print a polecat\'s brief: its bead, its convoy, and how to report'
complete -c gt -n "__fish_gt_using_subcommand prompt; and not __fish_seen_subcommand_from mayor polecat help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from mayor" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from polecat" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from help" -f -a "mayor"
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from help" -f -a "polecat"
complete -c gt -n "__fish_gt_using_subcommand prompt; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Show each effective setting and where it came from'
complete -c gt -n "__fish_gt_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show"
complete -c gt -n "__fish_gt_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand completions" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand completions" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand completions" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand completions" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand completions" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand completions" -l out-dir -d 'Write the scripts for every shell into this directory instead' -r -F
complete -c gt -n "__fish_gt_using_subcommand completions" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand completions" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand completions" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand completions" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand man" -l db -d 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]' -r
complete -c gt -n "__fish_gt_using_subcommand man" -l actor -d 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]' -r
complete -c gt -n "__fish_gt_using_subcommand man" -l color -d 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c gt -n "__fish_gt_using_subcommand man" -l fields -d 'With --json, a list\'s items with only these fields (a slim list)' -r
complete -c gt -n "__fish_gt_using_subcommand man" -l lock-timeout -d 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]' -r
complete -c gt -n "__fish_gt_using_subcommand man" -l out-dir -d 'Write gt.1 and one page per subcommand into this directory' -r -F
complete -c gt -n "__fish_gt_using_subcommand man" -l json -d 'Print one JSON document on stdout; errors become JSON on stderr'
complete -c gt -n "__fish_gt_using_subcommand man" -s q -l quiet -d 'Print only the IDs of what a command created or listed'
complete -c gt -n "__fish_gt_using_subcommand man" -l wide -d 'Show whole cells in tables, wider than the terminal if need be'
complete -c gt -n "__fish_gt_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gt -n "__fish_gt_using_subcommand man" -s V -l version -d 'Print version'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "init"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "status"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "rig" -d 'Manage rigs, the repositories the town works on'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "sling"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "sling-batch"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "convoy" -d 'Watch and repair convoys, the tracked batches of beads'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "bead" -d 'Create, inspect and edit beads, the units of work'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "agent" -d 'Inspect and repair agents (polecats, refinery, mayor, witness)'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "hook"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "host" -d 'The machines whose supervisors (gt run) run the town\'s agents'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "escalation" -d 'Raise, list, acknowledge and resolve requests for human attention'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "mail" -d 'Send, list and read messages between the Mayor, polecats and people'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "events"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "doctor"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "patrol"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "run"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "mcp"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "serve"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "prompt" -d 'Print a guide to gt for an agent\'s prompt'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "config" -d 'Inspect gt\'s settings and where they come from'
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "completions"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "man"
complete -c gt -n "__fish_gt_using_subcommand help; and not __fish_seen_subcommand_from init status rig sling sling-batch convoy bead agent hook host escalation mail events doctor patrol run mcp serve prompt config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from rig" -f -a "add"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from rig" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "status"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "close"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "reopen"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "update"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "add"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "remove"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from convoy" -f -a "delete"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from bead" -f -a "create"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from bead" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from bead" -f -a "show"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from bead" -f -a "update"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from bead" -f -a "reassign"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from bead" -f -a "delete"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "show"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "update"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "reset"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "heartbeat"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "delete"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "logs"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from host" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from escalation" -f -a "raise"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from escalation" -f -a "list"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from escalation" -f -a "ack"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from escalation" -f -a "resolve"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "send"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "inbox"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "read"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from prompt" -f -a "mayor"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from prompt" -f -a "polecat"
complete -c gt -n "__fish_gt_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show"
