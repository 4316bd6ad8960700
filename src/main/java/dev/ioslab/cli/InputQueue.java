package dev.ioslab.cli;

/**
 * Bytes typed ahead while a command runs, consumed in order by the next prompt or question (Ansible sends the
 * answer to {@code Destination filename []?} before the question appears). Bounded: beyond the capacity input is
 * refused, as a real terminal line's buffer would. Not thread-safe; the session's lock guards it.
 */
final class InputQueue {

    private final int capacity;
    private byte[] buf = new byte[256];
    private int head;
    private int size;

    InputQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Appends bytes; returns how many did not fit. */
    int offer(byte[] data, int offset, int length) {
        int accepted = Math.min(length, capacity - size);
        ensure(size + accepted);
        for (int i = 0; i < accepted; i++) {
            buf[(head + size + i) % buf.length] = data[offset + i];
        }
        size += accepted;
        return length - accepted;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int poll() {
        int b = buf[head] & 0xff;
        head = (head + 1) % buf.length;
        size--;
        return b;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void ensure(int needed) {
        if (needed <= buf.length) {
            return;
        }
        int n = buf.length;
        while (n < needed) {
            n *= 2;
        }
        byte[] grown = new byte[n];
        for (int i = 0; i < size; i++) {
            grown[i] = buf[(head + i) % buf.length];
        }
        buf = grown;
        head = 0;
    }
}
