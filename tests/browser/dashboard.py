"""Drives the gt dashboard in a real browser (Debian's chromium, through its
chromedriver and Selenium) while the `gt` command line changes the same town.

Usage: python dashboard.py SPEC.json
SPEC: {"url", "gt", "db", "convoy", "beads": [ids], "tiny_bead", "statuses",
       "escalation", "shots"}
Exits non-zero, saying what failed, when the page does not do what it should.
"""

import json
import os
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

spec = json.load(open(sys.argv[1]))


def gt(*args):
    out = subprocess.run(
        [spec["gt"], "--db", spec["db"], "--actor", "browser-test", "--json", *args],
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


options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("GT_CHROMIUM", "/usr/bin/chromium")
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
            "--disable-dev-shm-usage"]:
    options.add_argument(arg)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
service = Service(executable_path=os.environ.get("GT_CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(service=service, options=options)
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
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    inner = driver.execute_script("return window.innerWidth")
    assert width <= inner, f"the page is {width}px wide in a {inner}px window"
    driver.save_screenshot(os.path.join(spec["shots"], "dashboard-390.png"))

    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    print("the dashboard did everything asked of it")
finally:
    driver.quit()
