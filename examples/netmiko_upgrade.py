#!/usr/bin/env python3
"""A software upgrade as network automation writes it, run unchanged against an ioslab device.

Transfer the image (copy /verify over FTP, answering IOS's questions), check the signature result, point
`boot system` at it, save, reload, wait for the router to come back, and check `show version`.

    python3 examples/netmiko_upgrade.py --host 127.0.0.1 --port 2201 \\
        --image c3900-universalk9-mz.SSA.159-3.M2.bin --server ftp://127.0.0.1:2121 --version '15.9(3)M2'

Needs Netmiko (Debian: python3-netmiko). Exits 0 when the router runs the new version, 1 otherwise.
"""
import argparse
import socket
import sys
import time

from netmiko import ConnectHandler


def connect(args):
    return ConnectHandler(device_type="cisco_ios", host=args.host, port=args.port, username=args.username,
                          password=args.password, secret=args.secret, timeout=30)


def transfer(conn, args):
    output = conn.send_command_timing(f"copy /verify {args.server}/{args.image} flash0:")
    if "Destination filename" in output:
        output += conn.send_command_timing("\n")
    if "over write" in output:
        output += conn.send_command_timing("\n")
    deadline = time.time() + args.transfer_timeout
    while ("successfully verified" not in output and "%Error" not in output and "%ERROR" not in output
           and time.time() < deadline):
        output += conn.send_command_timing("", delay_factor=2)
    return output


def wait_for_port(host, port, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection((host, port), timeout=2):
                return True
        except OSError:
            time.sleep(1)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2201)
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--secret", default="cisco")
    parser.add_argument("--server", default="ftp://127.0.0.1:2121", help="where the image is, without the file")
    parser.add_argument("--image", default="c3900-universalk9-mz.SSA.159-3.M2.bin")
    parser.add_argument("--version", default="15.9(3)M2", help="the version the image runs")
    parser.add_argument("--transfer-timeout", type=int, default=300)
    parser.add_argument("--reload-timeout", type=int, default=120)
    args = parser.parse_args()

    conn = connect(args)
    conn.enable()
    print(f"before: {conn.send_command('show version | include Version').splitlines()[0]}")
    output = transfer(conn, args)
    if "successfully verified" not in output:
        print("transfer or verification failed:\n" + output)
        return 1
    print("transferred and verified")
    conn.send_config_set([f"boot system flash0:{args.image}"])
    print(conn.save_config())
    reload = conn.send_command_timing("reload")
    if "Save?" in reload:
        reload += conn.send_command_timing("no")
    if "[confirm]" in reload:
        try:
            conn.send_command_timing("\n")
        except (OSError, EOFError):
            pass
    conn.disconnect()
    time.sleep(2)
    if not wait_for_port(args.host, args.port, args.reload_timeout):
        print("the router did not come back")
        return 1
    for _ in range(10):
        try:
            conn = connect(args)
            break
        except Exception:  # the listener may accept before the device takes logins again
            time.sleep(1)
    version = conn.send_command("show version")
    conn.disconnect()
    running = [line for line in version.splitlines() if "System image file" in line or "Version" in line]
    print("after: " + " | ".join(running[:2]))
    if f"Version {args.version}," in version and args.image in version:
        print("upgrade done")
        return 0
    print("the router does not run the new image")
    return 1


if __name__ == "__main__":
    sys.exit(main())
