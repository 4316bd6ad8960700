"""An upgrade script's transfer step against an ioslab device: `copy ftp://... flash0:` answered with
send_command_timing, as Netmiko users write it, then `verify /md5`; prints one JSON object.

Usage: netmiko_ftp_copy.py HOST PORT USER PASSWORD SECRET FTP_URL DEST_NAME
"""
import json
import sys
import time

from netmiko import ConnectHandler

host, port, user, password, secret, url, dest = sys.argv[1:8]
conn = ConnectHandler(device_type="cisco_ios", host=host, port=int(port), username=user, password=password,
                      secret=secret, timeout=20)
result = {}
try:
    conn.enable()
    output = conn.send_command_timing("copy " + url + " flash0:")
    if "Destination filename" in output:
        output += conn.send_command_timing("\n")
    if "over write" in output:
        output += conn.send_command_timing("\n")
    deadline = time.time() + 120
    while "bytes copied" not in output and "%Error" not in output and time.time() < deadline:
        output += conn.send_command_timing("", delay_factor=2)
    result["copy"] = output
    result["md5"] = conn.send_command("verify /md5 flash0:" + dest, delay_factor=4)
finally:
    conn.disconnect()
print(json.dumps(result, default=str))
