package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellSession;
import dev.ioslab.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records what the front end feeds it. {@link #start()} prints the prompt {@code \r\nR1>}; each received chunk is
 * recorded, and the text {@code exit} followed by CR closes the terminal. Thread-safe.
 */
final class FakeShellSession implements ShellSession {

    static final String PROMPT = "\r\nR1>";

    private final SessionInfo info;
    private final Terminal terminal;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch disconnected = new CountDownLatch(1);
    private volatile int disconnects;

    FakeShellSession(SessionInfo info, Terminal terminal) {
        this.info = info;
        this.terminal = terminal;
    }

    SessionInfo info() {
        return info;
    }

    Terminal terminal() {
        return terminal;
    }

    /** start, receive, resize and disconnected calls in order, e.g. {@code resize 80x24}. */
    List<String> calls() {
        return calls;
    }

    synchronized byte[] receivedBytes() {
        return received.toByteArray();
    }

    String receivedText() {
        return new String(receivedBytes(), StandardCharsets.ISO_8859_1);
    }

    int disconnects() {
        return disconnects;
    }

    /** Waits until the front end has called {@link #disconnected()}; returns how often it was called. */
    int awaitDisconnects(Duration timeout) throws InterruptedException {
        if (!disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("shell session was never told it is disconnected");
        }
        return disconnects;
    }

    @Override
    public void start() {
        calls.add("start");
        terminal.write(PROMPT);
    }

    @Override
    public void receive(byte[] data, int offset, int length) {
        calls.add("receive");
        String text;
        synchronized (this) {
            received.write(data, offset, length);
            text = received.toString(StandardCharsets.ISO_8859_1);
        }
        if (text.endsWith("exit\r")) {
            terminal.write("\r\n");
            terminal.close();
        }
    }

    @Override
    public void resize(int columns, int rows) {
        calls.add("resize " + columns + "x" + rows);
    }

    @Override
    public void disconnected() {
        calls.add("disconnected");
        disconnects++;
        disconnected.countDown();
    }
}
