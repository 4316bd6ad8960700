"""Drives one ioslab device with Netmiko the way automation does; prints one JSON object.

Usage: netmiko_session.py DEVICE_TYPE HOST PORT USER PASSWORD SECRET
"""
import json
import sys

from netmiko import ConnectHandler

device_type, host, port, user, password, secret = sys.argv[1:7]
result = {}
conn = ConnectHandler(device_type=device_type, host=host, port=int(port), username=user,
                      password=password, secret=secret, timeout=20, global_delay_factor=0.5)
try:
    result["prompt_before_enable"] = conn.find_prompt()
    conn.enable()
    result["prompt"] = conn.find_prompt()
    result["version"] = conn.send_command("show version")
    result["parsed_version"] = conn.send_command("show version", use_textfsm=True)
    result["config"] = conn.send_config_set(["ip domain name lab.example", "interface GigabitEthernet0/1",
                                             "description set by netmiko", "ip address 192.0.2.1 255.255.255.0",
                                             "no shutdown"])
    result["prompt_after_config"] = conn.find_prompt()
    result["save"] = conn.save_config()
    result["brief"] = conn.send_command("show ip interface brief")
    result["running"] = conn.send_command("show running-config | section interface GigabitEthernet0/1")
    result["startup"] = conn.send_command("show startup-config | include domain")
finally:
    conn.disconnect()
print(json.dumps(result, default=str))
