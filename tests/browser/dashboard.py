"""Drives the gt dashboard in a real browser (Debian's chromium, through its
chromedriver and Selenium) while the `gt` command line changes the same town.

Usage: python dashboard.py SPEC.json
SPEC: {"url", "gt", "db", "convoy", "beads": [ids], "tiny_bead", "statuses",
       "escalation", "runner", "home", "spare_rig", "shots"}
Exits non-zero, saying what failed, when the page does not do what it should.
"""

import json
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
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
        driver.find_element(By.CSS_SELECTOR, css).click()
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
    driver.get(spec["url"])
    body = lambda: driver.find_element(By.TAG_NAME, "body").text  # noqa: E731
    until("the convoy at 0/4", lambda: "Sessions: 0/4" in body())

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

    # One message stays unread, about a bead, for the screenshots.
    pending = gt("mail", "send", "--to", "human", "--subject", "Schema ready for review",
                 "--bead", spec["beads"][0], actor=writer)["messages"][0]
    until("the second message", lambda: mail_row(pending["id"]).get_attribute("data-unread") == "true"
          and badge() == unread_before + 1, timeout=2)
    assert spec["beads"][0] in mail_row(pending["id"]).text

    # A close by the command line shows without a reload.
    gt("bead", "update", spec["beads"][0], "--status", "closed")
    until("the convoy at 1/4", lambda: "Sessions: 1/4" in body(), timeout=3)

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
    driver.find_element(By.XPATH, '//button[text()="Reassign to a new polecat"]').click()
    until("a new polecat", lambda: gt("bead", "show", spec["beads"][1])["assignee"] not in (None, before))
    until("the drawer names the new polecat", lambda: "Unhook agent" and
          gt("bead", "show", spec["beads"][1])["assignee"] in driver.find_element(By.ID, "drawer-meta").text)
    click("Unhook agent", 'button[aria-label="Unhook agent"]')
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
    click("Reassign", 'button[aria-label="Reassign"]')
    until("reassigned to the chosen agent", lambda: gt("bead", "show", spec["beads"][1])["assignee"] == target)
    click("close the drawer", 'button[aria-label="Close the bead"]')

    # Reset to idle on the agent's card.
    click("Reset to idle", f'[data-agent="{target}"] button[aria-label="Reset to idle"]')
    until("the agent idle and unhooked", lambda: (lambda a: a["status"] == "idle" and a["hook"] is None)(gt("agent", "show", target)))

    # Merge mode.
    Select(driver.find_element(By.CSS_SELECTOR, 'select[aria-label="Merge mode"]')).select_by_value("review-and-merge")
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

    # Killed, it beats no more; a patrol finds it silent past 3 s and the
    # page shows it lost, first, with its escalation, without a reload.
    second_host.kill()
    second_host.wait()
    log.close()
    time.sleep(4)
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
          and "host_lost" in text_of("#escalations"), timeout=2)
    assert driver.execute_script("return window.gtNotReloaded === true"), "the page reloaded"

    # A landing shows its notification.
    gt("bead", "update", spec["tiny_bead"], "--status", "closed")
    until("the landing notification", lambda: "Convoy 'Tiny' landed" in driver.find_element(By.ID, "toasts").text, timeout=3)

    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-1280.png"))

    # Force close, with its reason.
    driver.find_element(By.CSS_SELECTOR, 'input[aria-label="Reason"]').send_keys("done by hand")
    driver.find_element(By.XPATH, '//button[text()="Force close"]').click()
    until("force-closed", lambda: gt("convoy", "status", spec["convoy"])["status"] == "closed")

    # Phone width: no sideways scrolling.
    driver.set_window_size(390, 844)
    until("the phone width", lambda: driver.execute_script("return window.innerWidth") <= 390)
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

    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    print("the dashboard did everything asked of it")
finally:
    if second_host and second_host.poll() is None:
        second_host.kill()
        second_host.wait()
    driver.quit()
