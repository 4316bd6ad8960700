package dev.ioslab.frontend.ssh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellSession;
import dev.ioslab.cli.Terminal;

/**
 * A CLI session that prints {@code <device>#}, echoes every byte, answers each line with a new prompt, closes the
 * terminal on {@code exit}, and records resizes and disconnects.
 */
final class FakeShellSession implements ShellSession {

    final SessionInfo info;
    final LinkedBlockingQueue<String> resizes = new LinkedBlockingQueue<>();
    final CountDownLatch disconnected = new CountDownLatch(1);
    final AtomicInteger concurrentCalls = new AtomicInteger();
    volatile boolean overlapSeen;
    private final String prompt;
    private final Terminal terminal;
    private final StringBuilder line = new StringBuilder();

    FakeShellSession(String device, SessionInfo info, Terminal terminal) {
        this.prompt = device + "#";
        this.info = info;
        this.terminal = terminal;
    }

    @Override
    public void start() {
        enter();
        terminal.write(prompt);
        leave();
    }

    @Override
    public void receive(byte[] data, int offset, int length) {
        enter();
        String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        for (char c : text.toCharArray()) {
            if (c == '\r' || c == '\n') {
                String typed = line.toString();
                line.setLength(0);
                if (typed.equals("exit")) {
                    terminal.write("exit\r\n");
                    terminal.close();
                } else if (!typed.isEmpty()) {
                    terminal.write(typed + "\r\n" + prompt);
                }
            } else {
                line.append(c);
            }
        }
        leave();
    }

    @Override
    public void resize(int columns, int rows) {
        enter();
        resizes.add(columns + "x" + rows);
        leave();
    }

    @Override
    public void disconnected() {
        enter();
        disconnected.countDown();
        leave();
    }

    boolean awaitDisconnected() throws InterruptedException {
        return disconnected.await(10, TimeUnit.SECONDS);
    }

    private void enter() {
        if (concurrentCalls.incrementAndGet() > 1) {
            overlapSeen = true;
        }
    }

    private void leave() {
        concurrentCalls.decrementAndGet();
    }
}
