// The gt dashboard: every control calls the HTTP API of this server, and the
// page follows the event stream, refreshing what an event touches. Text from
// the town is only ever set as textContent.
"use strict";

const BEAD_STATUSES = ["open", "in_progress", "in_review", "closed", "failed"];
const MAX_AGENTS = 200;
const MAX_FEED = 200;
const LOG_LINES = 5;

const state = { token: null, convoy: null, bead: null, agents: [], readOnly: false };

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

async function api(method, path, body) {
  const write = method !== "GET";
  const res = await fetch(path, {
    method,
    headers: headers(write),
    body: write ? JSON.stringify(body || {}) : undefined,
  });
  const doc = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (doc && doc.error) || { message: res.statusText };
    toast(e.message + (e.hint ? " — " + e.hint : ""), true);
    throw new Error(e.message);
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
  state.bead = b;
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
        onclick: () => act("DELETE", "/api/agents/" + encodeURIComponent(a.name) + "/hook", {}, a.name + " is unhooked") })))));
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
  const change = e.new_value !== null && typeof e.new_value !== "object" ? " → " + e.new_value : "";
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
function refreshSoon(e) {
  if (e.subject_id.startsWith("ag-") || AGENT_EVENTS.has(e.event_type)) agentsStale = true;
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    const agents = agentsStale;
    agentsStale = false;
    refresh(agents);
  }, 500);
}

async function refresh(agents = true) {
  const jobs = [loadConvoys(), loadEscalations()];
  if (agents) jobs.push(loadAgents());
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
          refreshSoon(e);
        }
      }
    } catch (_) { /* reconnects below */ }
    live.textContent = "reconnecting…";
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function wire() {
  const statusSelect = document.getElementById("bead-status");
  statusSelect.replaceChildren(...BEAD_STATUSES.map((s) => el("option", { value: s, text: s })));
  document.getElementById("all-convoys").addEventListener("change", loadConvoys);
  document.getElementById("drawer-close").addEventListener("click", () => {
    document.getElementById("drawer").hidden = true;
    state.bead = null;
  });
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
  await refresh();
  follow(recent.length ? recent[recent.length - 1].id : null);
  // A running agent's log grows without events: its tail is read again
  // every few seconds while the page is shown.
  setInterval(() => { if (!document.hidden) loadLogTails(); }, 3000);
}

start();
