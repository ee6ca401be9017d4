// The gt dashboard: every control calls the HTTP API of this server, and the
// page follows the event stream, refreshing what an event touches. Text from
// the town is only ever set as textContent.
"use strict";

const BEAD_STATUSES = ["open", "in_progress", "in_review", "closed", "failed"];
const MAX_AGENTS = 200;
const MAX_FEED = 200;
const LOG_LINES = 5;
// The inboxes of whoever watches this page and of the Mayor (SPEC §11).
const HUMAN = "human";
const MAYOR = "mayor";
// The person's inbox shows its newest this many, unread first; more unread
// than that shows as "100+".
const INBOX_LIMIT = 100;
// A host's supervisor beats its row every 5 s at most, writing no event: the
// panel is read again this often while the page is shown.
const HOSTS_EVERY_MS = 3000;
// A live host whose last beat is older than three beats is late: said
// before any patrol calls it lost.
const HOST_LATE_MS = 15000;

const state = {
  token: null, convoy: null, bead: null, agents: [], readOnly: false,
  inbox: [], mail: null,
  // An agent card's compose box outlives the card, which a redraw replaces,
  // so that what a person is typing survives an event.
  composes: new Map(),
};

function token() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    sessionStorage.setItem("gt-token", decodeURIComponent(m[1]));
    history.replaceState(null, "", location.pathname);
  }
  return sessionStorage.getItem("gt-token");
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function toast(text, error) {
  const t = el("div", { class: error ? "toast error" : "toast", text });
  const box = document.getElementById("toasts");
  box.append(t);
  while (box.children.length > 3) box.firstChild.remove();
  setTimeout(() => t.remove(), error ? 8000 : 5000);
}

function headers(write) {
  const h = {};
  if (write) h["Content-Type"] = "application/json";
  if (state.token) h["Authorization"] = "Bearer " + state.token;
  return h;
}

/// Calls the API; a refusal is shown as a toast unless `quiet` (a form shows
/// it itself), and thrown with its message and hint.
async function api(method, path, body, quiet) {
  const write = method !== "GET";
  const res = await fetch(path, {
    method,
    headers: headers(write),
    body: write ? JSON.stringify(body || {}) : undefined,
  });
  const doc = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (doc && doc.error) || { message: res.statusText };
    if (!quiet) toast(e.message + (e.hint ? " — " + e.hint : ""), true);
    throw Object.assign(new Error(e.message), { hint: e.hint || "", code: e.code || "" });
  }
  return { doc, res };
}

function status(text) {
  return el("span", { class: "status " + text, text });
}

function progress(c) {
  const pct = c.total_beads ? Math.round((100 * c.closed_beads) / c.total_beads) : 0;
  const bar = el("div", { class: "bar", role: "progressbar", "aria-valuenow": String(pct),
    "aria-valuemin": "0", "aria-valuemax": "100", "aria-label": "Progress of " + c.title });
  bar.append(el("span", { style: "width:" + pct + "%" }));
  return bar;
}

async function loadConvoys() {
  const all = document.getElementById("all-convoys").checked;
  const { doc } = await api("GET", "/api/convoys" + (all ? "?all" : ""));
  doc.sort((a, b) => Number(b.needs_attention) - Number(a.needs_attention));
  const list = document.getElementById("convoys");
  list.replaceChildren(...doc.map((c) => {
    const label = c.title + ": " + c.closed_beads + "/" + c.total_beads;
    const row = el("button", { class: "row", type: "button", "data-convoy": c.id,
      onclick: () => openConvoy(c.id) },
      el("span", { class: "grow" }, el("span", { text: label }), progress(c)),
      status(c.status));
    if (c.needs_attention) row.prepend(el("span", { class: "attention", text: "!", title: "needs attention: a failed bead, a polecat holding one is dead, or work nothing will pick up" }));
    return el("li", {}, row);
  }));
  if (!doc.length) list.append(el("li", { class: "muted", text: "No convoys." }));
}

/// Beads in dependency waves: a bead's wave is one past its latest blocker's.
function waves(view) {
  const ids = new Set(view.beads.map((b) => b.id));
  const deps = new Map(view.beads.map((b) => [b.id, []]));
  for (const e of view.dependency_edges) {
    if (ids.has(e.depends_on_bead_id)) deps.get(e.bead_id).push(e.depends_on_bead_id);
  }
  const wave = new Map();
  const depth = (id, seen = new Set()) => {
    if (wave.has(id)) return wave.get(id);
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = deps.get(id).reduce((m, x) => Math.max(m, depth(x, seen) + 1), 0);
    wave.set(id, d);
    return d;
  };
  const out = [];
  for (const b of view.beads) {
    const w = depth(b.id);
    (out[w] = out[w] || []).push(b);
  }
  return out;
}

// What convoy status says needs attention, in a few words.
const REASONS = {
  bead_failed: "failed",
  agent_dead: "polecat dead",
  agent_stalled: "polecat stalled",
  unassigned_open: "nothing will pick it up",
};

function attentionText(items) {
  if (!items.length) return "";
  return " · needs attention: " + items.map((a) =>
    a.bead + " " + (REASONS[a.reason] || a.reason) + (a.agent ? " (" + a.agent + ")" : "")).join(", ");
}

// A bead's polecat, marked when it is in trouble; else why an open bead waits.
function assigneeText(b) {
  const trouble = b.agent_status === "dead" || b.agent_status === "stalled";
  if (b.assignee) {
    return el("span", { class: trouble ? "attention" : "muted",
      text: b.assignee + (trouble ? " (" + b.agent_status + ")" : "") });
  }
  return el("span", { class: "muted", text: b.state && b.state !== "blocked" ? b.state : "" });
}

async function openConvoy(id) {
  state.convoy = id;
  const { doc: v } = await api("GET", "/api/convoys/" + encodeURIComponent(id));
  const panel = document.getElementById("convoy-panel");
  panel.hidden = false;
  document.getElementById("convoy-title").textContent = v.title + ": " + v.closed_beads + "/" + v.total_beads;
  document.getElementById("convoy-summary").textContent =
    v.status + attentionText(v.attention || []) + " · " + v.id +
    (v.max_polecats ? " · at most " + v.max_polecats + " polecats" : "");
  document.getElementById("merge-mode").value = v.merge_mode;
  document.getElementById("feature-branch").value = v.feature_branch || "";
  const box = document.getElementById("waves");
  box.replaceChildren(...waves(v).map((beads, i) => el("div", { class: "wave" },
    el("h3", { text: "Wave " + (i + 1) }),
    el("ul", { class: "list" }, ...beads.map((b) => el("li", {},
      el("button", { class: "row", type: "button", "data-bead": b.id, onclick: () => openBead(b.id) },
        el("span", { class: "grow", text: b.title }),
        assigneeText(b),
        b.blocked_by.length ? el("span", { class: "muted", text: "waits for " + b.blocked_by.length }) : "",
        status(b.status))))))));
}

async function openBead(id) {
  const { doc: b } = await api("GET", "/api/beads/" + encodeURIComponent(id));
  const other = !state.bead || state.bead.id !== b.id;
  state.bead = b;
  closeMail();
  beadCompose.show(b, other);
  document.getElementById("drawer").hidden = false;
  document.getElementById("drawer-title").textContent = b.title;
  document.getElementById("drawer-meta").textContent =
    b.id + " · " + (b.assignee ? "on " + b.assignee + "'s hook" : "on no hook") +
    (b.convoy_id ? " · " + b.convoy_id : "");
  document.getElementById("bead-status").value = b.status;
  document.getElementById("bead-title").value = b.title;
  document.getElementById("bead-body").value = b.body || "";
  document.getElementById("bead-priority").value = b.priority;
  document.getElementById("bead-labels").value = b.labels.join(", ");
  const to = document.getElementById("reassign-to");
  to.replaceChildren(...state.agents.filter((a) => a.name !== b.assignee)
    .map((a) => el("option", { value: a.name, text: a.name + " (" + a.status + ")" })));
  document.getElementById("unhook-bead").disabled = !b.assignee;
  document.getElementById("bead-status").focus();
}

async function loadAgents() {
  // Never the whole crowd of a big town: the first MAX_AGENTS, and one more
  // to know whether there are others.
  const { doc } = await api("GET", "/api/agents?limit=" + (MAX_AGENTS + 1));
  state.agents = doc;
  const shown = doc.slice(0, MAX_AGENTS);
  const focused = keepFocus();
  document.getElementById("agents").replaceChildren(...shown.map((a) => el("div", { class: "card", "data-agent": a.name },
    el("div", {}, el("strong", { text: a.name }), " ", status(a.status)),
    el("div", { class: "muted", text: a.hook ? "hook: " + a.hook : "no hook" }),
    el("div", { class: "muted", text: "active " + ago(a.last_activity_at) }),
    a.host ? el("div", { class: "muted", "data-running": a.name,
      text: "running on " + a.host + " for " + since(a.run_started_at) + ", attempt " + a.attempt }) : "",
    a.host ? el("pre", { class: "log", "data-log": a.name, "aria-label": "Last lines of " + a.name + "'s log" }) : "",
    el("div", { class: "actions writes" },
      el("button", { type: "button", "aria-label": "Reset to idle", text: "Reset to idle",
        onclick: () => act("POST", "/api/agents/" + encodeURIComponent(a.name) + "/reset", {}, a.name + " is idle") }),
      el("button", { type: "button", "aria-label": "Unhook " + a.name, text: "Unhook", disabled: a.hook ? null : "disabled",
        onclick: () => act("DELETE", "/api/agents/" + encodeURIComponent(a.name) + "/hook", {}, a.name + " is unhooked") })),
    cardCompose(a.name))));
  for (const name of state.composes.keys()) {
    if (!shown.some((a) => a.name === name)) state.composes.delete(name);
  }
  focused.restore();
  document.getElementById("mail-to-list").replaceChildren(
    ...[MAYOR, ...shown.map((a) => a.name)].map((n) => el("option", { value: n })));
  document.getElementById("agents-more").textContent =
    doc.length > MAX_AGENTS ? "showing the first " + MAX_AGENTS + " agents" : "";
  await loadLogTails();
}

// The last lines of each running agent's log, where this server's host keeps
// it; a run on another host says where its log is.
async function loadLogTails() {
  await Promise.all([...document.querySelectorAll("pre[data-log]")].map(async (pre) => {
    const name = pre.getAttribute("data-log");
    try {
      const res = await fetch("/api/agents/" + encodeURIComponent(name) + "/logs?lines=" + LOG_LINES,
        { headers: headers(false) });
      const doc = await res.json();
      pre.textContent = res.ok ? (doc.lines.join("\n") || "(nothing written yet)") : doc.error.message;
    } catch (_) {
      pre.textContent = "";
    }
  }));
}

function since(t) {
  const s = Math.max(0, (Date.now() - Date.parse(t)) / 1000);
  if (s < 60) return Math.floor(s) + "s";
  if (s < 3600) return Math.floor(s / 60) + "m";
  return Math.floor(s / 3600) + "h " + Math.floor((s % 3600) / 60) + "m";
}

// Hosts (SPEC §12): the machines whose supervisors run the town's agents.
// Each host keeps its row's nodes across reads, so that a read every few
// seconds changes only the text that moved: no flicker, and the list keeps
// its scroll.
const hostRows = new Map();
let hostsSeq = 0;

async function loadHosts() {
  const seq = ++hostsSeq;
  let hosts;
  try {
    // Quiet: a read every few seconds would repeat a refusal as a toast each
    // time; the header already says when the server is gone.
    ({ doc: hosts } = await api("GET", "/api/hosts", null, true));
  } catch (_) {
    return;
  }
  if (seq !== hostsSeq) return; // a later read answers
  drawHosts(hosts);
}

function drawHosts(hosts) {
  // A town that does not use `gt run` has no hosts, and no panel.
  document.getElementById("hosts-panel").hidden = hosts.length === 0;
  // Lost hosts first, as convoys that need attention are; else name order.
  const order = hosts.slice().sort((a, b) => Number(b.status === "lost") - Number(a.status === "lost"));
  const rows = order.map(hostRow);
  for (const id of [...hostRows.keys()]) {
    if (!hosts.some((h) => h.id === id)) hostRows.delete(id);
  }
  const list = document.getElementById("hosts");
  if (rows.length !== list.children.length || rows.some((r, i) => list.children[i] !== r)) {
    list.replaceChildren(...rows);
  }
  const counts = ["live", "lost", "stopped"]
    .map((s) => [s, hosts.filter((h) => h.status === s).length])
    .filter(([, n]) => n > 0);
  const summary = document.getElementById("hosts-summary");
  const text = counts.map(([s, n]) => n + " " + s).join(" · ");
  if (summary.textContent !== text) {
    summary.replaceChildren(...counts.flatMap(([s, n], i) => [i ? " · " : "",
      el("span", { class: s === "lost" ? "attention" : null, text: n + " " + s })]));
  }
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/// A host's line: name and status, last beat, its slots in use, its rigs and
/// version. A lost host is marked as needing attention.
function hostRow(h) {
  let r = hostRows.get(h.id);
  if (!r) {
    r = {
      mark: el("span", { class: "attention", text: "!",
        title: "lost: silent past patrol's host_dead_after; its runs were released to other hosts" }),
      name: el("strong"),
      status: el("span"),
      beat: el("span", { class: "beat" }),
      fill: el("span"),
      meta: el("div", { class: "host-meta muted" }),
    };
    r.li = el("li", { class: "host" },
      el("div", { class: "host-line" }, r.mark, r.name, r.status, r.beat),
      el("div", { class: "bar", "aria-hidden": "true" }, r.fill),
      r.meta);
    hostRows.set(h.id, r);
  }
  const age = Date.now() - Date.parse(h.last_seen);
  const late = h.status === "live" && age > HOST_LATE_MS;
  setAttr(r.li, "data-host", h.name);
  setAttr(r.li, "data-status", h.status);
  setAttr(r.li, "class", "host " + h.status + (late ? " late" : ""));
  r.mark.hidden = h.status !== "lost";
  setText(r.name, h.name);
  setAttr(r.status, "class", "status " + h.status);
  setText(r.status, h.status);
  // A stopped host's last beat is its supervisor's clean end.
  setText(r.beat, (h.status === "stopped" ? "stopped " : "last beat ") + beatAgo(h.last_seen));
  setAttr(r.beat, "title", "last beat " + new Date(h.last_seen).toLocaleString() +
    " · supervisor started " + new Date(h.started_at).toLocaleString());
  const pct = h.slots > 0 ? Math.min(100, Math.round((100 * h.running) / h.slots)) : 0;
  setAttr(r.fill, "style", "width:" + pct + "%");
  const rigs = h.rigs.length ? (h.rigs.length === 1 ? "rig " : "rigs ") + h.rigs.join(", ") : "all rigs";
  setText(r.meta, h.running + " of " + h.slots + " running · " + rigs + " · gt " + h.version);
  return r.li;
}

// "4s ago" while a host beats; coarser once it has long been silent.
function beatAgo(t) {
  const s = Math.max(0, (Date.now() - Date.parse(t)) / 1000);
  if (s < 60) return Math.floor(s) + "s ago";
  if (s < 3600) return Math.floor(s / 60) + "m ago";
  return ago(t);
}

async function loadEscalations() {
  const { doc } = await api("GET", "/api/escalations");
  const list = document.getElementById("escalations");
  list.replaceChildren(...doc.map((e) => el("li", { "data-escalation": e.id },
    el("div", {}, status(e.severity), " ", el("span", { text: e.message })),
    el("div", { class: "muted", text: [e.category, e.agent, e.bead, e.status].filter(Boolean).join(" · ") }),
    el("div", { class: "controls writes" },
      e.status === "open" ? el("button", { type: "button", "aria-label": "Acknowledge", text: "Acknowledge",
        onclick: () => act("POST", "/api/escalations/" + e.id + "/ack", {}, "Acknowledged") }) : "",
      el("button", { type: "button", "aria-label": "Resolve", text: "Resolve",
        onclick: () => act("POST", "/api/escalations/" + e.id + "/resolve", {}, "Resolved") })))));
  if (!doc.length) list.append(el("li", { class: "muted", text: "Nothing needs a human." }));
}

function ago(t) {
  const s = Math.max(0, (Date.now() - Date.parse(t)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return Math.floor(s / 60) + "m ago";
  if (s < 86400) return Math.floor(s / 3600) + "h ago";
  return Math.floor(s / 86400) + "d ago";
}

function feedLine(e) {
  let change = e.new_value !== null && typeof e.new_value !== "object" ? " → " + e.new_value : "";
  if (e.event_type === "mail_sent" && e.metadata && e.metadata.to) change = " to " + e.metadata.to;
  return el("li", { "data-event": String(e.id) },
    el("span", { class: "muted", text: new Date(e.created_at).toLocaleTimeString() + " " }),
    el("strong", { text: e.actor }), " " + e.event_type + " " + e.subject_id + change);
}

async function act(method, path, body, done) {
  try {
    await api(method, path, body);
    if (done) toast(done);
    await refresh();
  } catch (_) { /* shown already */ }
}

// A busy town writes many events a second: the page redraws at most twice a
// second, and reads the agents again only when an event concerns one.
const AGENT_EVENTS = new Set(["hooked", "unhooked", "dispatched", "agent_reset", "released", "recovered",
  "started", "exited"]);
let pending = null;
let agentsStale = false;
let hostsStale = false;
function refreshSoon(e) {
  if (e.subject_id.startsWith("ag-") || AGENT_EVENTS.has(e.event_type)) agentsStale = true;
  // A host's first beat and its changes of status are events; its other
  // beats are not (the panel's timer reads those).
  if (e.subject_id.startsWith("hs-")) hostsStale = true;
  // An agent's message is its act: its card's last activity moves.
  if (e.event_type === "mail_sent" && state.agents.some((a) => a.name === e.actor)) agentsStale = true;
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    const agents = agentsStale;
    const hosts = hostsStale;
    agentsStale = false;
    hostsStale = false;
    refresh(agents, hosts);
  }, 500);
}

async function refresh(agents = true, hosts = true) {
  const jobs = [loadConvoys(), loadEscalations()];
  if (agents) jobs.push(loadAgents());
  if (hosts) jobs.push(loadHosts());
  if (state.convoy) jobs.push(openConvoy(state.convoy).catch(() => {
    document.getElementById("convoy-panel").hidden = true;
    state.convoy = null;
  }));
  await Promise.allSettled(jobs);
}

async function landed(e) {
  try {
    const { doc } = await api("GET", "/api/convoys/" + encodeURIComponent(e.subject_id));
    toast("Convoy '" + doc.title + "' landed");
  } catch (_) {
    toast("Convoy " + e.subject_id + " landed");
  }
}

// Mail (SPEC §11): the person's inbox, and compose boxes that write as them.
const MAIL_EVENTS = new Set(["mail_sent", "mail_read"]);

/// Puts the focus and caret back where they were when a redraw moved the
/// focused field (a compose box on an agent card).
function keepFocus() {
  const f = document.activeElement;
  const caret = f && typeof f.selectionStart === "number" ? [f.selectionStart, f.selectionEnd] : null;
  return {
    restore() {
      if (!f || f === document.body || document.activeElement === f || !f.isConnected) return;
      f.focus({ preventScroll: true });
      if (caret) f.setSelectionRange(caret[0], caret[1]);
    },
  };
}

function setNote(note, text, kind, hint) {
  note.className = "note" + (kind ? " " + kind : "");
  note.replaceChildren(...(text ? [el("span", { text })] : []), ...(hint ? [el("span", { class: "hint", text: hint })] : []));
}

/// A form that sends a message as the person. `request()` gives what the
/// form does not hold (`to`, `bead_id`, `reply_to`); a reply has no subject.
/// A refusal shows its message and hint and keeps what was typed.
function composeForm({ label, title, reply, fields = [], request }) {
  const heading = el("h3", { text: title });
  const subject = reply ? null : el("input", { "aria-label": "Subject", required: "required",
    autocomplete: "off" });
  const body = el("textarea", { "aria-label": reply ? "Reply" : "Message", rows: "3",
    placeholder: reply ? "Your answer" : "optional" });
  const note = el("p", { class: "note", role: "status" });
  const send = el("button", { type: "submit", class: "send", text: reply ? "Send reply" : "Send" });
  const form = el("form", { class: "compose", "aria-label": label }, heading, ...fields,
    subject ? el("label", {}, "Subject", subject) : "",
    el("label", {}, "Message", body),
    el("div", { class: "compose-foot" }, send, note));
  form.addEventListener("input", () => { if (note.classList.contains("ok")) setNote(note, ""); });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const req = request();
    if (subject) req.subject = subject.value;
    if (body.value.trim()) req.body = body.value;
    send.disabled = true;
    setNote(note, "Sending…");
    try {
      const { doc } = await api("POST", "/api/mail", req, true);
      const to = doc.messages.map((m) => m.to);
      setNote(note, "Sent to " + (to.length > 3 ? to.length + " inboxes" : to.join(", ")) + ".", "ok");
      if (subject) subject.value = "";
      body.value = "";
    } catch (e) {
      setNote(note, e.message, "error", e.hint);
    } finally {
      send.disabled = false;
    }
  });
  const clear = () => {
    if (subject) subject.value = "";
    body.value = "";
    setNote(note, "");
  };
  return { form, heading, subject, body, note, clear };
}

/// An agent card's compose box: closed until asked for, and the same node
/// across redraws of the card.
function cardCompose(name) {
  let box = state.composes.get(name);
  if (!box) {
    const c = composeForm({ label: "Message to " + name, title: "To " + name, request: () => ({ to: name }) });
    box = el("details", { class: "compose-box writes", "data-compose": name },
      el("summary", { text: "Message", "aria-label": "Message " + name }), c.form);
    state.composes.set(name, box);
  }
  return box;
}

/// The bead drawer's compose box: about the bead, to its polecat (else the
/// Mayor) unless the person writes another address.
const beadCompose = (() => {
  const to = el("input", { "aria-label": "To", required: "required", autocomplete: "off",
    list: "mail-to-list", placeholder: "agent, mayor, convoy:ID or rig:NAME" });
  let mine = false; // the person changed the address
  to.addEventListener("input", () => { mine = true; });
  let c = null;
  return {
    mount(box) {
      c = composeForm({ label: "Message about this bead", title: "Message about this bead",
        fields: [el("label", {}, "To", to)],
        request: () => ({ to: to.value.trim(), bead_id: state.bead.id }) });
      box.append(c.form);
    },
    show(b, other) {
      if (other) {
        c.clear();
        mine = false;
      }
      if (!mine) to.value = b.assignee || MAYOR;
    },
  };
})();

const replyCompose = { c: null, mail: null };

let inboxSeq = 0;
async function loadInbox() {
  const seq = ++inboxSeq;
  const { doc } = await api("GET", "/api/mail?who=" + HUMAN + "&limit=" + INBOX_LIMIT);
  if (seq !== inboxSeq) return; // a later read answers
  state.inbox = Array.isArray(doc) ? doc : doc.messages;
  drawInbox();
  const open = state.mail && state.inbox.find((m) => m.id === state.mail);
  if (open) drawMail(open);
}

let inboxPending = null;
function inboxSoon() {
  if (inboxPending) return;
  inboxPending = setTimeout(() => {
    inboxPending = null;
    loadInbox().catch(() => { /* shown already */ });
  }, 150);
}

function aboutText(m) {
  return [m.bead, m.convoy].filter(Boolean).join(" · ");
}

function drawInbox() {
  const unread = state.inbox.filter((m) => !m.read_at).length;
  const count = unread >= INBOX_LIMIT ? INBOX_LIMIT + "+" : String(unread);
  const badge = document.getElementById("unread-count");
  badge.textContent = count;
  badge.hidden = unread === 0;
  const button = document.getElementById("inbox-button");
  button.classList.toggle("has-unread", unread > 0);
  button.setAttribute("aria-label", unread ? "Inbox, " + count + " unread" : "Inbox, no unread mail");
  document.title = (unread ? "(" + count + ") " : "") + "gt — town";
  const list = document.getElementById("inbox");
  // A redraw keeps the keyboard on the message it was on.
  const focused = document.activeElement && document.activeElement.closest("#inbox [data-mail]");
  list.replaceChildren(...state.inbox.map((m) => {
    const isUnread = !m.read_at;
    const about = aboutText(m);
    return el("li", { "data-mail": m.id, "data-unread": String(isUnread), class: isUnread ? "unread" : null },
      el("button", { class: "row mail", type: "button", "aria-current": state.mail === m.id ? "true" : null,
        onclick: () => openMail(m.id) },
        el("span", { class: "dot", title: isUnread ? "unread" : null }),
        el("span", { class: "grow" },
          el("span", { class: "mail-line" }, el("strong", { text: m.from }),
            el("span", { class: "muted when", text: ago(m.created_at) })),
          el("span", { class: "subject", text: m.subject }),
          about ? el("span", { class: "muted about-line", text: "about " + about }) : ""),
        isUnread ? el("span", { class: "sr-only", text: "unread" }) : ""));
  }));
  if (!state.inbox.length) list.append(el("li", { class: "muted", text: "No mail." }));
  if (focused) {
    const again = list.querySelector('[data-mail="' + CSS.escape(focused.getAttribute("data-mail")) + '"] button');
    if (again) again.focus({ preventScroll: true });
  }
}

function drawMail(m) {
  document.getElementById("mail-title").textContent = m.subject;
  document.getElementById("mail-meta").textContent = "from " + m.from + " to " + m.to +
    (m.group ? " (" + m.group + ")" : "") + " · " + new Date(m.created_at).toLocaleString() +
    " · " + (m.read_at ? "read" : "unread") + " · " + m.id;
  const about = document.getElementById("mail-about");
  about.replaceChildren(
    m.bead ? el("button", { type: "button", class: "link", text: "bead " + m.bead,
      onclick: () => openBead(m.bead).catch(() => {}) }) : "",
    m.convoy ? el("button", { type: "button", class: "link", text: "convoy " + m.convoy,
      onclick: () => { closeMail(); openConvoy(m.convoy).then(() =>
        document.getElementById("convoy-panel").scrollIntoView()).catch(() => {}); } }) : "",
    m.reply_to ? el("span", { class: "muted", text: "in answer to " + m.reply_to }) : "");
  about.hidden = !(m.bead || m.convoy || m.reply_to);
  const body = document.getElementById("mail-body");
  body.classList.toggle("empty", !m.body);
  body.textContent = m.body || "(no message, only the subject)";
  if (replyCompose.mail !== m.id) {
    replyCompose.mail = m.id;
    replyCompose.c.clear();
  }
  replyCompose.c.heading.textContent = "Reply to " + m.from;
}

/// Shows a message and marks it read (a read-only page only shows it).
async function openMail(id) {
  const m = state.inbox.find((x) => x.id === id);
  if (!m) return;
  closeBead();
  state.mail = id;
  drawMail(m);
  drawInbox();
  document.getElementById("mail-drawer").hidden = false;
  document.getElementById("mail-close").focus();
  if (m.read_at || state.readOnly) return;
  try {
    const { doc } = await api("POST", "/api/mail/" + encodeURIComponent(id) + "/read", {});
    const { already_read: _, ...read } = doc;
    state.inbox = state.inbox.map((x) => (x.id === id ? read : x));
    drawInbox();
    if (state.mail === id) drawMail(read);
  } catch (_) { /* shown already */ }
}

function closeMail() {
  if (state.mail === null) return;
  document.getElementById("mail-drawer").hidden = true;
  state.mail = null;
  drawInbox();
}

function closeBead() {
  document.getElementById("drawer").hidden = true;
  state.bead = null;
}

function wireMail() {
  beadCompose.mount(document.getElementById("bead-compose"));
  replyCompose.c = composeForm({ label: "Reply", title: "Reply", reply: true,
    request: () => ({ reply_to: state.mail }) });
  document.getElementById("mail-reply").append(replyCompose.c.form);
  document.getElementById("mail-close").addEventListener("click", closeMail);
  document.getElementById("inbox-button").addEventListener("click", () => {
    const panel = document.getElementById("inbox-panel");
    panel.scrollIntoView({ block: "start" });
    panel.focus({ preventScroll: true });
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    if (state.mail !== null) closeMail();
    else if (state.bead) closeBead();
  });
}

/// The event stream, read with fetch so that it can carry the token.
async function follow(after) {
  const live = document.getElementById("live");
  for (;;) {
    try {
      const h = headers(false);
      if (after) h["Last-Event-ID"] = String(after);
      const res = await fetch("/api/events/stream", { headers: h });
      if (!res.ok) throw new Error(res.statusText);
      live.textContent = "live";
      const reader = res.body.getReader();
      const text = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += text.decode(value, { stream: true });
        let cut;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
          if (!data) continue;
          const e = JSON.parse(data);
          after = e.id;
          const feed = document.getElementById("feed");
          feed.prepend(feedLine(e));
          while (feed.children.length > MAX_FEED) feed.lastChild.remove();
          if (e.event_type === "convoy_landed") landed(e);
          if (MAIL_EVENTS.has(e.event_type) && e.metadata && e.metadata.to === HUMAN) inboxSoon();
          refreshSoon(e);
        }
      }
    } catch (_) { /* reconnects below */ }
    live.textContent = "reconnecting…";
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function wire() {
  wireMail();
  const statusSelect = document.getElementById("bead-status");
  statusSelect.replaceChildren(...BEAD_STATUSES.map((s) => el("option", { value: s, text: s })));
  document.getElementById("all-convoys").addEventListener("change", loadConvoys);
  document.getElementById("drawer-close").addEventListener("click", closeBead);
  const bead = () => "/api/beads/" + encodeURIComponent(state.bead.id);
  statusSelect.addEventListener("change", () =>
    act("PATCH", bead(), { status: statusSelect.value }, "Status set to " + statusSelect.value)
      .then(() => state.bead && openBead(state.bead.id)));
  document.getElementById("bead-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const labels = document.getElementById("bead-labels").value.split(",").map((l) => l.trim()).filter(Boolean);
    act("PATCH", bead(), {
      title: document.getElementById("bead-title").value,
      body: document.getElementById("bead-body").value,
      priority: document.getElementById("bead-priority").value,
      labels,
    }, "Saved").then(() => state.bead && openBead(state.bead.id));
  });
  document.getElementById("reassign").addEventListener("click", () =>
    act("POST", bead() + "/reassign", { agent_id: document.getElementById("reassign-to").value }, "Reassigned")
      .then(() => state.bead && openBead(state.bead.id)));
  document.getElementById("reassign-new").addEventListener("click", () =>
    act("POST", bead() + "/reassign", { new: true }, "Reassigned to a new polecat")
      .then(() => state.bead && openBead(state.bead.id)));
  document.getElementById("unhook-bead").addEventListener("click", () =>
    act("DELETE", "/api/agents/" + encodeURIComponent(state.bead.assignee) + "/hook", {}, "Unhooked")
      .then(() => state.bead && openBead(state.bead.id)));
  document.getElementById("delete-bead").addEventListener("click", () => {
    if (!confirm("Delete " + state.bead.id + "? Its history stays.")) return;
    act("DELETE", bead() + "?force=true", {}, "Deleted").then(() => {
      document.getElementById("drawer").hidden = true;
    });
  });
  const convoy = () => "/api/convoys/" + encodeURIComponent(state.convoy);
  document.getElementById("merge-mode").addEventListener("change", (ev) =>
    act("PATCH", convoy(), { merge_mode: ev.target.value }, "Merge mode set"));
  document.getElementById("save-branch").addEventListener("click", () =>
    act("PATCH", convoy(), { feature_branch: document.getElementById("feature-branch").value }, "Branch saved"));
  document.getElementById("force-close").addEventListener("click", () => {
    const reason = document.getElementById("close-reason").value || null;
    act("POST", convoy() + "/close", { reason, close_beads: document.getElementById("close-beads").checked }, "Convoy closed");
  });
}

async function start() {
  state.token = token();
  wire();
  try {
    const { doc, res } = await api("GET", "/api/town");
    document.getElementById("town-name").textContent = doc.location;
    state.readOnly = res.headers.get("X-GT-Read-Only") === "true";
  } catch (_) {
    return;
  }
  if (state.readOnly) {
    document.body.classList.add("read-only");
    document.getElementById("read-only").hidden = false;
  }
  const { doc: recent } = await api("GET", "/api/events?limit=50");
  const feed = document.getElementById("feed");
  feed.replaceChildren(...recent.slice().reverse().map(feedLine));
  await Promise.allSettled([refresh(), loadInbox()]);
  follow(recent.length ? recent[recent.length - 1].id : null);
  // A running agent's log grows without events: its tail is read again
  // every few seconds while the page is shown.
  setInterval(() => { if (!document.hidden) loadLogTails(); }, 3000);
  // Hosts beat without events, and their "last beat 4s ago" ages: read
  // again every few seconds while the page is shown, and on its return.
  setInterval(() => { if (!document.hidden) loadHosts(); }, HOSTS_EVERY_MS);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) loadHosts(); });
  // The inbox's "5m ago" ages without events.
  setInterval(() => { if (!document.hidden) drawInbox(); }, 30000);
}

start();
