package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * Global lines that every ISR G2 configuration carries at their one supported value ({@code version 15.7},
 * {@code service timestamps ...}, {@code ip cef}, the boot markers, {@code license udi ...}). They are accepted so
 * that a saved configuration replays without errors, and change nothing because the emulator has no other value
 * for them.
 */
public final class PlatformDefaultsCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("version WORD")
                .syntax("service timestamps (debug|log) datetime msec")
                .syntax("ip cef")
                .syntax("no ipv6 cef")
                .syntax("multilink bundle-name authenticated")
                .syntax("license udi pid WORD:pid sn WORD:sn")
                .syntax("redundancy")
                .syntax("no aaa new-model")
                .syntax("ip forward-protocol nd")
                .syntax("no ip http server")
                .syntax("no ip http secure-server")
                .syntax("control-plane")
                .syntax("scheduler allocate <3000-60000>:interval <1000-8000>:time")
                .syntax("boot-start-marker")
                .syntax("boot-end-marker")
                .help("version", "Version")
                .help("service", "Modify use of network based services")
                .help("timestamps", "Timestamp debug/log messages")
                .help("cef", "Cisco Express Forwarding")
                .help("boot-start-marker", "")
                .help("boot-end-marker", "")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        // Nothing to change: these settings have a single value on the emulated platform (see class comment).
    }
}
