
use builtin;
use str;

set edit:completion:arg-completer[gt] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'gt'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'gt'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the town database, or upgrade it to this gt''s schema'
            cand status 'Show the town at a glance: active convoys and what they need, agents by status, open escalations, live hosts and the newest events'
            cand rig 'Manage rigs, the repositories the town works on'
            cand sling 'Create one bead, hook it onto a polecat, and dispatch it'
            cand sling-batch 'Sling many beads as one tracked convoy, atomically'
            cand convoy 'Watch and repair convoys, the tracked batches of beads'
            cand bead 'Create, inspect and edit beads, the units of work'
            cand agent 'Inspect and repair agents (polecats, refinery, mayor, witness)'
            cand hook 'Show what is on an agent''s hook: for a polecat, "what do I do now"'
            cand host 'The machines whose supervisors (gt run) run the town''s agents'
            cand escalation 'Raise, list, acknowledge and resolve requests for human attention'
            cand mail 'Send, list and read messages between the Mayor, polecats and people'
            cand events 'Show the activity feed, newest last'
            cand doctor 'Check every invariant of the town, and repair what can be repaired'
            cand patrol 'Find stuck agents and work nothing will pick up, and repair what is safe'
            cand run 'Run the town: start each polecat''s agent when its bead is dispatched'
            cand mcp 'Serve gt''s calls as MCP tools on stdin and stdout (for agent hosts)'
            cand serve 'Serve the live dashboard and the HTTP API over the town'
            cand prompt 'Print a guide to gt for an agent''s prompt'
            cand config 'Inspect gt''s settings and where they come from'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the gt(1) man page, or write every page with --out-dir'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;init'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;status'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --events 'How many of the newest events to show [default: 10]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --watch 'Keep the overview on screen, redrawn live as the town changes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;rig'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a rig (adding one that exists with the same settings changes nothing)'
            cand list 'List the town''s rigs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;rig;add'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --git-url 'Where the repository is cloned from'
            cand --default-branch 'The branch work lands on [default: main]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;rig;list'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;rig;help'= {
            cand add 'add'
            cand list 'list'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;rig;help;add'= {
        }
        &'gt;rig;help;list'= {
        }
        &'gt;rig;help;help'= {
        }
        &'gt;sling'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --rig 'The rig the work is for'
            cand --body 'Details for whoever does it'
            cand --priority 'low, medium, high or critical'
            cand --label 'A label (repeatable)'
            cand --convoy 'A convoy to track the bead'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;sling-batch'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --rig 'The rig the work is for'
            cand --title 'The convoy''s title: the overall piece of work'
            cand --task 'A task title (repeatable; such tasks have no dependencies)'
            cand --tasks-file 'A JSON or JSON Lines task file, or ''-'' for standard input'
            cand --merge-mode 'review-then-land or review-and-merge'
            cand --feature-branch 'The branch the convoy''s work is merged into'
            cand --max-polecats 'The most polecats this batch may occupy at once'
            cand --idempotency-key 'Run again with the same key: returns the first convoy, writes nothing'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --brief 'Print the convoy, the beads'' IDs and the effects, not each bead again'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List active convoys with their progress (all of them with --all)'
            cand status 'Show a convoy: each tracked bead with its status, assignee and blockers'
            cand close 'Force-close (or force-fail) a convoy that will not land by itself'
            cand reopen 'Reopen a convoy closed or failed by hand (the undo of a force close)'
            cand update 'Edit a convoy''s title, merge mode, feature branch or cap of polecats'
            cand add 'Start tracking beads in a convoy (a bead belongs to at most one convoy)'
            cand remove 'Stop tracking beads in a convoy (the beads stay)'
            cand delete 'Delete a convoy: its beads stay, no longer in any convoy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;convoy;list'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --status 'Only convoys in this status (active, landed, closed, failed)'
            cand --rig 'Only convoys of this rig'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --all 'Include landed, closed and failed convoys'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;status'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;close'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --reason 'Why, for the record'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --failed 'Mark it failed rather than closed'
            cand --close-beads 'Also end every unfinished tracked bead, freeing its agent'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;reopen'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;update'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --merge-mode 'review-then-land or review-and-merge'
            cand --feature-branch 'The branch its work is merged into ("" clears it)'
            cand --title 'A new title'
            cand --max-polecats 'How many polecats may work on it at once (at least 1)'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;add'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;remove'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;delete'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;convoy;help'= {
            cand list 'list'
            cand status 'status'
            cand close 'close'
            cand reopen 'reopen'
            cand update 'update'
            cand add 'add'
            cand remove 'remove'
            cand delete 'delete'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;convoy;help;list'= {
        }
        &'gt;convoy;help;status'= {
        }
        &'gt;convoy;help;close'= {
        }
        &'gt;convoy;help;reopen'= {
        }
        &'gt;convoy;help;update'= {
        }
        &'gt;convoy;help;add'= {
        }
        &'gt;convoy;help;remove'= {
        }
        &'gt;convoy;help;delete'= {
        }
        &'gt;convoy;help;help'= {
        }
        &'gt;bead'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a bead, on its own or in a convoy'
            cand list 'List beads, oldest first'
            cand show 'Show one bead in full'
            cand update 'Change some fields of a bead; the others stay as they are'
            cand reassign 'Move a bead to another agent (or to a new polecat of its rig)'
            cand delete 'Delete a bead; its history stays in the event log'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;bead;create'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --rig 'The rig the work is for'
            cand --body 'Details for whoever does it'
            cand --priority 'low, medium, high or critical'
            cand --label 'A label (repeatable)'
            cand --depends-on 'A bead this one waits for (repeatable)'
            cand --convoy 'A convoy to track it and put it to work'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;bead;list'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --status 'Only beads in this status'
            cand --rig 'Only beads of this rig'
            cand --convoy 'Only beads tracked by this convoy'
            cand --assignee 'Only beads hooked to this agent'
            cand --priority 'Only beads of this priority'
            cand --label 'Only beads with this label'
            cand --search 'Only beads whose title or body contains this text (3 characters or more, any case)'
            cand --depends-on 'Only beads that wait for this bead: its dependents, in any convoy'
            cand --limit 'At most this many beads'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --open 'Only beads that are not closed or failed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;bead;show'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;bead;update'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --status 'open, in_progress, in_review, closed or failed'
            cand --title 'A new title'
            cand --body 'A new body'
            cand --priority 'low, medium, high or critical'
            cand --label 'Replace all labels with these (repeatable)'
            cand --add-label 'Add a label (repeatable)'
            cand --remove-label 'Remove a label (repeatable)'
            cand --meta 'Set a metadata key; VALUE is JSON when it parses as JSON (repeatable)'
            cand --unset-meta 'Remove a metadata key (repeatable)'
            cand --add-depends-on 'Make it wait for this bead too (repeatable; a cycle is refused)'
            cand --remove-depends-on 'Stop it waiting for this bead (repeatable; it may then dispatch)'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;bead;reassign'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --to 'The agent to hook it to (name or ID)'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --new 'Hook it to a new polecat of the bead''s rig'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;bead;delete'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --force 'Delete it even if it is hooked (its agent is freed)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;bead;help'= {
            cand create 'create'
            cand list 'list'
            cand show 'show'
            cand update 'update'
            cand reassign 'reassign'
            cand delete 'delete'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;bead;help;create'= {
        }
        &'gt;bead;help;list'= {
        }
        &'gt;bead;help;show'= {
        }
        &'gt;bead;help;update'= {
        }
        &'gt;bead;help;reassign'= {
        }
        &'gt;bead;help;delete'= {
        }
        &'gt;bead;help;help'= {
        }
        &'gt;agent'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List agents'
            cand show 'Show one agent'
            cand update 'Set an agent''s status or recorded process ID directly, for repairs'
            cand reset 'Force an agent back to idle, with nothing on its hook'
            cand heartbeat 'Report that an agent is alive (a polecat calls this every minute)'
            cand delete 'Delete an agent (its history stays)'
            cand logs 'Print the log of an agent''s current or last run'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;agent;list'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --rig 'Only agents of this rig'
            cand --status 'Only agents in this status (idle, working, stalled, dead)'
            cand --limit 'Show the first N agents, oldest first'
            cand --after 'Only agents made after this one (name or ID): give the last agent of a page to get the next'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --free 'Only polecats free to take work: idle, with nothing on their hook'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;show'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;update'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --status 'idle, working, stalled or dead'
            cand --pid 'The process ID of the agent''s process on this host'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;reset'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --stop 'Also send SIGTERM to the agent''s recorded process'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;heartbeat'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;delete'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --force 'Delete it even if it is hooked (its bead is released)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;logs'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand -n 'How many of its last lines to print (at most 10000)'
            cand --lines 'How many of its last lines to print (at most 10000)'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -f 'Keep printing what the run writes until it ends (JSON Lines of {"line": …} with --json)'
            cand --follow 'Keep printing what the run writes until it ends (JSON Lines of {"line": …} with --json)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;agent;help'= {
            cand list 'list'
            cand show 'show'
            cand update 'update'
            cand reset 'reset'
            cand heartbeat 'heartbeat'
            cand delete 'delete'
            cand logs 'logs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;agent;help;list'= {
        }
        &'gt;agent;help;show'= {
        }
        &'gt;agent;help;update'= {
        }
        &'gt;agent;help;reset'= {
        }
        &'gt;agent;help;heartbeat'= {
        }
        &'gt;agent;help;delete'= {
        }
        &'gt;agent;help;logs'= {
        }
        &'gt;agent;help;help'= {
        }
        &'gt;hook'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --agent 'The agent''s name or ID'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;host'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the town''s hosts: status, slots, running agents, rigs, version and last beat'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;host;list'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;host;help'= {
            cand list 'list'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;host;help;list'= {
        }
        &'gt;host;help;help'= {
        }
        &'gt;escalation'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand raise 'Ask a human for attention'
            cand list 'List open escalations (all of them with --all)'
            cand ack 'Acknowledge an escalation (a second ack changes nothing and says so)'
            cand resolve 'Resolve an escalation, open or acknowledged (a second resolve changes nothing and says so)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;escalation;raise'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --severity 'low, medium, high or critical [default: medium]'
            cand --category 'A free-form category, for filtering'
            cand --bead 'The bead it concerns'
            cand --rig 'The rig it concerns'
            cand --agent 'The agent it concerns'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;escalation;list'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --all 'Include acknowledged and resolved escalations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;escalation;ack'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;escalation;resolve'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --note 'What was done about it (kept in the audit log)'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;escalation;help'= {
            cand raise 'raise'
            cand list 'list'
            cand ack 'ack'
            cand resolve 'resolve'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;escalation;help;raise'= {
        }
        &'gt;escalation;help;list'= {
        }
        &'gt;escalation;help;ack'= {
        }
        &'gt;escalation;help;resolve'= {
        }
        &'gt;escalation;help;help'= {
        }
        &'gt;mail'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand send 'Send a message to an agent, the Mayor, a person, or a group'
            cand inbox 'List an inbox, unread first, newest first'
            cand read 'Show a message and mark it read (a second read changes nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;mail;send'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --to 'Whom to: an agent (name or ID), mayor, human, convoy:ID or rig:NAME'
            cand -s 'What it is about, in a line'
            cand --subject 'What it is about, in a line'
            cand -b 'The message itself'
            cand --body 'The message itself'
            cand --bead 'The bead it is about'
            cand --convoy 'The convoy it is about [default: the bead''s, or the group''s]'
            cand --reply-to 'The message this answers'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;mail;inbox'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --convoy 'Only messages about this convoy'
            cand --limit 'Show at most N messages, unread ones first (0 for all)'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --unread 'Only unread messages'
            cand --all 'Every inbox''s messages'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;mail;read'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;mail;help'= {
            cand send 'send'
            cand inbox 'inbox'
            cand read 'read'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;mail;help;send'= {
        }
        &'gt;mail;help;inbox'= {
        }
        &'gt;mail;help;read'= {
        }
        &'gt;mail;help;help'= {
        }
        &'gt;events'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --subject 'Only events about this bead, convoy, agent (name or ID) or escalation'
            cand --convoy 'Only events of this convoy and of the beads it tracks'
            cand --since 'Only events since this time (RFC 3339), date (2026-11-21), today, yesterday, or age (10m, 2h, 1day)'
            cand --limit 'Show the newest N events (0 for all)'
            cand --after 'Only events after this event id (the first N after it, oldest first), to page on from the last one seen'
            cand --before 'Only events before this event id (the newest N before it), to page back from the oldest one seen'
            cand --actor 'Only events by this actor'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -f 'Keep printing new events as they happen (JSON Lines with --json)'
            cand --follow 'Keep printing new events as they happen (JSON Lines with --json)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;doctor'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --fix 'Repair counts, landings, hooks and edges (audited)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;patrol'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --stall-after 'A working agent silent this long is stalled [default: 10m]'
            cand --dead-after 'An agent silent this long is dead and loses its bead [default: 30m]'
            cand --max-dispatch-retries 'Retries of a failed dispatch command before it is escalated [default: 3]'
            cand --host-dead-after 'A host whose supervisor (gt run) is silent this long is lost, and its claims go to other hosts [default: 2m]'
            cand --interval 'Time between passes with --watch'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --dry-run 'Report what is due without changing anything'
            cand --watch 'Keep patrolling until SIGINT or SIGTERM, one line (JSON Line) per repair'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;run'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --slots 'How many agents run at once on this host [default: run.slots, else 4]'
            cand --host 'This host''s name in the town [default: the machine''s host name]'
            cand --patrol-interval 'How often the supervisor runs a patrol pass'
            cand --rig 'Take beads of this rig only (repeat for more) [default: run.rigs, else every rig]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --no-patrol 'Run no patrol passes (another process patrols the town)'
            cand --once 'Start what is runnable, wait for it (and for the work it frees), then exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;mcp'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --polecat 'Serve one polecat its own tools: its hook, its bead, heartbeats, escalations'
            cand --tools 'Which tools to serve: all of them, or the Mayor''s everyday set (core: slinging, convoys, bead update and reassign, agent reset, escalations, events) for hosts that count context'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --read-only 'Serve only the tools that read'
            cand --output-schemas 'Declare each tool''s output schema too (for hosts that validate structured results; the schemas are most of the tool list''s size)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;serve'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --addr 'The address to listen on'
            cand --token 'The token every request must bring (needed off loopback)'
            cand --host 'A name the server answers to besides its address and localhost (repeatable); on 0.0.0.0 without it, any name is answered'
            cand --max-connections 'How many connections may be open at once (past it: 503)'
            cand --max-streams 'How many event streams may be open at once (past it: 503)'
            cand --shutdown-timeout 'How long SIGINT or SIGTERM waits for calls and clients before cutting them off'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand --read-only 'Refuse every write (403)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;prompt'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand mayor 'Print the Mayor''s guide: convoys, progress, and surgical editing'
            cand polecat 'Print a polecat''s brief: its bead, its convoy, and how to report'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;prompt;mayor'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;prompt;polecat'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;prompt;help'= {
            cand mayor 'mayor'
            cand polecat 'polecat'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;prompt;help;mayor'= {
        }
        &'gt;prompt;help;polecat'= {
        }
        &'gt;prompt;help;help'= {
        }
        &'gt;config'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show each effective setting and where it came from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;config;show'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;config;help'= {
            cand show 'show'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;config;help;show'= {
        }
        &'gt;config;help;help'= {
        }
        &'gt;completions'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --out-dir 'Write the scripts for every shell into this directory instead'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;man'= {
            cand --db 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]'
            cand --actor 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]'
            cand --color 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]'
            cand --fields 'With --json, a list''s items with only these fields (a slim list)'
            cand --lock-timeout 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]'
            cand --out-dir 'Write gt.1 and one page per subcommand into this directory'
            cand --json 'Print one JSON document on stdout; errors become JSON on stderr'
            cand -q 'Print only the IDs of what a command created or listed'
            cand --quiet 'Print only the IDs of what a command created or listed'
            cand --wide 'Show whole cells in tables, wider than the terminal if need be'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gt;help'= {
            cand init 'init'
            cand status 'status'
            cand rig 'Manage rigs, the repositories the town works on'
            cand sling 'sling'
            cand sling-batch 'sling-batch'
            cand convoy 'Watch and repair convoys, the tracked batches of beads'
            cand bead 'Create, inspect and edit beads, the units of work'
            cand agent 'Inspect and repair agents (polecats, refinery, mayor, witness)'
            cand hook 'hook'
            cand host 'The machines whose supervisors (gt run) run the town''s agents'
            cand escalation 'Raise, list, acknowledge and resolve requests for human attention'
            cand mail 'Send, list and read messages between the Mayor, polecats and people'
            cand events 'events'
            cand doctor 'doctor'
            cand patrol 'patrol'
            cand run 'run'
            cand mcp 'mcp'
            cand serve 'serve'
            cand prompt 'Print a guide to gt for an agent''s prompt'
            cand config 'Inspect gt''s settings and where they come from'
            cand completions 'completions'
            cand man 'man'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gt;help;init'= {
        }
        &'gt;help;status'= {
        }
        &'gt;help;rig'= {
            cand add 'add'
            cand list 'list'
        }
        &'gt;help;rig;add'= {
        }
        &'gt;help;rig;list'= {
        }
        &'gt;help;sling'= {
        }
        &'gt;help;sling-batch'= {
        }
        &'gt;help;convoy'= {
            cand list 'list'
            cand status 'status'
            cand close 'close'
            cand reopen 'reopen'
            cand update 'update'
            cand add 'add'
            cand remove 'remove'
            cand delete 'delete'
        }
        &'gt;help;convoy;list'= {
        }
        &'gt;help;convoy;status'= {
        }
        &'gt;help;convoy;close'= {
        }
        &'gt;help;convoy;reopen'= {
        }
        &'gt;help;convoy;update'= {
        }
        &'gt;help;convoy;add'= {
        }
        &'gt;help;convoy;remove'= {
        }
        &'gt;help;convoy;delete'= {
        }
        &'gt;help;bead'= {
            cand create 'create'
            cand list 'list'
            cand show 'show'
            cand update 'update'
            cand reassign 'reassign'
            cand delete 'delete'
        }
        &'gt;help;bead;create'= {
        }
        &'gt;help;bead;list'= {
        }
        &'gt;help;bead;show'= {
        }
        &'gt;help;bead;update'= {
        }
        &'gt;help;bead;reassign'= {
        }
        &'gt;help;bead;delete'= {
        }
        &'gt;help;agent'= {
            cand list 'list'
            cand show 'show'
            cand update 'update'
            cand reset 'reset'
            cand heartbeat 'heartbeat'
            cand delete 'delete'
            cand logs 'logs'
        }
        &'gt;help;agent;list'= {
        }
        &'gt;help;agent;show'= {
        }
        &'gt;help;agent;update'= {
        }
        &'gt;help;agent;reset'= {
        }
        &'gt;help;agent;heartbeat'= {
        }
        &'gt;help;agent;delete'= {
        }
        &'gt;help;agent;logs'= {
        }
        &'gt;help;hook'= {
        }
        &'gt;help;host'= {
            cand list 'list'
        }
        &'gt;help;host;list'= {
        }
        &'gt;help;escalation'= {
            cand raise 'raise'
            cand list 'list'
            cand ack 'ack'
            cand resolve 'resolve'
        }
        &'gt;help;escalation;raise'= {
        }
        &'gt;help;escalation;list'= {
        }
        &'gt;help;escalation;ack'= {
        }
        &'gt;help;escalation;resolve'= {
        }
        &'gt;help;mail'= {
            cand send 'send'
            cand inbox 'inbox'
            cand read 'read'
        }
        &'gt;help;mail;send'= {
        }
        &'gt;help;mail;inbox'= {
        }
        &'gt;help;mail;read'= {
        }
        &'gt;help;events'= {
        }
        &'gt;help;doctor'= {
        }
        &'gt;help;patrol'= {
        }
        &'gt;help;run'= {
        }
        &'gt;help;mcp'= {
        }
        &'gt;help;serve'= {
        }
        &'gt;help;prompt'= {
            cand mayor 'mayor'
            cand polecat 'polecat'
        }
        &'gt;help;prompt;mayor'= {
        }
        &'gt;help;prompt;polecat'= {
        }
        &'gt;help;config'= {
            cand show 'show'
        }
        &'gt;help;config;show'= {
        }
        &'gt;help;completions'= {
        }
        &'gt;help;man'= {
        }
        &'gt;help;help'= {
        }
    ]
    $completions[$command]
}
