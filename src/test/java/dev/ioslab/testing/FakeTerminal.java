package dev.ioslab.testing;

import dev.ioslab.cli.Terminal;

/** A terminal that records everything a session writes, for transcript tests. Thread-safe. */
public final class FakeTerminal implements Terminal {

    private final StringBuilder out = new StringBuilder();
    private boolean closed;
    private int writes;
    private boolean backlogged;
    private final java.util.List<Runnable> drained = new java.util.ArrayList<>();

    @Override
    public synchronized void write(String text) {
        writes++;
        out.append(text);
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    @Override
    public synchronized boolean backlogged() {
        return backlogged;
    }

    @Override
    public void whenDrained(Runnable action) {
        synchronized (this) {
            if (backlogged) {
                drained.add(action);
                return;
            }
        }
        action.run();
    }

    /** Pretends the peer stopped reading (true) or caught up (false, which runs the drain callbacks). */
    public void setBacklogged(boolean on) {
        java.util.List<Runnable> ready;
        synchronized (this) {
            backlogged = on;
            if (on) {
                return;
            }
            ready = new java.util.ArrayList<>(drained);
            drained.clear();
        }
        ready.forEach(Runnable::run);
    }

    /** How many times the session wrote (each write is one send on a real transport). */
    public synchronized int writes() {
        return writes;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Everything written so far. */
    public synchronized String output() {
        return out.toString();
    }

    /** Everything written since the last call, then forgets it. */
    public synchronized String take() {
        String s = out.toString();
        out.setLength(0);
        return s;
    }

    /** Waits (bounded) until the output contains {@code text}; for commands that complete on other threads. */
    public synchronized String awaitContains(String text, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!out.toString().contains(text)) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + text + " in:\n" + out);
            }
            wait(left);
        }
        return out.toString();
    }
}
