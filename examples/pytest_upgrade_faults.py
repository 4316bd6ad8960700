#!/usr/bin/env python3
"""Testing upgrade automation against the unhappy path, with ioslab's lab control API.

An upgrade script (transfer with `copy /verify`, `boot system`, save, reload, check `show version`) meets what
real routers do to it now and then: a transfer that times out, an image corrupted in flight, a reload that ends
in ROM monitor. Each test injects the fault through the control API, runs the script, asserts the script noticed,
checks what the device's event stream recorded, then removes the fault and shows the same step succeeds.

Run against a daemon started with the shipped configuration (`java -jar target/ioslab.jar`):

    python3 -m pytest -q examples/pytest_upgrade_faults.py

Needs pytest and Netmiko (Debian: python3-pytest, python3-netmiko); the control API is called with the standard
library only. Environment: IOSLAB_API (default http://127.0.0.1:2280/api/v1), IOSLAB_HOST (127.0.0.1),
IOSLAB_PORT (2203, the device r3), IOSLAB_DEVICE (r3), IOSLAB_SERVER (ftp://127.0.0.1:2121).
"""
import json
import os
import socket
import time
import urllib.request
from dataclasses import dataclass

import pytest
from netmiko import ConnectHandler

API = os.environ.get("IOSLAB_API", "http://127.0.0.1:2280/api/v1")
HOST = os.environ.get("IOSLAB_HOST", "127.0.0.1")
PORT = int(os.environ.get("IOSLAB_PORT", "2203"))
DEVICE = os.environ.get("IOSLAB_DEVICE", "r3")
SERVER = os.environ.get("IOSLAB_SERVER", "ftp://127.0.0.1:2121")
IMAGE = "c3900-universalk9-mz.SSA.159-3.M2.bin"
VERSION = "15.9(3)M2"


# ---- the automation under test: what a team's upgrade script does ------------------------------------------------

@dataclass
class Outcome:
    ok: bool
    stage: str
    output: str


def connect():
    return ConnectHandler(device_type="cisco_ios", host=HOST, port=PORT, username="admin", password="admin",
                          secret="cisco", timeout=30)


def transfer(conn, image=IMAGE, timeout=180):
    output = conn.send_command_timing(f"copy /verify {SERVER}/{image} flash0:")
    if "Destination filename" in output:
        output += conn.send_command_timing("\n")
    if "over write" in output:
        output += conn.send_command_timing("\n")
    deadline = time.time() + timeout
    while ("successfully verified" not in output and "%Error" not in output and "%ERROR" not in output
           and time.time() < deadline):
        output += conn.send_command_timing("", delay_factor=2)
    return output


def wait_for_ios(timeout=90):
    """True once the device takes a login and answers as IOS; False when it stays unreachable or in ROM monitor."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection((HOST, PORT), timeout=2):
                pass
            conn = connect()
            conn.disconnect()
            return True
        except Exception:  # refused, reset, or a login the device does not take (ROM monitor)
            time.sleep(1)
    return False


def upgrade(image=IMAGE, version=VERSION, reload_timeout=60):
    conn = connect()
    conn.enable()
    output = transfer(conn, image)
    if "successfully verified" not in output:
        conn.disconnect()
        return Outcome(False, "transfer", output)
    conn.send_config_set([f"boot system flash0:{image}"])
    conn.save_config()
    reply = conn.send_command_timing("reload")
    if "Save?" in reply:
        reply += conn.send_command_timing("no")
    try:
        conn.send_command_timing("\n")
    except (OSError, EOFError):
        pass
    conn.disconnect()
    time.sleep(2)
    if not wait_for_ios(reload_timeout):
        return Outcome(False, "reload", "the router did not come back running IOS")
    conn = connect()
    shown = conn.send_command("show version")
    conn.disconnect()
    if f"Version {version}," not in shown or image not in shown:
        return Outcome(False, "version", shown)
    return Outcome(True, "done", shown)


# ---- the lab control API ------------------------------------------------------------------------------------------

def api(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(API + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    token = os.environ.get("IOSLAB_TOKEN")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def events_since(seq):
    return api("GET", f"/devices/{DEVICE}/events?since={seq}")["events"]


def last_seq():
    return api("GET", f"/devices/{DEVICE}/events?since=0")["next"]


def flash_files():
    conn = connect()
    listing = conn.send_command("dir flash0:")
    conn.disconnect()
    return listing


@pytest.fixture(autouse=True)
def clean_device():
    api("POST", "/reset")
    wait_for_ios()
    conn = connect()
    conn.enable()
    conn.send_command_timing(f"delete /force flash0:{IMAGE}")
    conn.send_config_set(["no boot system"])
    conn.save_config()
    conn.disconnect()
    yield
    api("POST", "/reset")


# ---- the tests ----------------------------------------------------------------------------------------------------

def test_a_transfer_that_times_out_stops_the_upgrade():
    since = last_seq()
    fault = api("POST", f"/devices/{DEVICE}/faults", {"kind": "transfer", "type": "fail", "reason": "timed-out"})

    outcome = upgrade()

    assert not outcome.ok and outcome.stage == "transfer"
    assert "%Error" in outcome.output and "timed out" in outcome.output.lower()
    assert IMAGE not in flash_files()
    seen = events_since(since)
    assert any(e["type"] == "fault-fired" and e["faultId"] == fault["id"] for e in seen)
    assert any(e["type"] == "transfer" and e["result"] != "ok" for e in seen)

    api("POST", "/reset")
    conn = connect()
    conn.enable()
    assert "successfully verified" in transfer(conn)
    conn.disconnect()


def test_an_image_corrupted_in_flight_is_caught_by_verify():
    since = last_seq()
    api("POST", f"/devices/{DEVICE}/faults", {"kind": "transfer", "type": "corrupt-byte-at", "offset": 100})

    outcome = upgrade()

    assert not outcome.ok and outcome.stage == "transfer"
    assert "successfully verified" not in outcome.output
    seen = events_since(since)
    assert any(e["type"] == "verification" and e["result"] != "ok" for e in seen)
    conn = connect()
    assert IMAGE not in conn.send_command("show running-config | include boot system")
    conn.disconnect()


def test_a_reload_that_ends_in_rom_monitor_is_noticed():
    since = last_seq()
    api("POST", f"/devices/{DEVICE}/faults", {"kind": "boot", "type": "fail-verification"})

    outcome = upgrade(reload_timeout=20)

    assert not outcome.ok and outcome.stage == "reload"
    device = api("GET", f"/devices/{DEVICE}")
    assert device["state"] == "rommon"
    assert any(e["type"] == "reload" for e in events_since(since))

    api("POST", "/reset")
    api("POST", f"/devices/{DEVICE}/power-cycle", {})
    assert wait_for_ios()
    assert api("GET", f"/devices/{DEVICE}")["state"] == "running"
