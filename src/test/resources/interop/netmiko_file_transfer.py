"""Netmiko's file_transfer() against an ioslab device, as upgrade automation uses it; prints one JSON object.

Usage: netmiko_file_transfer.py HOST PORT USER PASSWORD SECRET LOCAL_FILE DEST_NAME
"""
import json
import sys

from netmiko import ConnectHandler, file_transfer

host, port, user, password, secret, local_file, dest = sys.argv[1:8]
conn = ConnectHandler(device_type="cisco_ios", host=host, port=int(port), username=user, password=password,
                      secret=secret, timeout=20)
result = {}
try:
    conn.enable()
    result["scp_config"] = conn.send_config_set(["ip scp server enable"])
    first = file_transfer(conn, source_file=local_file, dest_file=dest, file_system="flash0:", direction="put",
                          overwrite_file=True)
    result["first"] = first
    again = file_transfer(conn, source_file=local_file, dest_file=dest, file_system="flash0:", direction="put",
                          overwrite_file=True)
    result["again"] = again
    result["dir"] = conn.send_command("dir flash0:/" + dest)
    result["md5"] = conn.send_command("verify /md5 flash0:/" + dest, delay_factor=4)
finally:
    conn.disconnect()
print(json.dumps(result, default=str))
