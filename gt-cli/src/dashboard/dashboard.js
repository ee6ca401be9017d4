// The gt dashboard: every control calls the HTTP API of this server, and the
// page follows the event stream, refreshing what an event touches. Text from
// the town is only ever set as textContent. Where a person is lives in the
// URL's hash (#/convoy/ID, #/bead/ID, #/agent/NAME), so that reload, back
// and forward, and a link sent to a colleague all open the same view.
"use strict";

const BEAD_STATUSES = ["open", "in_progress", "in_review", "closed", "failed"];
// Big towns: agents and events are read from the server a page at a time,
// the next page after the last one read (agents) or before the oldest one
// (events).
const MAX_AGENTS = 200;
const MAX_FEED = 200;
// A bead's dependents shown in its drawer (they may be in any convoy).
const DEPENDENTS_SHOWN = 50;
const LOG_LINES = 5;
// Big towns: lists draw a page, and a "Show more" button draws the next.
const PAGE = { convoys: 40, beads: 100, agents: 24, feed: 40, escalations: 20, results: 8 };
// The inboxes of whoever watches this page and of the Mayor (SPEC §11).
const HUMAN = "human";
const MAYOR = "mayor";
// The person's inbox shows its newest this many, unread first; more unread
// than that shows as "100+".
const INBOX_LIMIT = 100;
// A host's supervisor beats its row every 5 s at most, writing no event: the
// panel is read again this often while the page is shown.
const HOSTS_EVERY_MS = 3000;
// The reassign dropdown's choice that asks for a new polecat.
const NEW_POLECAT = "+new";

const state = {
  token: null, readOnly: false,
  convoys: [], landed: [], escalations: [], agents: [],
  convoy: null, view: null, bead: null, agent: null,
  filter: "",
  shown: { convoys: PAGE.convoys, beads: PAGE.beads, agents: PAGE.agents, feed: PAGE.feed, escalations: PAGE.escalations },
  events: [],
  // How many agents the page holds (pages read so far), whether the town has
  // more, and then its counts by status; whether the feed holds the oldest
  // event.
  agentWindow: MAX_AGENTS, agentsMore: false, agentCounts: null, feedEnd: false,
  // The hosts that missed their beats (by the last read of the hosts).
  silentHosts: new Set(),
  inbox: [], mail: null,
  // An agent card's compose box outlives the card, which a redraw replaces,
  // so that what a person is typing survives an event.
  composes: new Map(),
};

const $ = (id) => document.getElementById(id);

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
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) node.append(c);
  }
  return node;
}

// ---- Words for people -------------------------------------------------

/// A hint that names a route, a JSON body, a command-line flag or an MCP
/// tool helps a program, not a person reading this page: those are
/// reworded when known, else left out.
const TECHNICAL = /(--[a-z]|\bgt_[a-z]|\/api\/|[{}[\]`]|\bgt [a-z]|\bGT_[A-Z]|\b(GET|POST|PATCH|DELETE) \/)/;
const REWORDED = [
  [/reassign|new polecat/i, "Pick an idle polecat in the Reassign list, or “a new polecat”."],
  [/force/i, "The dashboard asks before it does this; confirm to go ahead."],
  [/\/api\/agents/, "Check the name: the Agents panel lists every agent."],
  [/\/api\/convoys/, "Check the convoy: the Convoys list shows them all."],
  [/\/api\/beads/, "Check the bead: the filter box finds beads by title."],
];
function humanHint(hint) {
  if (!hint) return "";
  // The page asks for hints in words (X-GT-Words: plain); one about a
  // control of this page is said in the page's own words.
  const known = REWORDED.find(([re]) => re.test(hint));
  if (known) return known[1];
  return TECHNICAL.test(hint) ? "" : humanMessage(hint);
}

/// A message with the IDs the page knows named by title or name.
function humanMessage(text) {
  return String(text || "").replace(/\b(?:gt|cv|ag)-[a-z0-9]{4,}\b/g, (id) =>
    names.has(id) ? (kindOf(id) === "agent" ? names.get(id) : "“" + names.get(id) + "”") : id);
}

function human(word) {
  return word === null || word === undefined ? "none" : String(word).replace(/_/g, " ");
}

/// Where a toast goes: the open drawer's own note line (a drawer covers
/// the header on a phone), else the header's free space. Never over a
/// control.
function toastBox() {
  const open = [...document.querySelectorAll("aside.drawer")].find((d) => !d.hidden);
  return open ? open.querySelector(".drawer-note") : $("toasts");
}

/// A note that goes by itself; `undo` ({label, run}) adds a button that
/// takes the action back, and keeps the note up longer.
function toast(text, error, hint, undo) {
  const t = el("div", { class: error ? "toast error" : "toast" }, el("span", { text }),
    hint ? el("span", { class: "hint", text: hint }) : null);
  if (undo) {
    const b = el("button", { class: "undo", type: "button", text: undo.label });
    b.addEventListener("click", () => { t.remove(); undo.run(); });
    t.append(b);
  }
  const box = toastBox();
  box.append(t);
  while (box.children.length > 2) box.firstChild.remove();
  setTimeout(() => t.remove(), error ? 9000 : undo ? 12000 : 5000);
}

function headers(write) {
  const h = {};
  if (write) h["Content-Type"] = "application/json";
  // A refusal's hint in a person's words, not the API's.
  h["X-GT-Words"] = "plain";
  if (state.token) h["Authorization"] = "Bearer " + state.token;
  return h;
}

/// Calls the API; a refusal is shown as a toast unless `quiet` (a form shows
/// it itself), and thrown with its message and hint.
async function api(method, path, body, quiet) {
  const write = method !== "GET";
  const sent = Date.now();
  const res = await fetch(path, {
    method,
    headers: headers(write),
    body: write ? JSON.stringify(body || {}) : undefined,
  });
  learnClock(res, sent);
  const doc = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (doc && doc.error) || { message: res.statusText };
    const hint = humanHint(e.hint);
    const message = humanMessage(e.message);
    if (!quiet) toast(message, true, hint);
    throw Object.assign(new Error(message), { hint, code: e.code || "" });
  }
  return { doc, res };
}

// ---- Names instead of IDs -----------------------------------------------
// Every ID the page shows is drawn as its name (a bead's or convoy's title,
// an agent's name), learnt from what the page has read; an ID not known yet
// is looked up once, from its first event (which a deleted subject keeps).

const names = new Map();
const gone = new Set();
const asked = new Set();
const lookups = [];
let lookingUp = 0;

function kindOf(id) {
  const p = String(id).slice(0, 3);
  return { "gt-": "bead", "cv-": "convoy", "ag-": "agent", "es-": "escalation", "rg-": "rig", "hs-": "host" }[p] || null;
}

function learn(id, name) {
  if (!id || !name || names.get(id) === name) return;
  names.set(id, name);
  for (const n of document.querySelectorAll('[data-ref="' + CSS.escape(id) + '"]')) n.textContent = name;
}

function nameFromEvent(v) {
  if (!v || typeof v !== "object") return null;
  const text = v.title || v.name || v.message;
  return text ? String(text).slice(0, 80) : null;
}

function lookUp(id) {
  if (names.has(id) || asked.has(id) || !kindOf(id)) return;
  asked.add(id);
  lookups.push(id);
  pump();
}

function pump() {
  while (lookingUp < 3 && lookups.length) {
    const id = lookups.shift();
    lookingUp++;
    api("GET", "/api/events?subject=" + encodeURIComponent(id) + "&after=0&limit=1", null, true)
      .then(({ doc }) => {
        const first = doc[0];
        if (first && first.event_type === "created") learn(id, nameFromEvent(first.new_value));
      })
      .catch(() => {})
      .finally(() => { lookingUp--; pump(); });
  }
}

function nameOf(id) {
  return names.get(id) || id;
}

/// A link to what `id` names, drawn as its name. Agents may be named by
/// name already (hooks and assignees are names).
function ref(id, fallback) {
  if (id === null || id === undefined || id === "") return el("span", { class: "muted", text: "nothing" });
  id = String(id);
  const kind = kindOf(id) || (fallback === "agent" ? "agent" : null);
  if (typeof fallback === "string" && fallback !== "agent") learn(id, fallback);
  if (kindOf(id)) lookUp(id);
  const text = kindOf(id) ? nameOf(id) : id;
  const cls = "ref" + (/\s/.test(text) || text.length > 30 ? "" : " word");
  const href = { bead: "#/bead/", convoy: "#/convoy/", agent: "#/agent/" }[kind];
  const title = kindOf(id) ? id : null;
  if (!href || gone.has(id)) return el("span", { class: cls, "data-ref": kindOf(id) ? id : null, title, text });
  return el("a", { class: cls, href: href + encodeURIComponent(id), "data-ref": kindOf(id) ? id : null, title, text });
}

function agentRef(name) {
  return ref(name, "agent");
}

function status(text) {
  return el("span", { class: "status " + text, text: human(text) });
}

function idChip(id) {
  return el("span", { class: "id muted", text: id });
}

// The server's clock, as its answers' Date headers give it (to the second):
// ages are judged by it, as a host's `silent` is, and not by a browser whose
// clock is off. Under two seconds apart is the header's rounding, not skew.
let skew = 0;
function learnClock(res, sent) {
  const at = Date.parse(res.headers.get("Date") || "");
  if (Number.isNaN(at)) return;
  const off = at + 500 - (sent + Date.now()) / 2;
  skew = Math.abs(off) < 2000 ? 0 : off;
}

function now() {
  return Date.now() + skew;
}

function ago(t) {
  const s = Math.max(0, (now() - Date.parse(t)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return Math.floor(s / 60) + "m ago";
  if (s < 86400) return Math.floor(s / 3600) + "h ago";
  return Math.floor(s / 86400) + "d ago";
}

function since(t) {
  const s = Math.max(0, (now() - Date.parse(t)) / 1000);
  if (s < 60) return Math.floor(s) + "s";
  if (s < 3600) return Math.floor(s / 60) + "m";
  return Math.floor(s / 3600) + "h " + Math.floor((s % 3600) / 60) + "m";
}

function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many || one + "s");
}

/// A convoy's progress: closed beads in green, failed ones in red.
function progress(c) {
  const total = c.total_beads || 0;
  const pct = (n) => (total ? Math.round((100 * n) / total) : 0);
  const done = pct(c.closed_beads);
  const bar = el("div", { class: "bar", role: "progressbar", "aria-valuenow": String(done),
    "aria-valuemin": "0", "aria-valuemax": "100",
    "aria-label": "Progress of " + c.title, "aria-valuetext": progressText(c) });
  bar.append(el("span", { style: "width:" + done + "%" }));
  if (c.failed_beads) bar.append(el("span", { class: "failed", style: "width:" + pct(c.failed_beads) + "%" }));
  return bar;
}

function progressText(c) {
  return c.closed_beads + "/" + c.total_beads + " done" + (c.failed_beads ? " · " + c.failed_beads + " failed" : "");
}

/// A page of `items` drawn by `draw`, and a "Show more" button for the rest.
/// With `next` (`{ text, load, redraw? }`), the server holds more than
/// `items`: once all of them are shown, the button reads the next page with
/// `load`, then draws with `redraw` (where `draw` holds the old items).
function paged(more, items, key, draw, noun, next) {
  const shown = items.slice(0, state.shown[key]);
  const rest = items.length - shown.length;
  let button = "";
  if (rest > 0) {
    button = el("button", { type: "button", class: "more",
      text: "Show " + Math.min(rest, PAGE[key]) + " more " + noun + " (" + rest + " not shown)",
      onclick: () => { state.shown[key] += PAGE[key]; draw(); } });
  } else if (next) {
    button = el("button", { type: "button", class: "more", text: next.text,
      onclick: async (ev) => {
        ev.currentTarget.disabled = true;
        try {
          await next.load();
          state.shown[key] += PAGE[key];
        } catch (_) { /* shown already */ }
        (next.redraw || draw)();
      } });
  }
  more.replaceChildren(button);
  return shown;
}

/// Keeps the keyboard on the same item (by `attr`) across a redraw of `box`.
function keepRow(box, attr, redraw) {
  const f = document.activeElement;
  const key = f && box.contains(f) && f.closest("[" + attr + "]") ? f.closest("[" + attr + "]").getAttribute(attr) : null;
  redraw();
  if (key === null || box.contains(document.activeElement)) return;
  const again = box.querySelector("[" + attr + '="' + CSS.escape(key) + '"]');
  if (again) again.focus({ preventScroll: true });
}

// ---- Navigation ---------------------------------------------------------

function where() {
  const m = location.hash.match(/^#\/(convoy|bead|agent)\/([^/?#&]+)/);
  return m ? { kind: m[1], id: decodeURIComponent(m[2]) } : { kind: "town", id: null };
}

function go(hash) {
  if (location.hash !== hash) location.hash = hash;
  else route();
}

/// Where a closed drawer leads: the convoy under it, else the town.
function back() {
  go(state.convoy ? "#/convoy/" + encodeURIComponent(state.convoy) : "#/");
}

let routeSeq = 0;
async function route() {
  const seq = ++routeSeq;
  const to = where();
  if (to.kind !== "bead") hideBead();
  if (to.kind !== "agent") hideAgent();
  if (to.kind === "town") {
    showTown();
  } else if (to.kind === "convoy") {
    closeMail();
    // Back from a bead's drawer, the keyboard goes back to its row.
    const from = state.returnTo;
    state.returnTo = null;
    await showConvoy(to.id, !from);
    if (from) firstRow(from);
  } else if (to.kind === "bead") {
    const b = await openBead(to.id, true);
    if (seq !== routeSeq) return;
    if (b && b.convoy_id && state.convoy !== b.convoy_id) await showConvoy(b.convoy_id, false);
    else if (b && !b.convoy_id && !state.convoy) showTown();
  } else if (to.kind === "agent") {
    await openAgent(to.id, true);
    if (seq === routeSeq && !state.convoy) showTown();
  }
  markCurrent();
}

function markCurrent() {
  for (const a of document.querySelectorAll("#convoys [data-convoy]")) {
    a.setAttribute("aria-current", a.getAttribute("data-convoy") === state.convoy ? "page" : "false");
  }
}

// ---- Convoys ------------------------------------------------------------

async function loadConvoys() {
  const all = $("all-convoys").checked;
  const [{ doc }, landed] = await Promise.all([
    api("GET", "/api/convoys" + (all ? "?all" : "")),
    api("GET", "/api/convoys?status=landed", null, true).catch(() => ({ doc: [] })),
  ]);
  for (const c of doc) learn(c.id, c.title);
  // Needs attention first, then the newest.
  state.convoys = doc.slice().sort((a, b) => Number(b.needs_attention) - Number(a.needs_attention)
    || (Number(a.status !== "active") - Number(b.status !== "active"))
    || String(b.created_at).localeCompare(String(a.created_at)));
  state.landed = landed.doc.slice().sort((a, b) => String(b.landed_at).localeCompare(String(a.landed_at)));
  for (const c of state.landed.slice(0, 5)) learn(c.id, c.title);
  drawConvoys();
}

function matches(...texts) {
  const q = state.filter;
  return !q || texts.some((t) => t && String(t).toLowerCase().includes(q));
}

function drawConvoys() {
  const list = $("convoys");
  const draw = () => keepRow(list, "data-convoy", () => {
    const items = state.convoys.filter((c) => matches(c.title, c.id, c.rig));
    const shown = paged($("convoys-more"), items, "convoys", draw, "convoys");
    list.replaceChildren(...shown.map(convoyRow));
    if (!items.length) {
      list.append(el("li", { class: "muted", text: state.filter ? "No convoy matches “" + state.filter + "”." : "No convoys." }));
    }
    markCurrent();
  });
  draw();
}

function convoyRow(c) {
  return el("li", {},
    el("a", { class: "row", href: "#/convoy/" + encodeURIComponent(c.id), "data-convoy": c.id, "data-nav-item": "" },
      c.needs_attention ? el("span", { class: "attention", text: "!", title: "needs attention" }) : null,
      c.needs_attention ? el("span", { class: "sr-only", text: "needs attention:" }) : null,
      el("span", { class: "grow" },
        el("span", { class: "title", text: c.title }),
        el("span", { class: "count-text", text: progressText(c) + " · " + c.rig }),
        progress(c)),
      status(c.status)));
}

/// Beads in dependency waves: a bead's wave is one past its latest blocker's.
function waves(view) {
  const ids = new Set(view.beads.map((b) => b.id));
  const deps = new Map(view.beads.map((b) => [b.id, []]));
  for (const e of view.dependency_edges) {
    if (ids.has(e.depends_on_bead_id) && deps.has(e.bead_id)) deps.get(e.bead_id).push(e.depends_on_bead_id);
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
  return view.beads.map((b) => [depth(b.id), b]);
}

// What convoy status says needs attention, in words.
function reasonText(a) {
  switch (a.reason) {
    case "bead_failed": return " failed";
    case "agent_dead": return " is held by " + (a.agent || "a polecat") + ", who is dead";
    case "agent_stalled": return ": " + (a.agent || "its polecat") + " stalled (patrol is on it)";
    case "unassigned_open": return " has no polecat, and nothing will pick it up";
    default: return ": " + human(a.reason);
  }
}

// A bead's polecat, marked when it is in trouble; else why an open bead waits.
function assigneeText(b) {
  const trouble = b.agent_status === "dead" || b.agent_status === "stalled";
  if (b.assignee) {
    return el("span", { class: trouble ? "attention" : "muted",
      text: b.assignee + (trouble ? " (" + b.agent_status + ")" : "") });
  }
  return el("span", { class: "muted", text: b.state && b.state !== "blocked" ? human(b.state) : "" });
}

async function showConvoy(id, focus) {
  let v;
  try {
    ({ doc: v } = await api("GET", "/api/convoys/" + encodeURIComponent(id)));
  } catch (_) {
    if (state.convoy === id) state.convoy = null;
    return;
  }
  // The person went elsewhere while this was read.
  const now = where();
  if (now.kind === "town" || (now.kind === "convoy" && now.id !== id && now.id !== v.id)) return;
  const other = state.convoy !== v.id;
  state.convoy = v.id;
  state.view = v;
  if (other) state.shown.beads = PAGE.beads;
  $("town-panel").hidden = true;
  $("convoy-panel").hidden = false;
  drawConvoy();
  markCurrent();
  if (focus) $("convoy-title").focus({ preventScroll: false });
}

function drawConvoy() {
  const v = state.view;
  learn(v.id, v.title);
  for (const b of v.beads) learn(b.id, b.title);
  $("convoy-title").textContent = v.title;
  $("convoy-progress").replaceChildren(progress(v));
  $("convoy-summary").replaceChildren(
    status(v.status), " " + progressText(v) + " · rig " + v.rig + " · " + v.merge_mode +
    (v.feature_branch ? " · branch " + v.feature_branch : "") +
    (v.max_polecats ? " · at most " + v.max_polecats + " polecats" : "") + " · ", idChip(v.id));
  $("convoy-attention").replaceChildren(...(v.attention || []).map((a) => el("li", {},
    el("span", { class: "attention", text: "! " }), ref(a.bead), el("span", { text: reasonText(a) }))));
  // Only an active convoy can be closed.
  $("force-close-controls").hidden = v.status !== "active";
  if (document.activeElement !== $("merge-mode")) $("merge-mode").value = v.merge_mode;
  if (document.activeElement !== $("feature-branch")) $("feature-branch").value = v.feature_branch || "";
  const box = $("waves");
  const titles = new Map(v.beads.map((b) => [b.id, b.title]));
  const draw = () => keepRow(box, "data-bead", () => {
    // The filter picks beads of the convoy, unless it is what picked the convoy.
    const mine = !state.filter || matches(v.title, v.id);
    const all = waves(v).filter(([, b]) => mine || matches(b.title, b.id, b.assignee, b.status));
    all.sort((x, y) => x[0] - y[0]);
    const shown = paged($("waves-more"), all, "beads", draw, "beads");
    const groups = [];
    for (const [w, b] of shown) {
      if (!groups.length || groups[groups.length - 1].w !== w) groups.push({ w, beads: [] });
      groups[groups.length - 1].beads.push(b);
    }
    box.replaceChildren(...groups.map((g) => el("div", { class: "wave" },
      el("h3", { text: "Wave " + (g.w + 1) }),
      el("ul", { class: "list" }, ...g.beads.map((b) => el("li", {},
        el("a", { class: "row", href: "#/bead/" + encodeURIComponent(b.id), "data-bead": b.id, "data-nav-item": "" },
          el("span", { class: "grow" },
            el("span", { class: "title", text: b.title }),
            b.blocked_by.length ? el("span", { class: "waits",
              text: "waits for " + b.blocked_by.map((x) => titles.get(x) || nameOf(x)).join(", ") }) : null),
          assigneeText(b),
          status(b.status))))))));
    if (!all.length) {
      box.append(el("p", { class: "muted", text: !mine ? "No bead of this convoy matches “" + state.filter + "”." : "No beads." }));
    }
  });
  draw();
}

function showTown() {
  state.convoy = null;
  state.view = null;
  $("convoy-panel").hidden = true;
  $("town-panel").hidden = false;
  drawTown();
  markCurrent();
}

// ---- The town at a glance ------------------------------------------------

const attentionOf = new Map(); // convoy id -> its attention list, for the town view
let townSeq = 0;
let attentionRead = { at: 0, ids: "" };
let attentionLater = null;

/// Why the first few stuck convoys are stuck: each is read whole, so not
/// more often than every few seconds unless which convoys are stuck changed.
async function loadAttention() {
  const stuck = state.convoys.filter((c) => c.needs_attention && c.status === "active").slice(0, 3);
  const ids = stuck.map((c) => c.id).join(" ");
  const wait = 3000 - (Date.now() - attentionRead.at);
  if (ids === attentionRead.ids && wait > 0) {
    // Read once more when the pause ends, so the last change shows.
    if (!attentionLater) {
      attentionLater = setTimeout(() => {
        attentionLater = null;
        if (!$("town-panel").hidden) loadAttention().catch(() => {});
      }, wait);
    }
    return;
  }
  attentionRead = { at: Date.now(), ids };
  const seq = ++townSeq;
  const views = await Promise.all(stuck.map((c) =>
    api("GET", "/api/convoys/" + encodeURIComponent(c.id), null, true).then((r) => r.doc).catch(() => null)));
  if (seq !== townSeq) return;
  attentionOf.clear();
  for (const v of views.filter(Boolean)) {
    for (const b of v.beads) learn(b.id, b.title);
    attentionOf.set(v.id, v.attention || []);
  }
  drawTown();
}

function tile(n, label, alert) {
  return el("div", { class: "tile" + (alert && n ? " alert" : "") },
    el("span", { class: "n", text: String(n) }), el("span", { class: "l", text: label }));
}

function drawTown() {
  if ($("town-panel").hidden) return;
  const active = state.convoys.filter((c) => c.status === "active");
  const stuck = active.filter((c) => c.needs_attention);
  const calm = active.filter((c) => !c.needs_attention);
  const busy = state.agents.filter((a) => a.status === "working" || a.status === "stalled");
  const idle = state.agents.filter((a) => a.status === "idle" && a.role === "polecat" && !a.hook);
  const dead = state.agents.filter((a) => a.status === "dead");
  // Past the agents the page holds, the town's own counts: never a first
  // page's numbers as the town's.
  const n = state.agentCounts;
  const busyCount = n ? n.working + n.stalled : busy.length;
  const deadCount = n ? n.dead : dead.length;
  const openEsc = state.escalations.filter((e) => e.status === "open");
  const box = $("town-body");
  const convoyLine = (c) => el("li", {},
    el("a", { class: "row", href: "#/convoy/" + encodeURIComponent(c.id), "data-nav-item": "", "data-town-convoy": c.id },
      c.needs_attention ? el("span", { class: "attention", text: "!" }) : null,
      el("span", { class: "grow" },
        el("span", { class: "title", text: c.title }),
        el("span", { class: "count-text", text: progressText(c) + " · " + c.rig }),
        progress(c),
        ...(attentionOf.get(c.id) || []).slice(0, 3).map((a) => el("span", { class: "waits attention-why" },
          nameOf(a.bead) + reasonText(a)))),
      status(c.status)));
  const byRig = new Map();
  for (const a of idle) byRig.set(a.rig, [...(byRig.get(a.rig) || []), a]);
  keepRow(box, "data-town-convoy", () => box.replaceChildren(el("div", { class: "glance", "data-nav": "" },
    el("div", { class: "tiles" },
      tile(active.length, "active convoys"),
      tile(stuck.length, "need attention", true),
      tile(busyCount, "agents at work"),
      n ? tile(n.idle, "idle agents") : tile(idle.length, "idle polecats"),
      tile(openEsc.length, "open escalations", true)),
    stuck.length ? [el("h3", { text: "Needs attention" }), el("ul", { class: "list" }, ...stuck.map(convoyLine))] : null,
    el("h3", { text: "Under way" }),
    calm.length ? el("ul", { class: "list" }, ...calm.slice(0, 8).map(convoyLine))
      : el("p", { class: "muted", text: active.length ? "Every active convoy needs attention." : "No convoy is under way." }),
    calm.length > 8 ? el("p", { class: "muted", text: (calm.length - 8) + " more in the Convoys list." }) : null,
    el("h3", { text: "At work" }),
    busy.length ? el("ul", { class: "list" }, ...busy.slice(0, 10).map((a) => el("li", {},
      agentRef(a.name), " ", status(a.status), " on ", a.hook ? ref(a.hook) : el("span", { class: "muted", text: "nothing" }))))
      : busyCount ? null : el("p", { class: "muted", text: "No agent is at work." }),
    busyCount > Math.min(busy.length, 10) ? el("p", { class: "muted", text: busyCount - Math.min(busy.length, 10) +
      (busy.length ? " more" : " at work") + (busyCount > busy.length ? "; the Agents panel reads them." : " in the Agents panel.") }) : null,
    el("h3", { text: "Idle polecats" }),
    idle.length ? el("ul", { class: "people" }, ...[...byRig].map(([rig, list]) => el("li", {},
      el("span", { class: "muted", text: rig + ": " }), ...list.slice(0, 12).flatMap((a, i) => [i ? ", " : "", agentRef(a.name)]),
      list.length > 12 ? " and " + (list.length - 12) + " more" : "")))
      : el("p", { class: "muted", text: state.agentsMore ? "None among the first " + state.agents.length + " agents."
        : "None: new work gets a new polecat." }),
    idle.length && state.agentsMore ? el("p", { class: "muted", text: "Of the first " + state.agents.length +
      " agents; the Agents panel reads more." }) : null,
    deadCount ? el("p", { class: "attention", text: plural(deadCount, "agent") + " dead" + (dead.length ? ": " +
      dead.slice(0, 6).map((a) => a.name).join(", ") + (deadCount > Math.min(dead.length, 6) ? "…" : "") : "") }) : null,
    el("h3", { text: "Open escalations" }),
    openEsc.length ? el("ul", { class: "list" }, ...openEsc.slice(0, 5).map((e) => el("li", {},
      status(e.severity), " ", el("span", { text: e.message }),
      e.bead ? [el("span", { class: "muted", text: " · about " }), ref(e.bead)] : null)))
      : el("p", { class: "muted", text: "Nothing needs a human." }),
    el("h3", { text: "Recently landed" }),
    state.landed.length ? el("ul", { class: "list" }, ...state.landed.slice(0, 5).map((c) => el("li", {},
      ref(c.id, c.title), el("span", { class: "muted", text: " · " + plural(c.total_beads, "bead") + " · landed " + ago(c.landed_at) }))))
      : el("p", { class: "muted", text: "No convoy has landed yet." }))));
}

// ---- The bead drawer ----------------------------------------------------

let beadSeq = 0;

/// Sets a field unless the person is typing in it.
function setField(id, value) {
  const f = $(id);
  if (document.activeElement !== f) f.value = value;
}

async function openBead(id, focus) {
  const seq = ++beadSeq;
  // Another bead's dependents are not this one's: unknown until read.
  if (!state.bead || state.bead.id !== id) state.dependents = null;
  let b;
  try {
    ({ doc: b } = await api("GET", "/api/beads/" + encodeURIComponent(id)));
  } catch (_) {
    if (focus || (state.bead && state.bead.id === id)) {
      hideBead();
      if (where().kind === "bead") back();
    }
    return null;
  }
  if (seq !== beadSeq) return b;
  const other = !state.bead || state.bead.id !== b.id;
  state.bead = b;
  learn(b.id, b.title);
  closeMail();
  hideAgent();
  beadCompose.show(b, other);
  $("drawer").hidden = false;
  $("drawer-title").textContent = b.title;
  $("drawer-meta").replaceChildren(status(b.status), " ",
    b.assignee ? el("span", {}, "on ", agentRef(b.assignee), "’s hook") : "on no hook",
    " · rig " + b.rig + " · " + b.priority + " priority · ", idChip(b.id));
  if (other) {
    for (const f of ["bead-title", "bead-body", "bead-labels"]) $(f).value = "";
  }
  setField("bead-status", b.status);
  setField("bead-title", b.title);
  setField("bead-body", b.body || "");
  setField("bead-priority", b.priority);
  setField("bead-labels", b.labels.join(", "));
  $("unhook-bead").disabled = !b.assignee;
  if (focus) $("drawer-title").focus();
  await Promise.allSettled([reassignOptions(b, other), beadLinks(b), history($("bead-history"), b.id)]);
  return b;
}

/// Who can take the bead: idle polecats of its rig first, then a new one.
/// Never a dead agent, nor another rig's.
async function reassignOptions(b, other) {
  const sel = $("reassign-to");
  let idle = [];
  try {
    ({ doc: idle } = await api("GET", "/api/agents?rig=" + encodeURIComponent(b.rig) + "&free=true&limit=50", null, true));
  } catch (_) { /* a new polecat is still offered */ }
  if (!state.bead || state.bead.id !== b.id) return;
  idle = idle.filter((a) => a.name !== b.assignee && a.status === "idle" && a.rig === b.rig);
  const keep = sel.value;
  sel.replaceChildren(
    ...idle.map((a) => el("option", { value: a.name, text: a.name + " (idle)" })),
    el("option", { value: NEW_POLECAT, text: "a new polecat in " + b.rig }));
  if (!other && [...sel.options].some((o) => o.value === keep)) sel.value = keep;
}

/// The bead's convoy, the beads it waits for and the ones waiting for it,
/// in whatever convoy they are.
async function beadLinks(b) {
  let view = state.view && state.view.id === b.convoy_id ? state.view : null;
  const [convoy, waiting] = await Promise.all([
    b.convoy_id && !view ? api("GET", "/api/convoys/" + encodeURIComponent(b.convoy_id), null, true)
      .then((r) => r.doc).catch(() => null) : view,
    api("GET", "/api/beads?depends_on=" + encodeURIComponent(b.id) + "&limit=" + (DEPENDENTS_SHOWN + 1), null, true)
      .then((r) => r.doc).catch(() => null),
  ]);
  view = convoy;
  const statusOf = new Map(view ? view.beads.map((x) => [x.id, x.status]) : []);
  if (view) for (const x of view.beads) learn(x.id, x.title);
  // Blockers of other convoys: read one by one (a bead waits for few).
  const elsewhere = b.depends_on.filter((id) => !statusOf.has(id)).slice(0, DEPENDENTS_SHOWN);
  const others = await Promise.all(elsewhere.map((id) => api("GET", "/api/beads/" + encodeURIComponent(id), null, true)
    .then((r) => r.doc).catch(() => null)));
  if (!state.bead || state.bead.id !== b.id) return;
  for (const x of [...others, ...(waiting || [])]) {
    if (!x) continue;
    statusOf.set(x.id, x.status);
    learn(x.id, x.title);
  }
  const dependents = waiting ? waiting.slice(0, DEPENDENTS_SHOWN).map((x) => x.id) : [];
  state.dependents = waiting ? dependents : null;
  state.dependentsCut = !!waiting && waiting.length > DEPENDENTS_SHOWN;
  const line = (label, ids, more) => el("div", {}, el("span", { class: "muted", text: label + ": " }),
    ids.length ? el("ul", {}, ...ids.map((id) => el("li", {}, ref(id),
      statusOf.has(id) ? [" ", status(statusOf.get(id))] : null)),
      more ? el("li", { class: "muted", text: more }) : null)
      : el("span", { class: "muted", text: more || "none" }));
  $("bead-links").replaceChildren(
    b.convoy_id ? el("div", {}, el("span", { class: "muted", text: "Convoy: " }), ref(b.convoy_id)) : el("div", { class: "muted", text: "In no convoy" }),
    line("Waits for", b.depends_on),
    line("Blocks", dependents, !waiting ? "could not be read" :
      waiting.length > DEPENDENTS_SHOWN ? "and more (the first " + DEPENDENTS_SHOWN + " are shown)" : null));
}

/// The latest events of one subject (and, for an agent, what it did
/// itself), newest first.
async function history(box, subject, actor) {
  const read = (filter, who) => api("GET", "/api/events?" + filter + "=" + encodeURIComponent(who) + "&limit=30", null, true)
    .then((r) => r.doc);
  let lists;
  try {
    lists = await Promise.all([read("subject", subject), ...(actor ? [read("actor", actor)] : [])]);
  } catch (_) {
    return;
  }
  const byId = new Map(lists.flat().map((e) => [e.id, e]));
  const doc = [...byId.values()].sort((a, b) => b.id - a.id).slice(0, 30);
  box.replaceChildren(...doc.map((e) => feedLine(e)));
  if (!doc.length) box.append(el("li", { class: "muted", text: "Nothing yet." }));
}

function hideBead() {
  $("drawer").hidden = true;
  state.bead = null;
  beadSeq++;
}

// ---- Agents -------------------------------------------------------------

// Reads of the agents: a read answered after a newer one started is dropped,
// and one answered after the page read a further page is made again.
let agentsSeq = 0;
let readingMore = null;

async function loadAgents() {
  // Never the whole crowd of a big town: the pages read so far, and one
  // more agent to know whether there are others; a town that was big is
  // read with its counts at once.
  const seq = ++agentsSeq;
  const win = state.agentWindow;
  const counting = state.agentsMore ? agentCounts() : null;
  const { doc } = await api("GET", "/api/agents?limit=" + (win + 1));
  const counts = doc.length > win ? await (counting || agentCounts()) : null;
  if (seq !== agentsSeq) return;
  if (win !== state.agentWindow) return loadAgents();
  state.agentsMore = doc.length > win;
  state.agents = doc.slice(0, win);
  state.agentCounts = counts;
  for (const a of state.agents) learn(a.id, a.name);
  drawAgents();
  drawTown();
  document.getElementById("mail-to-list").replaceChildren(
    ...[MAYOR, ...state.agents.slice(0, MAX_AGENTS).map((a) => a.name)].map((n) => el("option", { value: n })));
  await loadLogTails();
}

/// The town's agents by status, when the page holds only some of them.
async function agentCounts() {
  try {
    return (await api("GET", "/api/status?events=0", null, true)).doc.agents;
  } catch (_) {
    return null;
  }
}

/// The next page of agents, after the last one the page holds: one read
/// at a time, however often the button is pressed.
function moreAgents() {
  readingMore = readingMore || (async () => {
    const last = state.agents[state.agents.length - 1];
    if (!last) return;
    const { doc } = await api("GET", "/api/agents?limit=" + (MAX_AGENTS + 1) + "&after=" + encodeURIComponent(last.id));
    // A read of the first pages may have landed meanwhile: each agent once.
    const have = new Set(state.agents.map((a) => a.id));
    state.agentWindow = state.agents.length + MAX_AGENTS;
    state.agentsMore = doc.length > MAX_AGENTS;
    if (!state.agentsMore) state.agentCounts = null;
    for (const a of doc.slice(0, MAX_AGENTS)) {
      learn(a.id, a.name);
      if (!have.has(a.id)) state.agents.push(a);
    }
  })().finally(() => { readingMore = null; });
  return readingMore;
}

// Agents in trouble first, then at work, then idle.
const AGENT_ORDER = { dead: 0, stalled: 1, working: 2, idle: 3 };

function drawAgents() {
  const box = $("agents");
  const all = state.agents;
  const sorted = all.slice().sort((a, b) => (AGENT_ORDER[a.status] ?? 4) - (AGENT_ORDER[b.status] ?? 4));
  // The town's counts when the page holds only its first agents.
  const town = state.agentCounts;
  const counts = ["working", "stalled", "idle", "dead"]
    .map((s) => [s, town ? town[s] : all.filter((a) => a.status === s).length])
    .filter(([, n]) => n);
  const total = town ? town.idle + town.working + town.stalled + town.dead : null;
  $("agents-summary").replaceChildren(...counts.flatMap(([s, n], i) => [i ? " · " : "",
    el("span", { class: s === "dead" || s === "stalled" ? "attention" : null, text: n + " " + s })]),
    !state.agentsMore ? "" : total ? " · the first " + all.length + " of " + total + " listed"
      : " among the first " + all.length);
  const draw = () => {
    const focused = keepFocus();
    keepRow(box, "data-key", () => {
      const shown = paged($("agents-more"), sorted, "agents", draw, "agents",
        state.agentsMore ? { text: "Read the next " + MAX_AGENTS + " agents", load: moreAgents,
          redraw: () => { drawAgents(); drawTown(); } } : null);
      box.replaceChildren(...shown.map(agentCard));
      for (const name of state.composes.keys()) {
        if (!shown.some((a) => a.name === name)) state.composes.delete(name);
      }
    });
    focused.restore();
  };
  draw();
}

function agentCard(a) {
  return el("div", { class: "card", "data-agent": a.name },
    el("div", {}, el("a", { class: "name", href: "#/agent/" + encodeURIComponent(a.name), "data-key": "name:" + a.name,
      "data-nav-item": "", text: a.name }), " ", status(a.status)),
    el("div", { class: "line muted", text: (a.role !== "polecat" ? a.role + " · " : "") + "rig " + (a.rig || "none") +
      " · active " + ago(a.last_activity_at) }),
    el("div", { class: "line" }, a.hook ? ["on ", ref(a.hook)] : el("span", { class: "muted", text: "no hook" })),
    a.host ? el("div", { class: "line muted", "data-running": a.name },
      "running on " + a.host + " for " + since(a.run_started_at) + ", attempt " + a.attempt,
      state.silentHosts.has(a.host) ? el("span", { class: "attention", text: " · " + a.host + " is silent" }) : null) : "",
    a.host ? el("pre", { class: "log", "data-log": a.name, tabindex: "0", role: "region", "aria-label": "Last lines of " + a.name + "'s log" }) : "",
    el("div", { class: "actions writes" },
      el("button", { type: "button", "data-key": "reset:" + a.name, "aria-label": "Reset to idle: " + a.name,
        text: "Reset to idle", onclick: () => resetAgent(a) }),
      el("button", { type: "button", "data-key": "unhook:" + a.name, "aria-label": "Unhook " + a.name, text: "Unhook",
        disabled: a.hook ? null : "disabled", onclick: () => unhookAgent(a) })),
    cardCompose(a.name));
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

let agentSeq = 0;
async function openAgent(id, focus) {
  const seq = ++agentSeq;
  let a;
  try {
    ({ doc: a } = await api("GET", "/api/agents/" + encodeURIComponent(id)));
  } catch (_) {
    if (focus) back();
    return null;
  }
  if (seq !== agentSeq) return a;
  state.agent = a;
  learn(a.id, a.name);
  closeMail();
  hideBead();
  $("agent-drawer").hidden = false;
  $("agent-title").textContent = a.name;
  $("agent-meta").replaceChildren(status(a.status), " " + a.role + " · rig " + (a.rig || "none") +
    " · active " + ago(a.last_activity_at) + (a.pid ? " · process " + a.pid : "") +
    (a.host ? " · running on " + a.host : "") + " · ", idChip(a.id));
  $("agent-hook").replaceChildren(...(a.hook ? ["On its hook: ", ref(a.hook)] : [el("span", { class: "muted", text: "Nothing on its hook." })]));
  $("agent-unhook").disabled = !a.hook;
  if (focus) $("agent-title").focus();
  await history($("agent-history"), a.name, a.name);
  return a;
}

function hideAgent() {
  $("agent-drawer").hidden = true;
  state.agent = null;
  agentSeq++;
}

// ---- Confirmations --------------------------------------------------------

/// Asks before a change that is hard to take back, naming what it does.
/// Resolves true only on the confirm button; Esc and Cancel change nothing.
function confirmAction(title, text, ok) {
  const d = $("confirm");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = ok;
  d.returnValue = "";
  return new Promise((resolve) => {
    d.addEventListener("close", () => resolve(d.returnValue === "ok"), { once: true });
    d.showModal();
    $("confirm-cancel").focus();
  });
}

/// A bead's title, read if the page has not seen it yet.
async function titleOf(id) {
  if (!names.has(id)) {
    try {
      const { doc } = await api("GET", "/api/beads/" + encodeURIComponent(id), null, true);
      learn(id, doc.title);
    } catch (_) { /* the ID will do */ }
  }
  return nameOf(id);
}

async function resetAgent(a) {
  const hook = a.hook;
  const title = hook ? await titleOf(hook) : null;
  const text = hook
    ? a.name + " is " + human(a.status) + " on “" + title + "” (" + hook + "); reset puts the bead back to open, on no hook, and " + a.name + " idle."
    : a.name + " is " + human(a.status) + " with nothing on its hook; reset marks " + a.name + " idle.";
  if (!(await confirmAction("Reset " + a.name + " to idle?", text, "Reset to idle"))) return;
  await act("POST", "/api/agents/" + encodeURIComponent(a.name) + "/reset", {},
    a.name + " is idle" + (hook ? "; “" + title + "” is open again" : ""));
}

async function unhookAgent(a) {
  if (!a.hook) return;
  const title = await titleOf(a.hook);
  const text = a.name + " is " + human(a.status) + " on “" + title + "” (" + a.hook + "); unhooking puts the bead back to open with no polecat, and " + a.name + " idle.";
  if (!(await confirmAction("Unhook " + a.name + "?", text, "Unhook"))) return;
  await act("DELETE", "/api/agents/" + encodeURIComponent(a.name) + "/hook", {},
    "“" + title + "” is off " + a.name + "’s hook");
}

// ---- Escalations and the feed ------------------------------------------------

async function loadEscalations() {
  const { doc } = await api("GET", "/api/escalations");
  state.escalations = doc;
  for (const e of doc) learn(e.id, e.message);
  drawEscalations();
}

function drawEscalations() {
  const doc = state.escalations;
  const list = $("escalations");
  keepRow(list, "data-key", () => {
    const shown = paged($("escalations-more"), doc, "escalations", drawEscalations, "escalations");
    list.replaceChildren(...shown.map((e) => el("li", { "data-escalation": e.id },
      el("div", {}, status(e.severity), " ", el("span", { text: humanMessage(e.message) })),
      el("div", { class: "muted" }, human(e.category), e.agent ? [" · ", agentRef(e.agent)] : null,
        e.bead ? [" · about ", ref(e.bead)] : null, " · " + e.status + " · raised " + ago(e.created_at)),
      el("div", { class: "controls writes" },
        e.status === "open" ? el("button", { type: "button", "data-key": "ack:" + e.id, "aria-label": "Acknowledge", text: "Acknowledge",
          onclick: () => act("POST", "/api/escalations/" + e.id + "/ack", {}, "Acknowledged") }) : "",
        el("button", { type: "button", "data-key": "resolve:" + e.id, "aria-label": "Resolve", text: "Resolve",
          onclick: () => act("POST", "/api/escalations/" + e.id + "/resolve", {}, "Resolved") })))));
    if (!doc.length) list.append(el("li", { class: "muted", text: "Nothing needs a human." }));
  });
}

function possessive(id, fallback) {
  return [ref(id, fallback), "’s"];
}

function value(v) {
  if (v === null || v === undefined || v === "") return "none";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "none";
  if (typeof v === "object") return "…";
  return human(v);
}

/// What an event changed, in words, naming what it concerns.
function describe(e) {
  const s = e.subject_id;
  const nv = e.new_value;
  const ov = e.old_value;
  const m = e.metadata || {};
  const kind = kindOf(s);
  switch (e.event_type) {
    case "created": {
      learn(s, nameFromEvent(nv));
      if (kind === "bead") return ["created ", ref(s)];
      if (kind === "agent") return ["added " + ((nv && nv.role) || "agent") + " ", ref(s), nv && nv.rig ? " in " + nv.rig : ""];
      if (kind === "convoy") return ["started convoy ", ref(s), nv && nv.beads !== undefined ? " (" + plural(nv.beads, "bead") + ")" : ""];
      if (kind === "rig") return ["added rig " + ((nv && nv.name) || s)];
      if (kind === "escalation") return ["raised an escalation: " + ((nv && nv.message) || "")];
      if (kind === "host") return ["started host " + ((nv && nv.name) || s)];
      return ["created ", ref(s)];
    }
    case "status_changed": return [...possessive(s), " status: " + human(ov) + " → " + human(nv)];
    case "updated": {
      const f = m.field;
      if (f === "title" || f === "name") learn(s, nv);
      if (f === "convoy_id") return nv ? ["moved ", ref(s), " into ", ref(nv)] : ["took ", ref(s), " out of ", ref(ov)];
      if (f === "body") return ["edited ", ...possessive(s), " description"];
      if (f === "metadata") return ["edited ", ...possessive(s), " metadata"];
      if (f === "pid") return [...possessive(s), " process: " + value(nv)];
      return [...possessive(s), " " + human(f || "value") + ": " + value(ov) + " → " + value(nv)];
    }
    case "hooked": return ["put ", ref(s), " on ", agentRef(nv), "’s hook"];
    case "unhooked": return ["took ", ref(s), " off ", agentRef(ov || m.agent), "’s hook"];
    case "dispatched": return [agentRef(m.agent), " started on ", ref(s)];
    case "dispatch_failed": return ["dispatching ", ref(s), " failed" + (m.error ? ": " + m.error : "")];
    case "convoy_landed": return ["convoy ", ref(s), " landed"];
    case "convoy_reopened": return ["convoy ", ref(s), " reopened"];
    case "convoy_closed": return [nv === "failed" ? "force-failed convoy " : "force-closed convoy ", ref(s),
      m.reason ? " (" + m.reason + ")" : ""];
    case "bead_added": return ["added ", ref(nv), " to ", ref(s)];
    case "bead_removed": return ["removed ", ref(ov), " from ", ref(s)];
    case "dependency_added": return [ref(s), " now waits for ", ref(nv)];
    case "dependency_removed": return [ref(s), " no longer waits for ", ref(ov)];
    case "agent_reset": return ["reset ", ref(s), " to idle", m.released_bead ? [", freeing ", ref(m.released_bead)] : ""];
    case "acknowledged": return ["acknowledged “", ref(s), "”"];
    case "resolved": return ["resolved “", ref(s), "”"];
    case "re_escalated": return ["raised “", ref(s), "” again"];
    case "repaired": return ["repaired ", ref(s), m.kind ? " (" + human(m.kind) + ")" : ""];
    case "released": return ["released ", ref(s), " from a lost polecat; it is open again"];
    case "recovered": return [ref(s), " is back at work"];
    case "deleted": {
      learn(s, nameFromEvent(ov));
      gone.add(s);
      return ["deleted ", ref(s)];
    }
    case "started": return ["started ", agentRef(m.agent), " on ", ref(s), m.host ? " on " + m.host : "",
      m.attempt > 1 ? " (attempt " + m.attempt + ")" : ""];
    case "exited": {
      const how = m.outcome === "exited" ? (m.code === 0 ? "finished" : "exited with code " + m.code)
        : m.outcome === "lost" ? "was lost with its host" : human(m.outcome || "ended");
      return [agentRef(m.agent), "’s run of ", ref(s), " " + how];
    }
    case "mail_sent": return ["wrote to " + (m.to || "someone")];
    case "mail_read": return ["read a message"];
    default: return [human(e.event_type) + " ", ref(s)];
  }
}

function feedLine(e) {
  return el("li", { "data-event": String(e.id) },
    el("time", { class: "when", datetime: e.created_at, text: new Date(e.created_at).toLocaleTimeString() }), " ",
    el("strong", { text: e.actor }), " ", ...describe(e));
}

function drawFeed() {
  const feed = $("feed");
  const shown = paged($("feed-more"), state.events, "feed", drawFeed, "events",
    state.feedEnd || !state.events.length ? null : { text: "Read older events", load: olderEvents });
  feed.replaceChildren(...shown.map(feedLine));
  if (!state.events.length) feed.append(el("li", { class: "muted", text: "Nothing has happened yet." }));
}

/// The page of events before the oldest one the feed holds.
async function olderEvents() {
  const oldest = state.events[state.events.length - 1];
  const { doc } = await api("GET", "/api/events?limit=" + MAX_FEED + "&before=" + oldest.id);
  // New events trimmed the feed's tail meanwhile: this page no longer joins
  // it (the button reads from the new tail).
  if (state.events[state.events.length - 1] !== oldest) return;
  learnFrom(doc);
  state.feedEnd = doc.length < MAX_FEED;
  state.events.push(...doc.slice().reverse());
}

/// Names of what events made or deleted.
function learnFrom(events) {
  for (const e of events) {
    if (e.event_type === "created") learn(e.subject_id, nameFromEvent(e.new_value));
    if (e.event_type === "deleted") {
      learn(e.subject_id, nameFromEvent(e.old_value));
      gone.add(e.subject_id);
    }
  }
}

function addEvent(e) {
  state.events.unshift(e);
  // The feed keeps what it has drawn and a page more; the oldest beyond
  // that are read again when asked for.
  const keep = Math.max(MAX_FEED, state.shown.feed + PAGE.feed);
  if (state.events.length > keep) {
    state.events.length = keep;
    state.feedEnd = false;
  }
  const feed = $("feed");
  if (feed.firstChild && !feed.firstChild.hasAttribute("data-event")) feed.replaceChildren();
  feed.prepend(feedLine(e));
  while (feed.children.length > state.shown.feed) feed.lastChild.remove();
}

async function act(method, path, body, done) {
  try {
    const { doc } = await api(method, path, body);
    if (done) toast(done);
    await refresh();
    return doc;
  } catch (_) {
    return null; /* shown already */
  }
}

// A busy town writes many events a second: the page redraws at most twice a
// second, and reads the agents again only when an event concerns one.
const AGENT_EVENTS = new Set(["hooked", "unhooked", "dispatched", "agent_reset", "released", "recovered",
  "started", "exited"]);
let pending = null;
let agentsStale = false;
let hostsStale = false;
let drawerStale = false;

function touches(e, id, name) {
  const m = e.metadata || {};
  return [e.subject_id, e.new_value, e.old_value, m.agent, m.agent_id, m.released_bead].some((x) => x === id || (name && x === name));
}

function refreshSoon(e) {
  if (e.subject_id.startsWith("ag-") || AGENT_EVENTS.has(e.event_type)) agentsStale = true;
  // A host's first beat and its changes of status are events; its other
  // beats are not (the panel's timer reads those).
  if (e.subject_id.startsWith("hs-")) hostsStale = true;
  // An agent's message is its act: its card's last activity moves.
  if (e.event_type === "mail_sent" && state.agents.some((a) => a.name === e.actor)) agentsStale = true;
  if (state.bead && touches(e, state.bead.id)) drawerStale = true;
  if (state.agent && touches(e, state.agent.id, state.agent.name)) drawerStale = true;
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    const flags = [agentsStale, hostsStale, drawerStale];
    agentsStale = hostsStale = drawerStale = false;
    refresh(...flags);
  }, 500);
}

async function refresh(agents = true, hosts = true, drawers = true) {
  const jobs = [loadConvoys(), loadEscalations()];
  if (agents) jobs.push(loadAgents());
  if (hosts) jobs.push(loadHosts());
  if (state.convoy) jobs.push(showConvoy(state.convoy, false));
  if (drawers && state.bead) jobs.push(openBead(state.bead.id, false));
  if (drawers && state.agent) jobs.push(openAgent(state.agent.name, false));
  await Promise.allSettled(jobs);
  if (!$("town-panel").hidden) {
    drawTown();
    if (!performance.getEntriesByName("gt:town-painted").length) performance.mark("gt:town-painted"); // gt-bench --dashboard
    loadAttention().catch(() => {});
  }
}

async function landed(e) {
  try {
    const { doc } = await api("GET", "/api/convoys/" + encodeURIComponent(e.subject_id), null, true);
    toast("Convoy “" + doc.title + "” landed");
  } catch (_) {
    toast("Convoy “" + nameOf(e.subject_id) + "” landed");
  }
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
  // An agent card says when the host it runs on has gone silent: redrawn
  // when that changes (a host's silence writes no event).
  const silent = new Set(hosts.filter((h) => h.silent).map((h) => h.name));
  const was = state.silentHosts;
  state.silentHosts = silent;
  if (silent.size !== was.size || [...silent].some((h) => !was.has(h))) drawAgents();
}

function drawHosts(hosts) {
  // A town that does not use `gt run` has no hosts, and no panel.
  document.getElementById("hosts-panel").hidden = hosts.length === 0;
  // Lost hosts first, as convoys that need attention are, then silent ones;
  // else name order.
  const rank = (h) => (h.status === "lost" ? 0 : h.silent ? 1 : 2);
  const order = hosts.slice().sort((a, b) => rank(a) - rank(b));
  const rows = order.map(hostRow);
  for (const id of [...hostRows.keys()]) {
    if (!hosts.some((h) => h.id === id)) hostRows.delete(id);
  }
  const list = document.getElementById("hosts");
  if (rows.length !== list.children.length || rows.some((r, i) => list.children[i] !== r)) {
    list.replaceChildren(...rows);
  }
  // A live host that missed its beats counts as silent, not live.
  const shown = (h) => (h.silent ? "silent" : h.status);
  const counts = ["live", "silent", "lost", "stopped"]
    .map((s) => [s, hosts.filter((h) => shown(h) === s).length])
    .filter(([, n]) => n > 0);
  const summary = document.getElementById("hosts-summary");
  const text = counts.map(([s, n]) => n + " " + s).join(" · ");
  if (summary.textContent !== text) {
    summary.replaceChildren(...counts.flatMap(([s, n], i) => [i ? " · " : "",
      el("span", { class: s === "lost" || s === "silent" ? "attention" : null, text: n + " " + s })]));
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
  // Live by its record, but three beats missed (the server judges, by its
  // clock): said before any patrol calls it lost.
  setAttr(r.li, "data-host", h.name);
  setAttr(r.li, "data-status", h.status);
  setAttr(r.li, "class", "host " + h.status + (h.silent ? " late" : ""));
  r.mark.hidden = h.status !== "lost";
  setText(r.name, h.name);
  setAttr(r.status, "class", "status " + (h.silent ? "silent" : h.status));
  setText(r.status, h.silent ? "silent" : h.status);
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
  const s = Math.max(0, (now() - Date.parse(t)) / 1000);
  if (s < 60) return Math.floor(s) + "s ago";
  if (s < 3600) return Math.floor(s / 60) + "m ago";
  return ago(t);
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

/// What a message is about, by name.
function aboutText(m) {
  const parts = [m.bead, m.convoy].filter(Boolean);
  if (!parts.length) return null;
  for (const id of parts) lookUp(id);
  return el("span", { class: "muted about-line" }, "about ",
    ...parts.flatMap((id, i) => [i ? " · " : "", el("span", { "data-ref": id, text: nameOf(id) })]));
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
  document.title = (unread ? "(" + count + ") " : "") + (state.townTitle || "gt — town");
  const list = document.getElementById("inbox");
  // A redraw keeps the keyboard on the message it was on.
  const focused = document.activeElement && document.activeElement.closest("#inbox [data-mail]");
  list.replaceChildren(...state.inbox.map((m) => {
    const isUnread = !m.read_at;
    const about = aboutText(m);
    return el("li", { "data-mail": m.id, "data-unread": String(isUnread), class: isUnread ? "unread" : null },
      el("button", { class: "row mail", type: "button", "data-nav-item": "", "aria-current": state.mail === m.id ? "true" : null,
        onclick: () => openMail(m.id) },
        el("span", { class: "dot", title: isUnread ? "unread" : null }),
        el("span", { class: "grow" },
          el("span", { class: "mail-line" }, el("strong", { text: m.from }),
            el("span", { class: "muted when", text: ago(m.created_at) })),
          el("span", { class: "subject", text: m.subject }),
          about || ""),
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
    " · " + (m.read_at ? "read" : "unread") + " · ";
  document.getElementById("mail-meta").append(idChip(m.id));
  const about = document.getElementById("mail-about");
  about.replaceChildren(
    m.bead ? el("span", {}, "About ", ref(m.bead)) : "",
    m.convoy ? el("span", {}, "in convoy ", ref(m.convoy)) : "",
    m.reply_to ? el("span", { class: "muted", text: "in answer to an earlier message" }) : "");
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
  if (state.bead || state.agent) {
    hideBead();
    hideAgent();
    history.replaceState(null, "", state.convoy ? "#/convoy/" + encodeURIComponent(state.convoy) : "#/");
  }
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
}

// ---- Filter, keyboard ---------------------------------------------------

let searchTimer = null;
let searchSeq = 0;

function onFilter() {
  state.filter = $("filter").value.trim().toLowerCase();
  state.shown.convoys = PAGE.convoys;
  state.shown.beads = PAGE.beads;
  drawConvoys();
  if (state.view) drawConvoy();
  clearTimeout(searchTimer);
  searchTimer = setTimeout(searchBeads, 250);
}

/// Beads anywhere in the town whose title or body holds the filter's text
/// (the API's search needs three characters).
async function searchBeads() {
  const seq = ++searchSeq;
  const q = state.filter;
  const box = $("bead-search");
  if (q.length < 3) {
    box.hidden = true;
    return;
  }
  let doc = [];
  try {
    ({ doc } = await api("GET", "/api/beads?search=" + encodeURIComponent(q) + "&limit=" + PAGE.results, null, true));
  } catch (_) { /* no results */ }
  if (seq !== searchSeq) return;
  for (const b of doc) learn(b.id, b.title);
  box.hidden = doc.length === 0;
  $("bead-results").replaceChildren(...doc.map((b) => el("li", {},
    el("a", { class: "row", href: "#/bead/" + encodeURIComponent(b.id), "data-nav-item": "", "data-result": b.id },
      el("span", { class: "grow" }, el("span", { class: "title", text: b.title }),
        el("span", { class: "count-text", text: (b.convoy_id ? nameOf(b.convoy_id) + " · " : "") + b.rig })),
      status(b.status)))));
}

function navItems(box) {
  return [...box.querySelectorAll("[data-nav-item]")].filter((n) => n.offsetParent !== null);
}

function firstOf(...ids) {
  for (const id of ids) {
    const box = $(id);
    const items = box && !box.closest("[hidden]") ? navItems(box) : [];
    if (items.length) {
      items[0].focus();
      return true;
    }
  }
  return false;
}

/// j/k or the arrows move through a list, Enter opens (a row is a link),
/// Esc closes the dialog or drawer on top, / goes to the filter.
function onKey(ev) {
  if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  if ($("confirm").open) return; // the dialog handles its own keys
  const t = ev.target;
  const typing = t.matches && t.matches("input, textarea, select, [contenteditable]");
  if (ev.key === "Escape") {
    if (t.id === "filter" && t.value) {
      t.value = "";
      onFilter();
    } else if (state.mail !== null) {
      closeMail();
    } else if (state.agent) {
      hideAgent();
      back();
    } else if (state.bead) {
      state.returnTo = state.bead.id;
      hideBead();
      back();
    } else {
      return;
    }
    ev.preventDefault();
    return;
  }
  if (t.id === "filter" && ev.key === "ArrowDown") {
    if (firstOf("convoys", "bead-results", "waves")) ev.preventDefault();
    return;
  }
  if (typing) return;
  if (ev.key === "/") {
    $("filter").focus();
    ev.preventDefault();
    return;
  }
  const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[ev.key];
  if (!step) return;
  const box = t.closest && t.closest("[data-nav]");
  if (!box) {
    if (ev.key.startsWith("Arrow")) return; // arrows still scroll the page
    if (firstOf(state.convoy ? "waves" : "town-body", "convoys")) ev.preventDefault();
    return;
  }
  const items = navItems(box);
  const at = items.indexOf(t.closest("[data-nav-item]"));
  const next = items[Math.max(0, Math.min(items.length - 1, at + step))];
  if (next) {
    next.focus();
    ev.preventDefault();
  }
}

/// Back on the row of a bead whose drawer closed.
function firstRow(id) {
  const row = document.querySelector('#waves [data-bead="' + CSS.escape(id) + '"]');
  if (row) row.focus();
}

// ---- The event stream ---------------------------------------------------

/// The event stream, read with fetch so that it can carry the token.
async function follow(after) {
  const live = $("live");
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
        const { value: chunk, done } = await reader.read();
        if (done) break;
        buf += text.decode(chunk, { stream: true });
        let cut;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
          if (!data) continue;
          const e = JSON.parse(data);
          after = e.id;
          addEvent(e);
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

// ---- Wiring -------------------------------------------------------------

function wire() {
  wireMail();
  const statusSelect = $("bead-status");
  statusSelect.replaceChildren(...BEAD_STATUSES.map((s) => el("option", { value: s, text: human(s) })));
  $("all-convoys").addEventListener("change", () => loadConvoys().then(drawTown).catch(() => {}));
  $("filter").addEventListener("input", onFilter);
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", () => route());
  $("drawer-close").addEventListener("click", () => {
    state.returnTo = state.bead && state.bead.id;
    hideBead();
    back();
  });
  $("agent-close").addEventListener("click", () => { hideAgent(); back(); });
  const bead = () => "/api/beads/" + encodeURIComponent(state.bead.id);
  statusSelect.addEventListener("change", () =>
    act("PATCH", bead(), { status: statusSelect.value }, "Status set to " + human(statusSelect.value)));
  $("bead-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const labels = $("bead-labels").value.split(",").map((l) => l.trim()).filter(Boolean);
    act("PATCH", bead(), {
      title: $("bead-title").value,
      body: $("bead-body").value,
      priority: $("bead-priority").value,
      labels,
    }, "Saved");
  });
  $("reassign").addEventListener("click", async () => {
    const to = $("reassign-to").value;
    const b = state.bead;
    const title = b.title;
    const body = to === NEW_POLECAT ? { new: true } : { agent_id: to };
    try {
      await api("POST", bead() + "/reassign", body, true);
      toast("“" + title + "” went to " + (to === NEW_POLECAT ? "a new polecat" : to));
      await refresh();
    } catch (e) {
      // A convoy whose cap is full says why, and offers one more place.
      const full = /has all (\d+) of its polecats at work/.exec(e.message);
      if (full && b.convoy_id) {
        const cap = Number(full[1]) + 1;
        toast("“" + (names.get(b.convoy_id) || b.convoy_id) + "” has all " + full[1] +
          " of its polecats at work: that is its cap, so no other polecat may start on it.", true, null, {
          label: "Raise the cap to " + cap,
          run: () => act("PATCH", "/api/convoys/" + encodeURIComponent(b.convoy_id), { max_polecats: cap },
            "The cap is " + cap + "; reassign again"),
        });
      } else {
        toast(e.message, true, e.hint);
      }
    }
  });
  $("unhook-bead").addEventListener("click", async () => {
    const b = state.bead;
    if (!b || !b.assignee) return;
    const text = b.assignee + " is on “" + b.title + "” (" + b.id + "); unhooking puts the bead back to open with no polecat, and " + b.assignee + " idle.";
    if (!(await confirmAction("Unhook " + b.assignee + "?", text, "Unhook"))) return;
    act("DELETE", "/api/agents/" + encodeURIComponent(b.assignee) + "/hook", {}, "“" + b.title + "” is off " + b.assignee + "’s hook");
  });
  $("delete-bead").addEventListener("click", async () => {
    const b = state.bead;
    if (!b) return;
    const waiting = (state.dependents || []).length;
    const unknown = state.dependents === null;
    const text = "“" + b.title + "” (" + b.id + ") goes for good" +
      (b.assignee ? ", and " + b.assignee + " is unhooked" : "") +
      (b.convoy_id ? "; convoy “" + nameOf(b.convoy_id) + "” recounts without it" : "") +
      (waiting ? "; " + plural(waiting, "bead") + (state.dependentsCut ? " or more" : "") + " waiting for it stop waiting" : "") +
      (unknown ? "; any beads waiting for it stop waiting" : "") + ". Its history stays.";
    if (!(await confirmAction("Delete “" + b.title + "”?", text, "Delete"))) return;
    try {
      await api("DELETE", "/api/beads/" + encodeURIComponent(b.id) + "?force=true", {});
    } catch (_) {
      return; // shown already
    }
    // The drawer goes before the page reads the town again: the bead is no more.
    gone.add(b.id);
    hideBead();
    back();
    toast("Deleted “" + b.title + "”; its history stays");
    refresh();
  });
  $("agent-reset").addEventListener("click", () => state.agent && resetAgent(state.agent));
  $("agent-unhook").addEventListener("click", () => state.agent && unhookAgent(state.agent));
  const convoy = () => "/api/convoys/" + encodeURIComponent(state.convoy);
  $("merge-mode").addEventListener("change", (ev) =>
    act("PATCH", convoy(), { merge_mode: ev.target.value }, "Merge mode set to " + ev.target.value));
  $("save-branch").addEventListener("click", () =>
    act("PATCH", convoy(), { feature_branch: $("feature-branch").value }, "Branch saved"));
  $("force-close").addEventListener("click", async () => {
    const v = state.view;
    if (!v) return;
    const reason = $("close-reason").value || null;
    const closeBeads = $("close-beads").checked;
    const left = v.total_beads - v.closed_beads - v.failed_beads;
    const text = "“" + v.title + "” has " + plural(left, "unfinished bead") + " of " + v.total_beads +
      ". Force closing ends the convoy: it will never land" +
      (closeBeads && left ? ", and its unfinished beads are closed, which takes them off their polecats’ hooks."
        : "; its beads stay as they are.") + (reason ? " Reason: " + reason + "." : "");
    if (!(await confirmAction("Force close “" + v.title + "”?", text, "Force close"))) return;
    const id = state.convoy;
    const closed = await act("POST", convoy() + "/close", { reason, close_beads: closeBeads });
    if (!closed) return;
    // Only a close that left the beads alone is undone by a reopen.
    const undo = closeBeads ? null : {
      label: "Undo",
      run: () => act("POST", "/api/convoys/" + encodeURIComponent(id) + "/reopen", {},
        "Convoy “" + v.title + "” reopened"),
    };
    toast("Convoy “" + v.title + "” closed", false, null, undo);
  });
}

/// The town's name: the API gives only its database's location, so the
/// page names it after its file (or the folder of a `town.db`), never a
/// whole path.
function townName(doc) {
  if (doc.name) return doc.name;
  const loc = String(doc.location || "");
  if (/^[a-z]+:\/\//i.test(loc)) return loc.replace(/^[a-z]+:\/\//i, "").replace(/[/?#].*$/, "");
  const parts = loc.split("/").filter(Boolean);
  const file = (parts.pop() || "town").replace(/\.(db|sqlite3?)$/, "");
  const folder = parts.pop() || "";
  // A town.db in a folder of its own is named after the folder; not in the
  // default data folder (…/gt), nor a hidden or temporary one.
  if (file === "town" && folder && !/^(\.|tmp|temp)|^gt$/i.test(folder)) return folder;
  return file;
}

async function start() {
  state.token = token();
  wire();
  try {
    const { doc, res } = await api("GET", "/api/town");
    const name = townName(doc);
    $("town-name").textContent = name;
    $("town-name").title = doc.backend + " town";
    document.title = "gt — " + name;
    state.townTitle = document.title;
    state.readOnly = res.headers.get("X-GT-Read-Only") === "true";
  } catch (_) {
    return;
  }
  if (state.readOnly) {
    document.body.classList.add("read-only");
    $("read-only").hidden = false;
  }
  const { doc: recent } = await api("GET", "/api/events?limit=" + MAX_FEED);
  learnFrom(recent);
  state.events = recent.slice().reverse();
  state.feedEnd = recent.length < MAX_FEED;
  await Promise.allSettled([refresh(true, true, false), loadInbox()]);
  drawFeed();
  await route();
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
