"""Netmiko against an ioslab device whose host disk is full: file_transfer, then a save; prints one JSON object.

Usage: netmiko_full_disk.py HOST PORT USER PASSWORD SECRET LOCAL_FILE DEST_NAME FILLER

FILLER is a path on the device's host disk: the script fills that disk to the last byte after a first save, tries
the transfer and a second save, then removes FILLER and saves once more.
"""
import errno
import json
import os
import sys

from netmiko import ConnectHandler, file_transfer

host, port, user, password, secret, local_file, dest, filler = sys.argv[1:9]


def fill(path):
    chunk = b"\0" * 65536
    with open(path, "wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError as e:
            if e.errno != errno.ENOSPC:
                raise
    # The last partial chunk may leave a few bytes: take them too.
    with open(path, "ab", buffering=0) as out:
        try:
            while True:
                out.write(b"\0")
        except OSError as e:
            if e.errno != errno.ENOSPC:
                raise


conn = ConnectHandler(device_type="cisco_ios", host=host, port=int(port), username=user, password=password,
                      secret=secret, timeout=20)
result = {}
try:
    conn.enable()
    conn.send_config_set(["ip scp server enable"])
    result["first_save"] = conn.send_command("write memory")
    conn.send_config_set(["ip domain name full-disk.example"])
    fill(filler)
    try:
        result["transfer"] = file_transfer(conn, source_file=local_file, dest_file=dest, file_system="flash0:",
                                           direction="put", overwrite_file=True)
    except Exception as e:  # Netmiko raises ValueError (or an SCP error) when the device cannot take the file
        result["transfer_error"] = type(e).__name__ + ": " + str(e)
    result["dir"] = conn.send_command("dir flash0:")
    result["full_save"] = conn.send_command("write memory")
    result["startup_after_full_save"] = conn.send_command("show startup-config")
    os.remove(filler)
    result["save_with_room"] = conn.send_command("write memory")
    result["startup_with_room"] = conn.send_command("show startup-config")
finally:
    conn.disconnect()
print(json.dumps(result, default=str))
