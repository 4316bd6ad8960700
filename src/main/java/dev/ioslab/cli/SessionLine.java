package dev.ioslab.cli;

import dev.ioslab.device.LineTerminal;

/** How a device reaches the CLI session on one of its lines: broadcasts and hang-ups go to the session. */
record SessionLine(CliSession session) implements LineTerminal {

    @Override
    public void announce(String text) {
        session.announce(text);
    }

    @Override
    public void hangUp() {
        session.hangUp();
    }
}
