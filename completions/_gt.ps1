
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'gt' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'gt'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'gt' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the town database, or upgrade it to this gt''s schema')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the town at a glance: active convoys and what they need, agents by status, open escalations, live hosts and the newest events')
            [CompletionResult]::new('rig', 'rig', [CompletionResultType]::ParameterValue, 'Manage rigs, the repositories the town works on')
            [CompletionResult]::new('sling', 'sling', [CompletionResultType]::ParameterValue, 'Create one bead, hook it onto a polecat, and dispatch it')
            [CompletionResult]::new('sling-batch', 'sling-batch', [CompletionResultType]::ParameterValue, 'Sling many beads as one tracked convoy, atomically')
            [CompletionResult]::new('convoy', 'convoy', [CompletionResultType]::ParameterValue, 'Watch and repair convoys, the tracked batches of beads')
            [CompletionResult]::new('bead', 'bead', [CompletionResultType]::ParameterValue, 'Create, inspect and edit beads, the units of work')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Inspect and repair agents (polecats, refinery, mayor, witness)')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Show what is on an agent''s hook: for a polecat, "what do I do now"')
            [CompletionResult]::new('host', 'host', [CompletionResultType]::ParameterValue, 'The machines whose supervisors (gt run) run the town''s agents')
            [CompletionResult]::new('escalation', 'escalation', [CompletionResultType]::ParameterValue, 'Raise, list, acknowledge and resolve requests for human attention')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Send, list and read messages between the Mayor, polecats and people')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Show the activity feed, newest last')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check every invariant of the town, and repair what can be repaired')
            [CompletionResult]::new('patrol', 'patrol', [CompletionResultType]::ParameterValue, 'Find stuck agents and work nothing will pick up, and repair what is safe')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the town: start each polecat''s agent when its bead is dispatched')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve gt''s calls as MCP tools on stdin and stdout (for agent hosts)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the live dashboard and the HTTP API over the town')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print a guide to gt for an agent''s prompt')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Inspect gt''s settings and where they come from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the gt(1) man page, or write every page with --out-dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;init' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'How many of the newest events to show [default: 10]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep the overview on screen, redrawn live as the town changes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;rig' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rig (adding one that exists with the same settings changes nothing)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the town''s rigs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;rig;add' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--git-url', '--git-url', [CompletionResultType]::ParameterName, 'Where the repository is cloned from')
            [CompletionResult]::new('--default-branch', '--default-branch', [CompletionResultType]::ParameterName, 'The branch work lands on [default: main]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;rig;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;rig;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'add')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;rig;help;add' {
            break
        }
        'gt;rig;help;list' {
            break
        }
        'gt;rig;help;help' {
            break
        }
        'gt;sling' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'The rig the work is for')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Details for whoever does it')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'low, medium, high or critical')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A label (repeatable)')
            [CompletionResult]::new('--convoy', '--convoy', [CompletionResultType]::ParameterName, 'A convoy to track the bead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;sling-batch' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'The rig the work is for')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The convoy''s title: the overall piece of work')
            [CompletionResult]::new('--task', '--task', [CompletionResultType]::ParameterName, 'A task title (repeatable; such tasks have no dependencies)')
            [CompletionResult]::new('--tasks-file', '--tasks-file', [CompletionResultType]::ParameterName, 'A JSON or JSON Lines task file, or ''-'' for standard input')
            [CompletionResult]::new('--merge-mode', '--merge-mode', [CompletionResultType]::ParameterName, 'review-then-land or review-and-merge')
            [CompletionResult]::new('--feature-branch', '--feature-branch', [CompletionResultType]::ParameterName, 'The branch the convoy''s work is merged into')
            [CompletionResult]::new('--max-polecats', '--max-polecats', [CompletionResultType]::ParameterName, 'The most polecats this batch may occupy at once')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Run again with the same key: returns the first convoy, writes nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--brief', '--brief', [CompletionResultType]::ParameterName, 'Print the convoy, the beads'' IDs and the effects, not each bead again')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List active convoys with their progress (all of them with --all)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a convoy: each tracked bead with its status, assignee and blockers')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Force-close (or force-fail) a convoy that will not land by itself')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a convoy closed or failed by hand (the undo of a force close)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Edit a convoy''s title, merge mode, feature branch or cap of polecats')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Start tracking beads in a convoy (a bead belongs to at most one convoy)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop tracking beads in a convoy (the beads stay)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a convoy: its beads stay, no longer in any convoy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;convoy;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only convoys in this status (active, landed, closed, failed)')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'Only convoys of this rig')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include landed, closed and failed convoys')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;close' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the record')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Mark it failed rather than closed')
            [CompletionResult]::new('--close-beads', '--close-beads', [CompletionResultType]::ParameterName, 'Also end every unfinished tracked bead, freeing its agent')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;reopen' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;update' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--merge-mode', '--merge-mode', [CompletionResultType]::ParameterName, 'review-then-land or review-and-merge')
            [CompletionResult]::new('--feature-branch', '--feature-branch', [CompletionResultType]::ParameterName, 'The branch its work is merged into ("" clears it)')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A new title')
            [CompletionResult]::new('--max-polecats', '--max-polecats', [CompletionResultType]::ParameterName, 'How many polecats may work on it at once (at least 1)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;add' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;convoy;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'status')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'close')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'reopen')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'update')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'add')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'remove')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'delete')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;convoy;help;list' {
            break
        }
        'gt;convoy;help;status' {
            break
        }
        'gt;convoy;help;close' {
            break
        }
        'gt;convoy;help;reopen' {
            break
        }
        'gt;convoy;help;update' {
            break
        }
        'gt;convoy;help;add' {
            break
        }
        'gt;convoy;help;remove' {
            break
        }
        'gt;convoy;help;delete' {
            break
        }
        'gt;convoy;help;help' {
            break
        }
        'gt;bead' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a bead, on its own or in a convoy')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List beads, oldest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bead in full')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change some fields of a bead; the others stay as they are')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move a bead to another agent (or to a new polecat of its rig)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a bead; its history stays in the event log')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;bead;create' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'The rig the work is for')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Details for whoever does it')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'low, medium, high or critical')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A label (repeatable)')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'A bead this one waits for (repeatable)')
            [CompletionResult]::new('--convoy', '--convoy', [CompletionResultType]::ParameterName, 'A convoy to track it and put it to work')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;bead;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only beads in this status')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'Only beads of this rig')
            [CompletionResult]::new('--convoy', '--convoy', [CompletionResultType]::ParameterName, 'Only beads tracked by this convoy')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only beads hooked to this agent')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only beads of this priority')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only beads with this label')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only beads whose title or body contains this text (3 characters or more, any case)')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'Only beads that wait for this bead: its dependents, in any convoy')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many beads')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only beads that are not closed or failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;bead;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;bead;update' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'open, in_progress, in_review, closed or failed')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A new title')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'A new body')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'low, medium, high or critical')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Replace all labels with these (repeatable)')
            [CompletionResult]::new('--add-label', '--add-label', [CompletionResultType]::ParameterName, 'Add a label (repeatable)')
            [CompletionResult]::new('--remove-label', '--remove-label', [CompletionResultType]::ParameterName, 'Remove a label (repeatable)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Set a metadata key; VALUE is JSON when it parses as JSON (repeatable)')
            [CompletionResult]::new('--unset-meta', '--unset-meta', [CompletionResultType]::ParameterName, 'Remove a metadata key (repeatable)')
            [CompletionResult]::new('--add-depends-on', '--add-depends-on', [CompletionResultType]::ParameterName, 'Make it wait for this bead too (repeatable; a cycle is refused)')
            [CompletionResult]::new('--remove-depends-on', '--remove-depends-on', [CompletionResultType]::ParameterName, 'Stop it waiting for this bead (repeatable; it may then dispatch)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;bead;reassign' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The agent to hook it to (name or ID)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--new', '--new', [CompletionResultType]::ParameterName, 'Hook it to a new polecat of the bead''s rig')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;bead;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete it even if it is hooked (its agent is freed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;bead;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'create')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'show')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'update')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'reassign')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'delete')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;bead;help;create' {
            break
        }
        'gt;bead;help;list' {
            break
        }
        'gt;bead;help;show' {
            break
        }
        'gt;bead;help;update' {
            break
        }
        'gt;bead;help;reassign' {
            break
        }
        'gt;bead;help;delete' {
            break
        }
        'gt;bead;help;help' {
            break
        }
        'gt;agent' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agents')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one agent')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Set an agent''s status or recorded process ID directly, for repairs')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Force an agent back to idle, with nothing on its hook')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'Report that an agent is alive (a polecat calls this every minute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an agent (its history stays)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print the log of an agent''s current or last run')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;agent;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'Only agents of this rig')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only agents in this status (idle, working, stalled, dead)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show the first N agents, oldest first')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Only agents made after this one (name or ID): give the last agent of a page to get the next')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--free', '--free', [CompletionResultType]::ParameterName, 'Only polecats free to take work: idle, with nothing on their hook')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;update' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'idle, working, stalled or dead')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'The process ID of the agent''s process on this host')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;reset' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Also send SIGTERM to the agent''s recorded process')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;heartbeat' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete it even if it is hooked (its bead is released)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;logs' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many of its last lines to print (at most 10000)')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'How many of its last lines to print (at most 10000)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing what the run writes until it ends (JSON Lines of {"line": …} with --json)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing what the run writes until it ends (JSON Lines of {"line": …} with --json)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;agent;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'show')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'update')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'reset')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'heartbeat')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'delete')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'logs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;agent;help;list' {
            break
        }
        'gt;agent;help;show' {
            break
        }
        'gt;agent;help;update' {
            break
        }
        'gt;agent;help;reset' {
            break
        }
        'gt;agent;help;heartbeat' {
            break
        }
        'gt;agent;help;delete' {
            break
        }
        'gt;agent;help;logs' {
            break
        }
        'gt;agent;help;help' {
            break
        }
        'gt;hook' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent''s name or ID')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;host' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the town''s hosts: status, slots, running agents, rigs, version and last beat')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;host;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;host;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;host;help;list' {
            break
        }
        'gt;host;help;help' {
            break
        }
        'gt;escalation' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('raise', 'raise', [CompletionResultType]::ParameterValue, 'Ask a human for attention')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open escalations (all of them with --all)')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an escalation (a second ack changes nothing and says so)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve an escalation, open or acknowledged (a second resolve changes nothing and says so)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;escalation;raise' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'low, medium, high or critical [default: medium]')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'A free-form category, for filtering')
            [CompletionResult]::new('--bead', '--bead', [CompletionResultType]::ParameterName, 'The bead it concerns')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'The rig it concerns')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent it concerns')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;escalation;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include acknowledged and resolved escalations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;escalation;ack' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;escalation;resolve' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was done about it (kept in the audit log)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;escalation;help' {
            [CompletionResult]::new('raise', 'raise', [CompletionResultType]::ParameterValue, 'raise')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'ack')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'resolve')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;escalation;help;raise' {
            break
        }
        'gt;escalation;help;list' {
            break
        }
        'gt;escalation;help;ack' {
            break
        }
        'gt;escalation;help;resolve' {
            break
        }
        'gt;escalation;help;help' {
            break
        }
        'gt;mail' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a message to an agent, the Mayor, a person, or a group')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'List an inbox, unread first, newest first')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show a message and mark it read (a second read changes nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;mail;send' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Whom to: an agent (name or ID), mayor, human, convoy:ID or rig:NAME')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'What it is about, in a line')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'What it is about, in a line')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The message itself')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The message itself')
            [CompletionResult]::new('--bead', '--bead', [CompletionResultType]::ParameterName, 'The bead it is about')
            [CompletionResult]::new('--convoy', '--convoy', [CompletionResultType]::ParameterName, 'The convoy it is about [default: the bead''s, or the group''s]')
            [CompletionResult]::new('--reply-to', '--reply-to', [CompletionResultType]::ParameterName, 'The message this answers')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;mail;inbox' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--convoy', '--convoy', [CompletionResultType]::ParameterName, 'Only messages about this convoy')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N messages, unread ones first (0 for all)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--unread', '--unread', [CompletionResultType]::ParameterName, 'Only unread messages')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every inbox''s messages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;mail;read' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;mail;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'send')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'inbox')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'read')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;mail;help;send' {
            break
        }
        'gt;mail;help;inbox' {
            break
        }
        'gt;mail;help;read' {
            break
        }
        'gt;mail;help;help' {
            break
        }
        'gt;events' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Only events about this bead, convoy, agent (name or ID) or escalation')
            [CompletionResult]::new('--convoy', '--convoy', [CompletionResultType]::ParameterName, 'Only events of this convoy and of the beads it tracks')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events since this time (RFC 3339), date (2026-11-21), today, yesterday, or age (10m, 2h, 1day)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show the newest N events (0 for all)')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Only events after this event id (the first N after it, oldest first), to page on from the last one seen')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only events before this event id (the newest N before it), to page back from the oldest one seen')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only events by this actor')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events as they happen (JSON Lines with --json)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events as they happen (JSON Lines with --json)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;doctor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Repair counts, landings, hooks and edges (audited)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;patrol' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--stall-after', '--stall-after', [CompletionResultType]::ParameterName, 'A working agent silent this long is stalled [default: 10m]')
            [CompletionResult]::new('--dead-after', '--dead-after', [CompletionResultType]::ParameterName, 'An agent silent this long is dead and loses its bead [default: 30m]')
            [CompletionResult]::new('--max-dispatch-retries', '--max-dispatch-retries', [CompletionResultType]::ParameterName, 'Retries of a failed dispatch command before it is escalated [default: 3]')
            [CompletionResult]::new('--host-dead-after', '--host-dead-after', [CompletionResultType]::ParameterName, 'A host whose supervisor (gt run) is silent this long is lost, and its claims go to other hosts [default: 2m]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between passes with --watch')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what is due without changing anything')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep patrolling until SIGINT or SIGTERM, one line (JSON Line) per repair')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;run' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--slots', '--slots', [CompletionResultType]::ParameterName, 'How many agents run at once on this host [default: run.slots, else 4]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'This host''s name in the town [default: the machine''s host name]')
            [CompletionResult]::new('--patrol-interval', '--patrol-interval', [CompletionResultType]::ParameterName, 'How often the supervisor runs a patrol pass')
            [CompletionResult]::new('--rig', '--rig', [CompletionResultType]::ParameterName, 'Take beads of this rig only (repeat for more) [default: run.rigs, else every rig]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--no-patrol', '--no-patrol', [CompletionResultType]::ParameterName, 'Run no patrol passes (another process patrols the town)')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Start what is runnable, wait for it (and for the work it frees), then exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;mcp' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--polecat', '--polecat', [CompletionResultType]::ParameterName, 'Serve one polecat its own tools: its hook, its bead, heartbeats, escalations')
            [CompletionResult]::new('--tools', '--tools', [CompletionResultType]::ParameterName, 'Which tools to serve: all of them, or the Mayor''s everyday set (core: slinging, convoys, bead update and reassign, agent reset, escalations, events) for hosts that count context')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Serve only the tools that read')
            [CompletionResult]::new('--output-schemas', '--output-schemas', [CompletionResultType]::ParameterName, 'Declare each tool''s output schema too (for hosts that validate structured results; the schemas are most of the tool list''s size)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;serve' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'The address to listen on')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token every request must bring (needed off loopback)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'A name the server answers to besides its address and localhost (repeatable); on 0.0.0.0 without it, any name is answered')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'How many connections may be open at once (past it: 503)')
            [CompletionResult]::new('--max-streams', '--max-streams', [CompletionResultType]::ParameterName, 'How many event streams may be open at once (past it: 503)')
            [CompletionResult]::new('--shutdown-timeout', '--shutdown-timeout', [CompletionResultType]::ParameterName, 'How long SIGINT or SIGTERM waits for calls and clients before cutting them off')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every write (403)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;prompt' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('mayor', 'mayor', [CompletionResultType]::ParameterValue, 'Print the Mayor''s guide: convoys, progress, and surgical editing')
            [CompletionResult]::new('polecat', 'polecat', [CompletionResultType]::ParameterValue, 'Print a polecat''s brief: its bead, its convoy, and how to report')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;prompt;mayor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;prompt;polecat' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;prompt;help' {
            [CompletionResult]::new('mayor', 'mayor', [CompletionResultType]::ParameterValue, 'mayor')
            [CompletionResult]::new('polecat', 'polecat', [CompletionResultType]::ParameterValue, 'polecat')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;prompt;help;mayor' {
            break
        }
        'gt;prompt;help;polecat' {
            break
        }
        'gt;prompt;help;help' {
            break
        }
        'gt;config' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show each effective setting and where it came from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;config;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'show')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;config;help;show' {
            break
        }
        'gt;config;help;help' {
            break
        }
        'gt;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write the scripts for every shell into this directory instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;man' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The town: a database file, or http://HOST:PORT for an rqlite cluster [env: GT_DB] [default: town.db in your data directory]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who the audit log names for changes [env: GT_ACTOR] [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'With --json, a list''s items with only these fields (a slim list)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long a write waits for a busy town before failing with exit 5 [env: GT_LOCK_TIMEOUT] [default: 10s]')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write gt.1 and one page per subcommand into this directory')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout; errors become JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the IDs of what a command created or listed')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show whole cells in tables, wider than the terminal if need be')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gt;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'init')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'status')
            [CompletionResult]::new('rig', 'rig', [CompletionResultType]::ParameterValue, 'Manage rigs, the repositories the town works on')
            [CompletionResult]::new('sling', 'sling', [CompletionResultType]::ParameterValue, 'sling')
            [CompletionResult]::new('sling-batch', 'sling-batch', [CompletionResultType]::ParameterValue, 'sling-batch')
            [CompletionResult]::new('convoy', 'convoy', [CompletionResultType]::ParameterValue, 'Watch and repair convoys, the tracked batches of beads')
            [CompletionResult]::new('bead', 'bead', [CompletionResultType]::ParameterValue, 'Create, inspect and edit beads, the units of work')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Inspect and repair agents (polecats, refinery, mayor, witness)')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'hook')
            [CompletionResult]::new('host', 'host', [CompletionResultType]::ParameterValue, 'The machines whose supervisors (gt run) run the town''s agents')
            [CompletionResult]::new('escalation', 'escalation', [CompletionResultType]::ParameterValue, 'Raise, list, acknowledge and resolve requests for human attention')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Send, list and read messages between the Mayor, polecats and people')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'events')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'doctor')
            [CompletionResult]::new('patrol', 'patrol', [CompletionResultType]::ParameterValue, 'patrol')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'run')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'mcp')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'serve')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print a guide to gt for an agent''s prompt')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Inspect gt''s settings and where they come from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'man')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gt;help;init' {
            break
        }
        'gt;help;status' {
            break
        }
        'gt;help;rig' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'add')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            break
        }
        'gt;help;rig;add' {
            break
        }
        'gt;help;rig;list' {
            break
        }
        'gt;help;sling' {
            break
        }
        'gt;help;sling-batch' {
            break
        }
        'gt;help;convoy' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'status')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'close')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'reopen')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'update')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'add')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'remove')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'delete')
            break
        }
        'gt;help;convoy;list' {
            break
        }
        'gt;help;convoy;status' {
            break
        }
        'gt;help;convoy;close' {
            break
        }
        'gt;help;convoy;reopen' {
            break
        }
        'gt;help;convoy;update' {
            break
        }
        'gt;help;convoy;add' {
            break
        }
        'gt;help;convoy;remove' {
            break
        }
        'gt;help;convoy;delete' {
            break
        }
        'gt;help;bead' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'create')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'show')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'update')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'reassign')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'delete')
            break
        }
        'gt;help;bead;create' {
            break
        }
        'gt;help;bead;list' {
            break
        }
        'gt;help;bead;show' {
            break
        }
        'gt;help;bead;update' {
            break
        }
        'gt;help;bead;reassign' {
            break
        }
        'gt;help;bead;delete' {
            break
        }
        'gt;help;agent' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'show')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'update')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'reset')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'heartbeat')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'delete')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'logs')
            break
        }
        'gt;help;agent;list' {
            break
        }
        'gt;help;agent;show' {
            break
        }
        'gt;help;agent;update' {
            break
        }
        'gt;help;agent;reset' {
            break
        }
        'gt;help;agent;heartbeat' {
            break
        }
        'gt;help;agent;delete' {
            break
        }
        'gt;help;agent;logs' {
            break
        }
        'gt;help;hook' {
            break
        }
        'gt;help;host' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            break
        }
        'gt;help;host;list' {
            break
        }
        'gt;help;escalation' {
            [CompletionResult]::new('raise', 'raise', [CompletionResultType]::ParameterValue, 'raise')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'list')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'ack')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'resolve')
            break
        }
        'gt;help;escalation;raise' {
            break
        }
        'gt;help;escalation;list' {
            break
        }
        'gt;help;escalation;ack' {
            break
        }
        'gt;help;escalation;resolve' {
            break
        }
        'gt;help;mail' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'send')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'inbox')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'read')
            break
        }
        'gt;help;mail;send' {
            break
        }
        'gt;help;mail;inbox' {
            break
        }
        'gt;help;mail;read' {
            break
        }
        'gt;help;events' {
            break
        }
        'gt;help;doctor' {
            break
        }
        'gt;help;patrol' {
            break
        }
        'gt;help;run' {
            break
        }
        'gt;help;mcp' {
            break
        }
        'gt;help;serve' {
            break
        }
        'gt;help;prompt' {
            [CompletionResult]::new('mayor', 'mayor', [CompletionResultType]::ParameterValue, 'mayor')
            [CompletionResult]::new('polecat', 'polecat', [CompletionResultType]::ParameterValue, 'polecat')
            break
        }
        'gt;help;prompt;mayor' {
            break
        }
        'gt;help;prompt;polecat' {
            break
        }
        'gt;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'show')
            break
        }
        'gt;help;config;show' {
            break
        }
        'gt;help;completions' {
            break
        }
        'gt;help;man' {
            break
        }
        'gt;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
