"""Drives the gt dashboard in a real browser (Debian's chromium, through its
chromedriver and Selenium) while the `gt` command line changes the same town.

Usage: python dashboard.py SPEC.json
SPEC: {"url", "gt", "db", "convoy", "beads": [ids], "tiny_bead", "statuses",
       "escalation", "runner", "home", "spare_rig", "shots", "docs", "axe",
       "stuck_convoy", "stuck_bead", "dead_agent", "idle_web", "spike", "bulk",
       "follow_up", "supervisor_pid"}
Exits non-zero, saying what failed, when the page does not do what it should.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

spec = json.load(open(sys.argv[1]))


def gt(*args, actor="browser-test"):
    out = subprocess.run(
        [spec["gt"], "--db", spec["db"], "--actor", actor, "--json", *args],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout) if out.stdout.strip() else None


def until(what, check, timeout=5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = check()
            if value:
                return value
        except Exception:  # the page is still changing
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {what}")


def click(what, css):
    """Clicks what `css` finds, again if the page redrew it meanwhile."""
    def attempt():
        found = driver.find_element(By.CSS_SELECTOR, css)
        # Clear of the sticky header.
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", found)
        found.click()
        return True
    until(what, attempt)


def inbox(who):
    """Everything in `who`'s inbox, as the command line lists it."""
    return gt("mail", "inbox", who, "--limit", "0")


def all_mail():
    return gt("mail", "inbox", "--all", "--limit", "0")


def badge():
    """The header's unread count; hidden when there is none."""
    count = driver.find_element(By.ID, "unread-count")
    return int(count.text) if count.is_displayed() else 0


def mail_row(mail_id):
    return driver.find_element(By.CSS_SELECTOR, f'#inbox [data-mail="{mail_id}"]')


def text_of(css):
    return driver.find_element(By.CSS_SELECTOR, css).text


def host_row(name):
    return driver.find_element(By.CSS_SELECTOR, f'#hosts [data-host="{name}"]')


def host_shown(name, status, running):
    """The Hosts panel shows `name` with `status` and "`running` running"."""
    row = host_row(name)
    return row.get_attribute("data-status") == status and f"{running} running" in row.text


def beat_age(name):
    """How many seconds ago the panel says `name` last beat (None past a minute)."""
    m = re.search(r"last beat (\d+)s ago", host_row(name).text)
    return int(m.group(1)) if m else None


def hosts():
    return {h["name"]: h for h in gt("host", "list")}


def no_sideways_scrolling():
    width = driver.execute_script("return document.documentElement.scrollWidth")
    inner = driver.execute_script("return window.innerWidth")
    assert width <= inner, f"the page is {width}px wide in a {inner}px window"


def at_width(width, height=800):
    driver.set_window_size(width, height)
    until(f"a {width}px window", lambda: driver.execute_script("return window.innerWidth") <= width)


def visible(css):
    found = driver.find_elements(By.CSS_SELECTOR, css)
    return bool(found) and found[0].is_displayed()


def press(*keys):
    """Keys typed into whatever has the focus: no mouse."""
    ActionChains(driver).send_keys(*keys).perform()


def focused(attr):
    return driver.switch_to.active_element.get_attribute(attr)


def confirmation(words, answer):
    """The confirmation dialog is open and names `words`; answers it."""
    until("the confirmation", lambda: visible("#confirm"))
    said = text_of("#confirm")
    for w in words:
        assert w in said, f"the confirmation does not say {w!r}: {said!r}"
    click(answer, "#confirm-ok" if answer == "confirm" else "#confirm-cancel")
    until("the confirmation closed", lambda: not visible("#confirm"))
    return said


def bead_ids():
    return {b["id"] for b in gt("bead", "list", "--limit", "1000")}


def dark(on):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if on else "light"}]})


def background():
    rgb = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    return [int(x) for x in re.findall(r"\d+", rgb)[:3]]


AXE = open(spec["axe"]).read()


def accessible(where):
    """axe-core finds nothing serious or critical on the page as it is."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE)
    found = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ["violations"] })
          .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) }))))
          .catch((e) => done([{ id: "axe-failed", impact: "critical", help: String(e), nodes: [] }]));
    """)
    bad = [v for v in found if v["impact"] in ("serious", "critical")]
    assert not bad, f"accessibility, {where}: {json.dumps(bad, indent=1)}"


def tile(label):
    """The number on the landing view's tile of `label`."""
    for t in driver.find_elements(By.CSS_SELECTOR, "#town-body .tile"):
        if t.find_element(By.CSS_SELECTOR, ".l").text == label:
            return int(t.find_element(By.CSS_SELECTOR, ".n").text)
    return None


def convoy_row(convoy_id):
    return driver.find_element(By.CSS_SELECTOR, f'#convoys [data-convoy="{convoy_id}"]')


options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("GT_CHROMIUM", "/usr/bin/chromium")
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
            "--disable-dev-shm-usage"]:
    options.add_argument(arg)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
service = Service(executable_path=os.environ.get("GT_CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(service=service, options=options)
second_host = None  # a supervisor this script starts, stopped in `finally`
try:
    driver.set_window_size(1280, 800)
    driver.set_script_timeout(60)
    driver.get(spec["url"])
    body = lambda: driver.find_element(By.TAG_NAME, "body").text  # noqa: E731
    until("the convoy at 0/4", lambda: "Sessions" in convoy_row(spec["convoy"]).text
          and "0/4 done" in convoy_row(spec["convoy"]).text)

    # The header names the town, not its database's path.
    town = text_of("#town-name")
    assert town and "/" not in town and "town.db" not in town, town

    # The landing view: the town at a glance, attention first.
    until("the town at a glance", lambda: visible("#town-panel") and "need attention" in text_of("#town-body"))
    glance = text_of("#town-body")
    for words in ["Billing export", "Onboarding docs", "Recently landed", "At work", "Watch the logs",
                  "Look at this", spec["idle_web"]]:
        assert words in glance, (words, glance)
    assert "1 failed" in convoy_row(spec["stuck_convoy"]).text, convoy_row(spec["stuck_convoy"]).text
    first = driver.find_elements(By.CSS_SELECTOR, "#convoys [data-convoy]")[0]
    assert first.get_attribute("data-convoy") == spec["stuck_convoy"], "attention is not first"
    until("the reason named", lambda: f"held by {spec['dead_agent']}, who is dead" in text_of("#town-body"))
    # Names, not IDs: the feed names agents and beads, in words.
    feed = text_of("#feed")
    assert not re.search(r"\b(ag|gt|cv)-[a-z0-9]{4,}", feed), feed
    assert f"{spec['dead_agent']}’s status: working → dead" in feed, feed
    accessible("the town at a glance")

    # Deep links: a bead's URL loads its drawer over its convoy, reload keeps
    # it, back and forward walk the links followed.
    driver.get(spec["url"] + "#/bead/" + spec["beads"][3])
    driver.refresh()
    until("the bead's drawer", lambda: visible("#drawer") and text_of("#drawer-title") == "Document the session flow")
    until("its convoy under it", lambda: visible("#convoy-panel") and text_of("#convoy-title") == "Sessions")
    until("its blockers by title", lambda: "Expose sessions over the API" in text_of("#bead-links")
          and "Show sessions in the dashboard" in text_of("#bead-links"))
    until("its history", lambda: "created" in text_of("#bead-history"))
    # What waits for it in no convoy is named too, with its status.
    until("a dependent outside the convoy", lambda: "Announce the sessions" in text_of("#bead-links"))
    assert driver.find_elements(By.CSS_SELECTOR, f'#bead-links a[href="#/bead/{spec["follow_up"]}"]')
    accessible("a convoy with a bead's drawer")
    click("the blocker's link", f'#bead-links a[href="#/bead/{spec["beads"][1]}"]')
    until("the blocker's drawer", lambda: text_of("#drawer-title") == "Expose sessions over the API")
    until("what it blocks", lambda: "Document the session flow" in text_of("#bead-links"))
    driver.back()
    until("back on the first bead", lambda: text_of("#drawer-title") == "Document the session flow")
    driver.forward()
    until("forward on the blocker", lambda: text_of("#drawer-title") == "Expose sessions over the API")
    click("close the drawer", "#drawer-close")
    until("the convoy, drawer closed", lambda: not visible("#drawer") and driver.current_url.endswith(
        "#/convoy/" + spec["convoy"]))
    driver.back()
    until("the drawer again", lambda: visible("#drawer") and text_of("#drawer-title") == "Expose sessions over the API")
    # An agent's link, loaded directly.
    driver.get(spec["url"] + "#/agent/" + spec["runner"])
    driver.refresh()
    until("the agent's drawer", lambda: visible("#agent-drawer") and text_of("#agent-title") == spec["runner"]
          and "Watch the logs" in text_of("#agent-hook"))
    until("the agent's history", lambda: "added polecat" in text_of("#agent-history"))
    driver.get(spec["url"])
    until("the town again", lambda: visible("#town-panel") and not visible("#agent-drawer"))

    # Keyboard-only triage of the stuck convoy: find it with the filter,
    # open the bead whose polecat is dead, reassign it to the rig's idle
    # polecat. No mouse.
    until("the page ready", lambda: "need attention" in text_of("#town-body"))
    driver.execute_script("document.activeElement.blur()")
    press("/")
    assert focused("id") == "filter", focused("id")
    press("Billing")
    until("the filter leaves one convoy", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#convoys [data-convoy]")) == 1)
    press(Keys.ARROW_DOWN)
    assert focused("data-convoy") == spec["stuck_convoy"], focused("outerHTML")
    press(Keys.ENTER)
    until("the convoy open, the keyboard on it", lambda: text_of("#convoy-title") == "Billing export"
          and focused("id") == "convoy-title")
    press("j")
    for _ in range(5):
        if focused("data-bead") == spec["stuck_bead"]:
            break
        press("j")
    assert focused("data-bead") == spec["stuck_bead"], focused("outerHTML")
    press(Keys.ENTER)
    until("the drawer, the keyboard in it", lambda: visible("#drawer") and focused("id") == "drawer-title")
    until("the reassign list", lambda: driver.execute_script(
        "return document.getElementById('reassign-to').options.length") >= 2)
    offered = driver.execute_script(
        "return [...document.getElementById('reassign-to').options].map((o) => [o.value, o.text])")
    assert offered[0][0] == spec["idle_web"] and offered[-1][0] == "+new", offered
    names_offered = [v for v, _ in offered]
    assert spec["dead_agent"] not in names_offered and spec["runner"] not in names_offered, offered
    for _ in range(40):
        if focused("id") == "reassign-to":
            break
        press(Keys.TAB)
    assert focused("id") == "reassign-to", focused("outerHTML")
    press(Keys.TAB)
    assert focused("id") == "reassign", focused("outerHTML")
    press(Keys.ENTER)
    until("the bead reassigned to the idle polecat", lambda: gt("bead", "show", spec["stuck_bead"])["assignee"]
          == spec["idle_web"])
    until("the drawer says so", lambda: f"on {spec['idle_web']}’s hook" in text_of("#drawer-meta"))
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-keyboard-1280.png"))
    press(Keys.ESCAPE)
    until("the drawer closed, the keyboard back on the bead", lambda: not visible("#drawer")
          and focused("data-bead") == spec["stuck_bead"])
    press("/")
    press(Keys.ESCAPE)
    until("the filter cleared", lambda: driver.find_element(By.ID, "filter").get_attribute("value") == ""
          and len(driver.find_elements(By.CSS_SELECTOR, "#convoys [data-convoy]")) >= 3)

    # The filter also finds beads anywhere in the town, by title.
    driver.execute_script("document.activeElement.blur()")
    press("/")
    press("dashboard")
    until("the bead found", lambda: "Show sessions in the dashboard" in text_of("#bead-results"))
    press(Keys.ESCAPE)

    # A long convoy draws a page of beads, and the rest on asking.
    driver.execute_script("location.hash = arguments[0]", "#/convoy/" + spec["bulk"])
    until("the first page", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#waves [data-bead]")) == 100)
    assert "50 not shown" in text_of("#waves-more"), text_of("#waves-more")
    click("show more", "#waves-more button")
    until("all 150", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#waves [data-bead]")) == 150)
    assert not driver.find_elements(By.CSS_SELECTOR, "#waves-more button"), "a button for nothing more"

    driver.get(spec["url"])
    until("the convoy list", lambda: convoy_row(spec["convoy"]))

    # The agent `gt run` runs: where, since when, and its log's tail.
    card = f'[data-agent="{spec["runner"]}"]'
    until("the running agent's host", lambda: "running on box-1" in driver.find_element(By.CSS_SELECTOR, card).text)
    until("the running agent's log", lambda: "hello from the agent" in
          driver.find_element(By.CSS_SELECTOR, card + " pre.log").text, timeout=8)

    # Mail from an agent, sent by the command line, reaches the person's inbox
    # and raises the badge within 2 s, without a reload.
    writer = spec["runner"]
    driver.execute_script("window.gtNotReloaded = true")
    unread_before = badge()
    asked = gt("mail", "send", "--to", "human", "--subject", "Which branch?",
               "--body", "main, or a feature branch?\nSay which.", actor=writer)["messages"][0]
    until("the message in the inbox, unread, and the badge up by one", lambda:
          mail_row(asked["id"]).get_attribute("data-unread") == "true" and badge() == unread_before + 1, timeout=2)
    assert driver.execute_script("return window.gtNotReloaded === true"), "the page reloaded"
    row = mail_row(asked["id"]).text
    assert writer in row and "Which branch?" in row and "just now" in row, row
    assert "Say which." not in text_of("#feed"), "the feed shows a message's body"

    # Opening it shows its body and marks it read, here and in the town.
    click("the message", f'#inbox [data-mail="{asked["id"]}"] button')
    until("the message's body", lambda: "Say which." in text_of("#mail-body"))
    until("the badge down by one", lambda: badge() == unread_before)
    until("the message shown read", lambda: mail_row(asked["id"]).get_attribute("data-unread") == "false")
    until("the message read in the town", lambda: next(
        m for m in inbox("human") if m["id"] == asked["id"])["read_at"] is not None)

    # A reply from the page reaches the agent, answering the message.
    driver.find_element(By.CSS_SELECTOR, '#mail-reply textarea[aria-label="Reply"]').send_keys("Use main.")
    click("Send reply", "#mail-reply button.send")
    until("the reply confirmed", lambda: f"Sent to {writer}." in text_of("#mail-reply .note"))
    replies = until("the reply in the agent's inbox", lambda: [
        m for m in inbox(writer) if m["reply_to"] == asked["id"]])
    assert [(m["from"], m["subject"], m["body"]) for m in replies] == [
        ("human", "Re: Which branch?", "Use main.")], replies

    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-mail-1280.png"))
    click("close the message", 'button[aria-label="Close the message"]')

    # An agent card's compose box writes to that agent.
    card = f'[data-agent="{writer}"]'
    click("the card's compose box", card + " summary")
    driver.find_element(By.CSS_SELECTOR, card + ' input[aria-label="Subject"]').send_keys("Rebase on main")
    driver.find_element(By.CSS_SELECTOR, card + ' textarea[aria-label="Message"]').send_keys("The API shape changed.")
    click("Send on the card", card + " button.send")
    until("the card's send confirmed", lambda: f"Sent to {writer}." in text_of(card + " .note"))
    until("the card's message in the agent's inbox", lambda: [
        m for m in inbox(writer)
        if (m["from"], m["subject"], m["body"]) == ("human", "Rebase on main", "The API shape changed.")])

    # A refused send shows the server's message and hint, keeps what was
    # typed, and writes nothing.
    count = len(all_mail())
    long_subject = "x" * 201
    subject = driver.find_element(By.CSS_SELECTOR, card + ' input[aria-label="Subject"]')
    subject.send_keys(long_subject)
    click("Send the long subject", card + " button.send")
    until("the refusal shown", lambda: "201 characters" in text_of(card + " .note.error")
          and "shorten the subject" in text_of(card + " .note.error .hint"))
    assert subject.get_attribute("value") == long_subject, "the typed subject was lost"
    assert len(all_mail()) == count, "a refused message was written"
    subject.clear()
    click("close the card's compose box", card + " summary")

    # The bead drawer's compose box: about the bead, to its polecat (else the
    # Mayor), or to whoever the person names.
    click("the convoy", f'[data-convoy="{spec["convoy"]}"]')
    click("the first bead", f'[data-bead="{spec["beads"][0]}"]')
    polecat = gt("bead", "show", spec["beads"][0])["assignee"] or "mayor"
    to = driver.find_element(By.CSS_SELECTOR, '#bead-compose input[aria-label="To"]')
    until("the drawer's To set to the bead's polecat", lambda: to.get_attribute("value") == polecat)
    drawer_subject = driver.find_element(By.CSS_SELECTOR, '#bead-compose input[aria-label="Subject"]')
    drawer_subject.send_keys("Is the schema final?")
    click("Send in the drawer", "#bead-compose button.send")
    until("the drawer's send confirmed", lambda: f"Sent to {polecat}." in text_of("#bead-compose .note"))
    about = until("the drawer's message in the polecat's inbox", lambda: [
        m for m in inbox(polecat) if m["subject"] == "Is the schema final?"])
    assert [(m["from"], m["bead"]) for m in about] == [("human", spec["beads"][0])], about

    count = len(all_mail())
    to.clear()
    to.send_keys("Nobody-here")
    drawer_subject.send_keys("Anyone?")
    click("Send to nobody", "#bead-compose button.send")
    until("the unknown recipient refused", lambda: "Nobody-here" in text_of("#bead-compose .note.error")
          and text_of("#bead-compose .note.error .hint"))
    assert (to.get_attribute("value"), drawer_subject.get_attribute("value")) == ("Nobody-here", "Anyone?")
    assert len(all_mail()) == count, "a refused message was written"
    click("close the drawer", 'button[aria-label="Close the bead"]')
    # The browser logs the two refusals' statuses, and nothing else.
    refusals = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert len(refusals) == 2 and all("/api/mail - " in m for m in refusals), refusals

    # A refusal reads as sentences: its message, with IDs named, and a hint
    # in words (this one's hint names a route and a JSON body: reworded).
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "api('POST', '/api/beads/' + arguments[0] + '/reassign', { agent_id: arguments[1] }).then(done, () => done())",
        spec["beads"][2], spec["runner"])
    said = until("the refusal shown", lambda: text_of("#toasts .toast.error"))
    assert "already hooked to “Watch the logs”" in said and "Reassign list" in said, said
    assert not re.search(r"/api/|[{}]|--[a-z]|\bgt_|\b(gt|ag)-[a-z0-9]{4,}", said), said
    refusals = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert len(refusals) == 1 and "/reassign - " in refusals[0], refusals

    # One message stays unread, about a bead, for the screenshots.
    pending = gt("mail", "send", "--to", "human", "--subject", "Schema ready for review",
                 "--bead", spec["beads"][0], actor=writer)["messages"][0]
    until("the second message", lambda: mail_row(pending["id"]).get_attribute("data-unread") == "true"
          and badge() == unread_before + 1, timeout=2)
    until("the message names its bead by title", lambda: "Design the session schema" in mail_row(pending["id"]).text)

    # A close by the command line shows without a reload.
    gt("bead", "update", spec["beads"][0], "--status", "closed")
    until("the convoy at 1/4", lambda: "1/4 done" in convoy_row(spec["convoy"]).text, timeout=3)

    # The convoy's detail, and the bead drawer's status dropdown.
    click("the convoy", f'[data-convoy="{spec["convoy"]}"]')
    click("the bead", f'[data-bead="{spec["beads"][1]}"]')
    status = until("the status dropdown", lambda: driver.find_element(By.CSS_SELECTOR, 'select[aria-label="Status"]'))
    options_shown = [o.get_attribute("value") for o in Select(status).options]
    assert options_shown == spec["statuses"], options_shown
    Select(status).select_by_value("in_review")
    until("the bead in review", lambda: gt("bead", "show", spec["beads"][1])["status"] == "in_review")

    # Reassign to a new polecat, then Unhook agent.
    before = gt("bead", "show", spec["beads"][1])["assignee"]
    until("a new polecat offered", lambda: Select(driver.find_element(By.ID, "reassign-to")).select_by_value("+new") or True)
    click("Reassign", "#reassign")
    until("a new polecat", lambda: gt("bead", "show", spec["beads"][1])["assignee"] not in (None, before))
    until("the drawer names the new polecat", lambda: "Unhook agent" and
          gt("bead", "show", spec["beads"][1])["assignee"] in driver.find_element(By.ID, "drawer-meta").text)
    holder = gt("bead", "show", spec["beads"][1])["assignee"]
    click("Unhook agent", "#unhook-bead")
    confirmation([holder, "Expose sessions over the API", "back to open"], "cancel")
    time.sleep(0.5)
    assert gt("bead", "show", spec["beads"][1])["assignee"] == holder, "a cancelled unhook changed the town"
    click("Unhook agent", "#unhook-bead")
    confirmation([holder], "confirm")
    until("the bead unhooked", lambda: gt("bead", "show", spec["beads"][1])["assignee"] is None)

    # Reassign to an agent chosen in the drawer.
    until("the unhook shown", lambda: "on no hook" in driver.find_element(By.ID, "drawer-meta").text)
    pick = Select(driver.find_element(By.CSS_SELECTOR, 'select[aria-label="Agent to reassign to"]'))
    target = None
    for o in pick.options:
        if "(idle)" in o.text:
            target = o.get_attribute("value")
    assert target, [o.text for o in pick.options]
    pick.select_by_value(target)
    click("Reassign", "#reassign")
    until("reassigned to the chosen agent", lambda: gt("bead", "show", spec["beads"][1])["assignee"] == target)
    click("close the drawer", 'button[aria-label="Close the bead"]')

    # Reset to idle on the agent's card: it asks first, naming the bead.
    reset = f'[data-agent="{target}"] button[data-key="reset:{target}"]'
    click("Reset to idle", reset)
    until("the confirmation", lambda: visible("#confirm"))
    accessible("the confirmation dialog")
    confirmation([target, "Expose sessions over the API", "back to open"], "cancel")
    time.sleep(0.5)
    assert gt("agent", "show", target)["hook"] == spec["beads"][1], "a cancelled reset changed the town"
    click("Reset to idle", reset)
    confirmation([target], "confirm")
    until("the agent idle and unhooked", lambda: (lambda a: a["status"] == "idle" and a["hook"] is None)(gt("agent", "show", target)))

    # Unhook on a card: the triaged bead goes back to open.
    unhook = f'[data-agent="{spec["idle_web"]}"] button[data-key="unhook:{spec["idle_web"]}"]'
    click("Unhook", unhook)
    confirmation([spec["idle_web"], "Upload exports to storage"], "cancel")
    time.sleep(0.5)
    assert gt("agent", "show", spec["idle_web"])["hook"] == spec["stuck_bead"], "a cancelled unhook changed the town"
    click("Unhook", unhook)
    confirmation([spec["idle_web"]], "confirm")
    until("the web polecat unhooked", lambda: gt("agent", "show", spec["idle_web"])["hook"] is None
          and gt("bead", "show", spec["stuck_bead"])["status"] == "open")

    # Delete, from a bead's drawer opened by its link.
    driver.execute_script("location.hash = arguments[0]", "#/bead/" + spec["spike"])
    until("the spike's drawer", lambda: visible("#drawer") and text_of("#drawer-title") == "Old spike")
    click("Delete", "#delete-bead")
    confirmation(["Old spike", "history stays"], "cancel")
    time.sleep(0.5)
    assert spec["spike"] in bead_ids(), "a cancelled delete changed the town"
    click("Delete", "#delete-bead")
    confirmation(["Old spike"], "confirm")
    until("the spike deleted", lambda: spec["spike"] not in bead_ids())
    until("the drawer closed", lambda: not visible("#drawer"))
    until("the feed names what was deleted", lambda: "deleted Old spike" in text_of("#feed"))

    # Merge mode, among the convoy's settings.
    driver.execute_script("location.hash = arguments[0]", "#/convoy/" + spec["convoy"])
    until("the convoy", lambda: visible("#convoy-panel") and text_of("#convoy-title") == "Sessions")
    click("the convoy's settings", ".convoy-settings summary")
    Select(driver.find_element(By.ID, "merge-mode")).select_by_value("review-and-merge")
    until("the merge mode", lambda: gt("convoy", "status", spec["convoy"])["merge_mode"] == "review-and-merge")

    # Acknowledge.
    click("Acknowledge", f'[data-escalation="{spec["escalation"]}"] button[aria-label="Acknowledge"]')
    until("acknowledged", lambda: gt("escalation", "list", "--all")[0]["status"] == "acknowledged")

    # Hosts (SPEC §12): the supervisor the test runs is a live host, its one
    # slot in use, beating (every 5 s, without events: the panel reads again).
    until("the Hosts panel", lambda: driver.find_element(By.ID, "hosts-panel").is_displayed())
    until("box-1 live, 1 of 1 running", lambda: host_shown("box-1", "live", "1 of 1"))
    assert "all rigs" in host_row("box-1").text, host_row("box-1").text
    until("box-1's recent beat", lambda: beat_age("box-1") is not None and beat_age("box-1") <= 10)
    shown = host_row("box-1").find_element(By.CSS_SELECTOR, ".beat").text
    until("box-1's last beat refreshed", lambda: host_row("box-1").find_element(
        By.CSS_SELECTOR, ".beat").text != shown, timeout=7)

    # A second supervisor appears live without a reload. It takes beads of
    # a rig with none, so that it starts nothing.
    log = open(os.path.join(spec["home"], "box-2.log"), "w")
    second_host = subprocess.Popen(
        [spec["gt"], "--db", spec["db"], "run", "--host", "box-2", "--no-patrol", "--slots", "2",
         "--rig", spec["spare_rig"]],
        env={"HOME": spec["home"], "PATH": os.environ["PATH"], "NO_COLOR": "1", "GT_RUN_CMD": "sleep 600"},
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    until("box-2 live, 0 of 2 running", lambda: host_shown("box-2", "live", "0 of 2"), timeout=5)
    assert f"rig {spec['spare_rig']}" in host_row("box-2").text, host_row("box-2").text
    until("the summary of two live hosts", lambda: text_of("#hosts-summary") == "2 live")

    # Killed, it beats no more: the page says so, then a patrol finds it
    # silent past 3 s and the page shows it lost, first, with its
    # escalation, without a reload.
    second_host.kill()
    second_host.wait()
    log.close()
    # box-1's supervisor is frozen meanwhile: its agent runs on, unwatched.
    os.kill(spec["supervisor_pid"], signal.SIGSTOP)
    try:
        # Before any patrol, three missed beats (15 s) show a host silent,
        # not live, and the card of the agent it runs says so.
        until("box-2 silent", lambda: host_row("box-2").find_element(By.CSS_SELECTOR, ".status").text == "silent"
              and "late" in host_row("box-2").get_attribute("class"), timeout=25)
        assert host_shown("box-2", "live", "0 of 2"), "silent is not lost: only a patrol says that"
        until("box-1 silent too", lambda: text_of("#hosts-summary") == "2 silent", timeout=10)
        until("the runner's card says its host is silent", lambda: "box-1 is silent" in driver.find_element(
            By.CSS_SELECTOR, f'#agents [data-agent="{spec["runner"]}"]').text)
    finally:
        os.kill(spec["supervisor_pid"], signal.SIGCONT)
    until("box-1 beats again", lambda: text_of("#hosts-summary") == "1 live · 1 silent", timeout=10)
    until("the runner's card without it", lambda: "is silent" not in driver.find_element(
        By.CSS_SELECTOR, f'#agents [data-agent="{spec["runner"]}"]').text)
    # box-1 beats every 5 s: the patrol runs just after one of its beats, so
    # that box-1 is not silent past 3 s too.
    seen = hosts()["box-1"]["last_seen"]
    until("a beat of box-1", lambda: hosts()["box-1"]["last_seen"] != seen, timeout=8)
    gt("patrol", "--host-dead-after", "3s")
    town_hosts = hosts()
    assert (town_hosts["box-1"]["status"], town_hosts["box-2"]["status"]) == ("live", "lost"), town_hosts
    until("box-2 lost", lambda: host_shown("box-2", "lost", "0 of 2"), timeout=2)
    assert host_row("box-2").find_element(By.CSS_SELECTOR, ".attention").is_displayed(), "a lost host is not marked"
    assert driver.find_elements(By.CSS_SELECTOR, "#hosts li")[0].get_attribute("data-host") == "box-2", \
        "a lost host is not first"
    assert host_shown("box-1", "live", "1 of 1"), host_row("box-1").text
    until("the summary of one live host and one lost", lambda: text_of("#hosts-summary") == "1 live · 1 lost")
    until("the host_lost escalation", lambda: "host box-2 went silent" in text_of("#escalations")
          and "host lost" in text_of("#escalations"), timeout=2)
    assert driver.execute_script("return window.gtNotReloaded === true"), "the page reloaded"

    # A landing shows its notification.
    gt("bead", "update", spec["tiny_bead"], "--status", "closed")
    until("the landing notification", lambda: "Convoy “Tiny” landed" in text_of("#toasts"), timeout=3)

    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-1280.png"))

    # The README's pictures: the town at a glance, wide and on a phone.
    # A toast sits in the header, over no control.
    driver.execute_script("location.hash = '#/'")
    until("the town at a glance, Tiny landed", lambda: visible("#town-panel")
          and "Tiny · 1 bead · landed" in text_of("#town-body"), timeout=5)
    # The pictures show each list from its top, and no hover.
    driver.execute_script("for (const n of document.querySelectorAll('#agents, #feed, #inbox, #hosts')) n.scrollTop = 0")
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "town-name")).perform()
    for t in driver.find_elements(By.CSS_SELECTOR, ".toast"):
        box = t.rect
        hit = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return [...document.querySelectorAll('button, a, input, select, textarea')].filter((c) => {"
            "  if (arguments[0].contains(c) || c.closest('header')) return false;"
            "  const q = c.getBoundingClientRect();"
            "  return q.width && q.height && q.left < r.right && q.right > r.left && q.top < r.bottom && q.bottom > r.top; })"
            ".map((c) => c.outerHTML.slice(0, 80))", t)
        assert not hit, f"a toast at {box} covers {hit}"
    driver.set_window_size(1280, 1000)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(spec["docs"], "dashboard.png"))
    at_width(390, 844)
    driver.execute_script("window.scrollTo(0, 0)")
    no_sideways_scrolling()
    driver.save_screenshot(os.path.join(spec["docs"], "dashboard-390.png"))

    # No sideways scrolling at 360, 390 and 1280 px, the drawer inside the
    # window.
    for width in (360, 390, 1280):
        at_width(width)
        no_sideways_scrolling()
        driver.execute_script("location.hash = arguments[0]", "#/bead/" + spec["beads"][2])
        until("the drawer", lambda: visible("#drawer") and text_of("#drawer-title") == "Show sessions in the dashboard")
        no_sideways_scrolling()
        right = driver.execute_script("return document.getElementById('drawer').getBoundingClientRect().right")
        inner = driver.execute_script("return window.innerWidth")
        assert right <= inner, f"the drawer ends at {right}px in a {inner}px window"
        click("close the drawer", "#drawer-close")
        until("the drawer closed", lambda: not visible("#drawer"))

    # Dark mode, from the system's preference.
    light = background()
    dark(True)
    until("a dark page", lambda: sum(background()) < 120)
    assert sum(light) > 600, light
    driver.execute_script("location.hash = '#/'")
    until("the town at a glance", lambda: visible("#town-panel"))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-dark-1280.png"))
    accessible("the town at a glance, dark")
    at_width(390, 844)
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-dark-390.png"))
    at_width(1280)
    dark(False)
    until("a light page", lambda: sum(background()) > 600)

    # Force close, with its reason: it asks first, and Cancel changes nothing.
    driver.execute_script("location.hash = arguments[0]", "#/convoy/" + spec["convoy"])
    until("the convoy", lambda: visible("#convoy-panel") and text_of("#convoy-title") == "Sessions")
    if not driver.find_element(By.CSS_SELECTOR, ".convoy-settings").get_attribute("open"):
        click("the convoy's settings", ".convoy-settings summary")
    driver.find_element(By.ID, "close-reason").send_keys("done by hand")
    click("Force close", "#force-close")
    confirmation(["Sessions", "never land", "done by hand"], "cancel")
    time.sleep(0.5)
    assert gt("convoy", "status", spec["convoy"])["status"] == "active", "a cancelled close changed the town"
    click("Force close", "#force-close")
    confirmation(["Sessions"], "confirm")
    until("force-closed", lambda: gt("convoy", "status", spec["convoy"])["status"] == "closed")
    # Its toast undoes it: the convoy is active again, then closed for good.
    click("Undo", ".toast button.undo")
    until("reopened", lambda: gt("convoy", "status", spec["convoy"])["status"] == "active")
    click("Force close", "#force-close")
    confirmation(["Sessions"], "confirm")
    until("force-closed again", lambda: gt("convoy", "status", spec["convoy"])["status"] == "closed")

    # A convoy whose cap is full refuses a new polecat, says why, and offers
    # one more place.
    driver.get_log("browser")
    waiting = next(b for b in gt("bead", "list", "--convoy", spec["bulk"], "--limit", "1000")
                   if b["status"] == "open" and not b["assignee"])
    cap = gt("convoy", "status", spec["bulk"])["max_polecats"]
    driver.execute_script("location.hash = arguments[0]", "#/bead/" + waiting["id"])
    until("the waiting bead's drawer", lambda: visible("#drawer")
          and waiting["title"] in text_of("#drawer-title"))
    until("the reassign list", lambda: driver.execute_script(
        "return document.getElementById('reassign-to').options.length") >= 1)
    driver.execute_script("document.getElementById('reassign-to').value = '+new'")
    click("Reassign", "#reassign")
    said = until("the refusal with its way out", lambda: text_of(".toast.error"))
    assert "cap" in said and f"Raise the cap to {cap + 1}" in said, said
    click("Raise the cap", ".toast.error button.undo")
    until("the cap raised", lambda: gt("convoy", "status", spec["bulk"])["max_polecats"] == cap + 1)
    refusals = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert len(refusals) == 1 and "/reassign - " in refusals[0], refusals
    press(Keys.ESCAPE)

    # Phone width: no sideways scrolling.
    at_width(390, 844)
    driver.execute_script("window.scrollTo(0, 0)")
    no_sideways_scrolling()
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-390.png"))
    driver.execute_script("document.getElementById('hosts-panel').scrollIntoView()")
    no_sideways_scrolling()
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-hosts-390.png"))

    # The badge leads to the inbox; a message reads well at phone width.
    click("the badge", "#inbox-button")
    until("the inbox in view", lambda: driver.execute_script(
        "return document.getElementById('inbox-panel').getBoundingClientRect().top") < 100)
    click("the unread message", f'#inbox [data-mail="{pending["id"]}"] button')
    until("the message open", lambda: "Schema ready for review" in text_of("#mail-title"))
    until("the badge at its start", lambda: badge() == unread_before)
    no_sideways_scrolling()
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-mail-390.png"))

    # Big lists: past the agents the page holds, the panel gives the town's
    # own counts and reads the next page from the server; the feed reads
    # older events, joined to the ones it has with none lost or twice.
    at_width(1280)
    crowd_file = os.path.join(spec["home"], "crowd.json")
    with open(crowd_file, "w") as f:
        json.dump([{"title": f"Crowd task {i}"} for i in range(230)], f)
    gt("sling-batch", "--rig", "web", "--title", "Crowd", "--tasks-file", crowd_file)
    agents = gt("agent", "list")
    assert len(agents) > 200, len(agents)
    driver.get(spec["url"])
    until("the town's own counts", lambda: text_of("#agents-summary").endswith(f"the first 200 of {len(agents)} listed"))
    at_work = sum(a["status"] in ("working", "stalled") for a in agents)
    until("the town's tiles", lambda: tile("agents at work") == at_work
          and tile("idle agents") == sum(a["status"] == "idle" for a in agents))

    driver.execute_script("document.getElementById('agents-summary').scrollIntoView({block: 'center'})")
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-crowd-1280.png"))
    print("with a crowd:", text_of("#agents-summary"))

    def more_button():
        return driver.find_element(By.CSS_SELECTOR, "#agents-more button").text

    while not more_button().startswith("Read the next"):
        click("show more agents", "#agents-more button")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#agents [data-agent]")) == 200
    click("read the next agents", "#agents-more button")
    until("the next page drawn", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#agents [data-agent]")) > 200)
    while driver.find_elements(By.CSS_SELECTOR, "#agents-more button"):
        click("show more agents", "#agents-more button")
    cards = [c.get_attribute("data-agent") for c in driver.find_elements(By.CSS_SELECTOR, "#agents [data-agent]")]
    assert sorted(cards) == sorted(a["name"] for a in agents), "every agent once"
    assert "listed" not in text_of("#agents-summary"), text_of("#agents-summary")

    while not driver.find_element(By.CSS_SELECTOR, "#feed-more button").text.startswith("Read older"):
        click("show more events", "#feed-more button")
    click("read older events", "#feed-more button")
    until("older events drawn", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#feed [data-event]")) > 200)
    shown = [int(li.get_attribute("data-event")) for li in driver.find_elements(By.CSS_SELECTOR, "#feed [data-event]")]
    log = [e["id"] for e in gt("events", "--limit", str(len(shown)))]
    assert shown == log[::-1], "the feed, paged back, is the log's newest events, newest first"

    # A browser whose clock runs ten minutes fast reads box-1's beat as
    # seconds ago, as the server's clock (its answers' Date) has it.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "{ const real = Date.now; Date.now = () => real() + 600000; }"})
    driver.get(spec["url"])
    until("the page on a fast clock", lambda: driver.execute_script("return Date.now() - new Date().getTime()") > 599000)
    until("box-1's beat by the server's clock",
          lambda: beat_age("box-1") is not None and beat_age("box-1") <= 10, timeout=8)

    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    print("the dashboard did everything asked of it")
except BaseException:
    # What the page showed when it failed, for whoever reads the failure.
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-failed.png"))
    print("at", driver.current_url, "the page's text when it failed:\n"
          + driver.find_element(By.TAG_NAME, "body").text[:1500])
    raise
finally:
    if second_host and second_host.poll() is None:
        second_host.kill()
        second_host.wait()
    driver.quit()
