//! Mail (SPEC §11) through the real binary on both backends: every kind of
//! address, inboxes and their filters, reading once, replies, what a hook
//! and a brief show, a deleted agent's mail, the polecat's server (through
//! the official MCP SDK) and the HTTP routes; and every refusal writing
//! nothing.

use gt_core::ops::sling::{Slung, SlungBatch};
use serde_json::{json, Value};

use crate::http::{get, ok, send, Server};
use crate::mcp::Client;
use crate::Town;

/// How many messages the town holds, every inbox's.
fn mail_count(t: &Town) -> usize {
    let all: Vec<Value> = t.json(&["mail", "inbox", "--all", "--limit", "0"]);
    all.len()
}

/// `gt --json --actor ACTOR mail send ARGS…`.
fn send_as(t: &Town, actor: &str, args: &[&str]) -> Vec<Value> {
    let mut full = vec!["--actor", actor, "mail", "send"];
    full.extend_from_slice(args);
    let sent: Value = t.json(&full);
    sent["messages"].as_array().unwrap().clone()
}

fn ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect()
}

/// A convoy of two polecats at work in rig `app`, and a polecat of rig `web`.
fn crew(t: &Town) -> (SlungBatch, Slung) {
    t.json::<Value>(&["rig", "add", "web"]);
    let batch: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Sessions",
        "--task",
        "schema",
        "--task",
        "api",
    ]);
    let web: Slung = t.json(&["sling", "--rig", "web", "css"]);
    (batch, web)
}

pub fn mail_reaches_every_kind_of_address(t: Town) {
    let t = t.with_rig();
    let (batch, web) = crew(&t);
    let toast = batch.beads[0].agent.clone().unwrap().name;
    let maple = batch.beads[1].agent.clone().unwrap().name;
    let cv = batch.convoy.id.clone();

    // An agent, by name in any case; about its bead, so about its convoy.
    let one = send_as(
        &t,
        "mayor",
        &[
            "--to",
            &toast.to_uppercase(),
            "--subject",
            "Rebase on feature/sessions",
            "--body",
            "The API shape changed.",
            "--bead",
            &batch.beads[0].bead.id,
        ],
    );
    assert_eq!(one.len(), 1);
    let m = &one[0];
    assert!(m["id"].as_str().unwrap().starts_with("ml-"), "{m}");
    assert_eq!(
        (&m["from"], &m["to"], &m["group"]),
        (&json!("mayor"), &json!(toast), &Value::Null)
    );
    assert_eq!(m["bead"], json!(batch.beads[0].bead.id));
    assert_eq!(m["convoy"], json!(cv));
    assert_eq!(m["read_at"], Value::Null);
    // The Mayor and a person; from an agent's actor, the agent writes.
    let up = send_as(&t, &toast, &["--to", "mayor", "--subject", "Which branch?"]);
    assert_eq!(
        (&up[0]["from"], &up[0]["to"]),
        (&json!(toast), &json!("mayor"))
    );
    let person = send_as(
        &t,
        "tester",
        &["--to", "HUMAN", "--subject", "Blocked on keys"],
    );
    assert_eq!(
        (&person[0]["from"], &person[0]["to"]),
        (&json!("human"), &json!("human"))
    );
    // A convoy: each polecat holding one of its beads, one message each.
    let group = send_as(
        &t,
        "mayor",
        &["--to", &format!("convoy:{cv}"), "--subject", "Freeze"],
    );
    let mut to: Vec<&str> = group.iter().map(|m| m["to"].as_str().unwrap()).collect();
    to.sort_unstable();
    let mut both = vec![toast.as_str(), maple.as_str()];
    both.sort_unstable();
    assert_eq!(to, both);
    assert!(group
        .iter()
        .all(|m| m["group"] == json!(format!("convoy:{cv}")) && m["convoy"] == json!(cv)));
    assert_ne!(group[0]["id"], group[1]["id"]);
    // A rig: its polecats.
    let rig = send_as(
        &t,
        "mayor",
        &["--to", "rig:web", "--subject", "Deploy freeze"],
    );
    assert_eq!(rig.len(), 1);
    assert_eq!(rig[0]["to"], json!(web.agent.name));
    assert_eq!(rig[0]["group"], json!("rig:web"));
    assert_eq!(mail_count(&t), 6);

    // Refusals write nothing.
    let before = mail_count(&t);
    let events_before: Vec<Value> = t.json(&["events", "--limit", "0"]);
    let unknown = t.fails(&["mail", "send", "--to", "Nobody", "--subject", "x"], 3);
    assert!(unknown["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Nobody"));
    t.fails(
        &["mail", "send", "--to", "convoy:cv-zzzzz", "--subject", "x"],
        3,
    );
    t.fails(
        &["mail", "send", "--to", "rig:nowhere", "--subject", "x"],
        3,
    );
    t.fails(&["mail", "send", "--to", "team:app", "--subject", "x"], 2);
    t.fails(&["mail", "send", "--to", "mayor", "--subject", " "], 2);
    t.fails(
        &[
            "mail",
            "send",
            "--to",
            "mayor",
            "--subject",
            "x",
            "--bead",
            "gt-zzzzz",
        ],
        3,
    );
    t.fails(
        &["mail", "send", "--reply-to", "ml-zzzzz", "--body", "x"],
        3,
    );
    let long = "é".repeat(201);
    let e = t.fails(&["mail", "send", "--to", "mayor", "--subject", &long], 2);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("200 characters"),
        "{e}"
    );
    let body = "x".repeat((64 << 10) + 1);
    let e = t.fails(
        &[
            "mail",
            "send",
            "--to",
            "mayor",
            "--subject",
            "big",
            "--body",
            &body,
        ],
        2,
    );
    assert!(
        e["error"]["message"].as_str().unwrap().contains("body"),
        "{e}"
    );
    // A convoy whose beads are all done reaches nobody: a conflict that says
    // whom to write to instead.
    let done: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Done",
        "--task",
        "x",
    ]);
    t.json::<Value>(&[
        "bead",
        "update",
        &done.beads[0].bead.id,
        "--status",
        "closed",
    ]);
    let events_before_done: Vec<Value> = t.json(&["events", "--limit", "0"]);
    let nobody = t.fails(
        &[
            "mail",
            "send",
            "--to",
            &format!("convoy:{}", done.convoy.id),
            "--subject",
            "x",
        ],
        4,
    );
    assert!(
        nobody["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("gt mail send --to mayor"),
        "{nobody}"
    );
    assert_eq!(mail_count(&t), before);
    let events_after: Vec<Value> = t.json(&["events", "--limit", "0"]);
    assert_eq!(events_after.len(), events_before_done.len());
    assert!(
        events_before.len() < events_after.len(),
        "the done batch wrote"
    );
    // At the limits exactly, it is taken.
    let subject = "é".repeat(200);
    let body = "x".repeat(64 << 10);
    let full = send_as(
        &t,
        "mayor",
        &["--to", "human", "--subject", &subject, "--body", &body],
    );
    assert_eq!(full[0]["subject"], json!(subject));
    assert_eq!(full[0]["body"].as_str().unwrap().len(), 64 << 10);

    // The audit: who wrote to whom, never what; a convoy's mail is in its
    // events.
    let events: Vec<Value> = t.json(&["events", "--subject", one[0]["id"].as_str().unwrap()]);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["event_type"], "mail_sent");
    assert_eq!(events[0]["metadata"]["from"], "mayor");
    assert_eq!(events[0]["metadata"]["to"], json!(toast));
    assert!(
        !events[0].to_string().contains("API shape"),
        "{}",
        events[0]
    );
    let of_convoy: Vec<Value> = t.json(&["events", "--convoy", &cv, "--limit", "0"]);
    let mail_events: Vec<&Value> = of_convoy
        .iter()
        .filter(|e| e["event_type"] == "mail_sent")
        .collect();
    assert_eq!(
        mail_events.len(),
        3,
        "the bead's message and the group's two"
    );
    let words = t.run(&["events", "--convoy", &cv]);
    assert!(
        words.stdout.contains(&format!("mayor → {toast}")),
        "{}",
        words.stdout
    );
}

pub fn inboxes_filter_and_read_marks_once(t: Town) {
    let t = t.with_rig();
    let (batch, _) = crew(&t);
    let toast = batch.beads[0].agent.clone().unwrap().name;
    let cv = batch.convoy.id.clone();
    let first = send_as(&t, "mayor", &["--to", &toast, "--subject", "first"]);
    let about = send_as(
        &t,
        "human-at-shell",
        &[
            "--to",
            &toast,
            "--subject",
            "about the convoy",
            "--convoy",
            &cv,
        ],
    );
    let newest = send_as(&t, "mayor", &["--to", &toast, "--subject", "newest"]);
    send_as(&t, "mayor", &["--to", "human", "--subject", "for a person"]);

    // Unread first, newest first; the caller's own inbox by default.
    let inbox: Vec<Value> = t.json(&["mail", "inbox", &toast]);
    assert_eq!(
        ids(&inbox),
        [ids(&newest), ids(&about), ids(&first)].concat()
    );
    let own: Vec<Value> = t.json(&["--actor", &toast, "mail", "inbox"]);
    assert_eq!(ids(&own), ids(&inbox));
    let person: Vec<Value> = t.json(&["mail", "inbox"]);
    assert_eq!(person.len(), 1, "a person's actor reads human's inbox");
    assert_eq!(person[0]["to"], "human");
    let mayor: Vec<Value> = t.json(&["--actor", "mayor", "mail", "inbox"]);
    assert!(mayor.is_empty(), "{mayor:?}");

    // Reading marks it read once: a second read changes nothing, says so,
    // and writes no event.
    let opened: Value = t.json(&["mail", "read", &ids(&first)[0]]);
    assert_eq!(opened["already_read"], json!(false));
    assert_eq!(opened["subject"], "first");
    let read_at = opened["read_at"].clone();
    assert!(read_at.is_string());
    let prefix = &ids(&first)[0][..6];
    let again: Value = t.json(&["mail", "read", prefix]);
    assert_eq!(again["already_read"], json!(true));
    assert_eq!(again["read_at"], read_at);
    let human_words = t.run(&["mail", "read", prefix]);
    assert!(
        human_words.stdout.contains("nothing changed"),
        "{}",
        human_words.stdout
    );
    let events: Vec<Value> = t.json(&["events", "--subject", &ids(&first)[0]]);
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["mail_sent", "mail_read"]);

    // Now read, it comes after the unread ones; filters.
    let inbox: Vec<Value> = t.json(&["mail", "inbox", &toast]);
    assert_eq!(
        ids(&inbox),
        [ids(&newest), ids(&about), ids(&first)].concat()
    );
    assert!(inbox[2]["read_at"].is_string());
    let unread: Vec<Value> = t.json(&["mail", "inbox", &toast, "--unread"]);
    assert_eq!(ids(&unread), [ids(&newest), ids(&about)].concat());
    let limited: Vec<Value> = t.json(&["mail", "inbox", &toast, "--limit", "1"]);
    assert_eq!(ids(&limited), ids(&newest));
    let of_convoy: Vec<Value> = t.json(&["mail", "inbox", &toast, "--convoy", &cv]);
    assert_eq!(ids(&of_convoy), ids(&about));
    let everyone: Vec<Value> = t.json(&["mail", "inbox", "--all", "--limit", "0"]);
    assert_eq!(everyone.len(), 4);
    assert!(everyone[..3].iter().all(|m| m["read_at"].is_null()));
    let run = t.run(&["--json", "mail", "inbox", &toast, "--all"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    t.fails(&["mail", "inbox", "Nobody"], 3);

    // A reply: to the sender, with its subject, bead and convoy.
    let reply = send_as(
        &t,
        &toast,
        &["--reply-to", &ids(&about)[0], "--body", "on it"],
    );
    let r = &reply[0];
    assert_eq!(r["to"], "human", "the sender was a person");
    assert_eq!(r["from"], json!(toast));
    assert_eq!(r["subject"], "Re: about the convoy");
    assert_eq!(r["convoy"], json!(cv));
    assert_eq!(r["reply_to"], json!(ids(&about)[0]));
    let back = send_as(
        &t,
        "tester",
        &["--reply-to", &ids(&reply)[0], "--subject", "Re: Re: x"],
    );
    assert_eq!(back[0]["to"], json!(toast));
    assert_eq!(back[0]["subject"], "Re: Re: x");

    // The hook and the brief show unread mail, newest first.
    let hook: Value = t.json(&["hook", "--agent", &toast]);
    assert_eq!(hook["mail"]["unread"], json!(3));
    let newest_ids: Vec<&str> = hook["mail"]["newest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(newest_ids[0], ids(&back)[0]);
    assert_eq!(newest_ids.len(), 3);
    let words = t.run(&["hook", "--agent", &toast]);
    assert!(
        words.stdout.contains("3 messages unread"),
        "{}",
        words.stdout
    );
    let brief = t.run(&["prompt", "polecat", &toast]);
    assert!(
        brief.stdout.contains("## Your mail: 3 unread"),
        "{}",
        brief.stdout
    );
    assert!(brief.stdout.contains("gt_mail_send"), "{}", brief.stdout);
    // A table for people: unread marked.
    let table = t.run(&["mail", "inbox", &toast]);
    assert!(table.stdout.contains("new"), "{}", table.stdout);
    assert!(table.stdout.contains("SUBJECT"), "{}", table.stdout);
}

pub fn deleting_an_agent_keeps_its_mail(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let name = slung.agent.name.clone();
    let sent = send_as(&t, "mayor", &["--to", &name, "--subject", "before you go"]);
    t.json::<Value>(&["agent", "delete", &name, "--force"]);
    let inbox: Vec<Value> = t.json(&["mail", "inbox", &name]);
    assert_eq!(ids(&inbox), ids(&sent));
    let opened: Value = t.json(&["mail", "read", &ids(&sent)[0]]);
    assert_eq!(opened["to"], json!(name));
    // Mail to it now is mail to nobody.
    t.fails(&["mail", "send", "--to", &name, "--subject", "x"], 3);
}

/// The Mayor asks a polecat a question over MCP; the polecat, on its own
/// server, finds it in its hook and inbox, reads it and answers the Mayor.
/// Writing anywhere else, or reading another's mail, is `forbidden` with
/// nothing written.
pub fn mail_flows_between_the_mayor_and_a_polecat_over_mcp(t: Town) {
    let t = t.with_rig();
    let (batch, web) = crew(&t);
    let toast = batch.beads[0].agent.clone().unwrap().name;
    let maple = batch.beads[1].agent.clone().unwrap().name;
    let other: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Other",
        "--task",
        "x",
    ]);
    let stranger = other.beads[0].agent.clone().unwrap().name;

    let mut mayor = Client::start(&t, &[], &[]);
    let asked = mayor.ok(
        "gt_mail_send",
        json!({"to": toast, "subject": "Which branch?", "body": "Use feature/sessions.",
               "bead_id": batch.beads[0].bead.id}),
    );
    let question = asked["messages"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(asked["messages"][0]["from"], "mayor");
    let private = mayor.ok(
        "gt_mail_send",
        json!({"to": stranger, "subject": "private"}),
    );
    let private = private["messages"][0]["id"].as_str().unwrap().to_string();

    let mut polecat = Client::start(&t, &[], &["--polecat", &toast]);
    let own_convoy = polecat.ok("gt_mail_inbox", json!({"convoy_id": batch.convoy.id}));
    assert_eq!(own_convoy["messages"][0]["id"], json!(question));
    let hook = polecat.ok("gt_hook", json!({}));
    assert_eq!(hook["mail"]["unread"], json!(1));
    assert_eq!(hook["mail"]["newest"][0]["id"], json!(question));
    let inbox = polecat.ok("gt_mail_inbox", json!({}));
    assert_eq!(inbox["messages"][0]["subject"], "Which branch?");
    let read = polecat.ok("gt_mail_read", json!({"mail_id": question}));
    assert_eq!(read["body"], "Use feature/sessions.");
    let answer = polecat.ok(
        "gt_mail_send",
        json!({"reply_to": question, "body": "Rebasing."}),
    );
    let a = &answer["messages"][0];
    assert_eq!((&a["from"], &a["to"]), (&json!(toast), &json!("mayor")));
    // Its convoy's other polecat, and the convoy itself, are fine.
    polecat.ok(
        "gt_mail_send",
        json!({"to": maple, "subject": "I take the schema"}),
    );
    polecat.ok(
        "gt_mail_send",
        json!({"to": format!("convoy:{}", batch.convoy.id), "subject": "Pushed"}),
    );

    let before = mail_count(&t);
    let refused = [
        json!({"to": stranger, "subject": "hi"}),
        json!({"to": web.agent.name, "subject": "hi"}),
        json!({"to": "Nobody", "subject": "hi"}),
        json!({"to": "rig:app", "subject": "hi"}),
        json!({"to": format!("convoy:{}", other.convoy.id), "subject": "hi"}),
        json!({"to": "mayor", "subject": "hi", "bead_id": other.beads[0].bead.id}),
        json!({"to": "mayor", "subject": "hi", "convoy_id": other.convoy.id}),
        json!({"reply_to": private, "body": "peek"}),
    ];
    for args in refused {
        let r = polecat.call("gt_mail_send", args.clone());
        assert_eq!(r.code(), "forbidden", "{args}: {}", r.text);
        assert!(!r.text.contains("candidates"), "{}", r.text);
    }
    for (tool, args) in [
        ("gt_mail_read", json!({"mail_id": private})),
        ("gt_mail_read", json!({"mail_id": "ml-zzzzz"})),
        ("gt_mail_inbox", json!({"who": stranger})),
        ("gt_mail_inbox", json!({"who": "mayor"})),
        ("gt_mail_inbox", json!({"all": true})),
        ("gt_mail_inbox", json!({"convoy_id": other.convoy.id})),
        ("gt_mail_inbox", json!({"convoy_id": "cv-zz"})),
    ] {
        let r = polecat.call(tool, args.clone());
        assert_eq!(r.code(), "forbidden", "{tool} {args}: {}", r.text);
        assert!(!r.text.contains("private"), "{}", r.text);
    }
    polecat.finish();
    assert_eq!(mail_count(&t), before, "a refusal wrote mail");
    let private_now: Value = t.json(&["mail", "inbox", &stranger]);
    assert!(private_now[0]["read_at"].is_null(), "a refusal read it");

    // The Mayor's own inbox is mayor's.
    let mine = mayor.ok("gt_mail_inbox", json!({"unread": true}));
    let subjects: Vec<&str> = mine["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Re: Which branch?"]);
    let any = mayor.ok("gt_mail_inbox", json!({"who": maple}));
    let subjects: Vec<&str> = any["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Pushed", "I take the schema"]);
    mayor.finish();
}

/// The HTTP routes: send (201), an inbox, read once; refusals write nothing.
pub fn mail_over_http(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let name = slung.agent.name.clone();
    let s = Server::start(&t, &[]);
    let sent = ok(
        send(
            &s,
            "POST",
            "/api/mail",
            json!({"to": name, "subject": "From the page", "bead_id": slung.bead.id}),
        ),
        201,
    );
    let id = sent["messages"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(sent["messages"][0]["from"], "human");
    let inbox = ok(get(&s, &format!("/api/mail?who={name}&unread=true")), 200);
    assert_eq!(inbox[0]["id"], json!(id));
    let cli: Vec<Value> = t.json(&["mail", "inbox", &name, "--unread"]);
    assert_eq!(inbox, json!(cli));
    let read = ok(
        send(&s, "POST", &format!("/api/mail/{id}/read"), json!({})),
        200,
    );
    assert_eq!(read["already_read"], json!(false));
    let again = ok(
        send(&s, "POST", &format!("/api/mail/{id}/read"), json!({})),
        200,
    );
    assert_eq!(again["already_read"], json!(true));
    let before = mail_count(&t);
    for body in [
        json!({"to": "Nobody", "subject": "x"}),
        json!({"to": name, "subject": "x".repeat(201)}),
        json!({"to": name}),
        json!({"to": name, "subject": "x", "colour": "red"}),
    ] {
        let r = send(&s, "POST", "/api/mail", body.clone());
        assert!(r.status == 400 || r.status == 404, "{body}: {}", r.body);
    }
    let r = get(&s, "/api/mail?limit=501");
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(mail_count(&t), before);
}
