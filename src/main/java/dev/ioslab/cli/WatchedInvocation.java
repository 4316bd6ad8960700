package dev.ioslab.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link Invocation} passed through unchanged that notices whether the command refused its input: an argument
 * rejected, or a line of output starting with {@code %} (IOS's complaints). Used to tell an accepted configuration
 * line from a refused one. Threading: that of the invocation it wraps.
 */
final class WatchedInvocation implements Invocation {

    private final Invocation invocation;
    private volatile boolean complained;

    WatchedInvocation(Invocation invocation) {
        this.invocation = invocation;
    }

    /** Whether the command rejected an argument or printed a {@code %} line. */
    boolean complained() {
        return complained;
    }

    private void watch(String text) {
        if (text.startsWith("%")) {
            complained = true;
        }
    }

    @Override
    public String line() {
        return invocation.line();
    }

    @Override
    public boolean isNo() {
        return invocation.isNo();
    }

    @Override
    public boolean has(String keyword) {
        return invocation.has(keyword);
    }

    @Override
    public String arg(String name) {
        return invocation.arg(name);
    }

    @Override
    public List<String> keywords() {
        return invocation.keywords();
    }

    @Override
    public long number(String name, long fallback) {
        return invocation.number(name, fallback);
    }

    @Override
    public void rejectArgument(String name) {
        complained = true;
        invocation.rejectArgument(name);
    }

    @Override
    public void println(String text) {
        watch(text);
        invocation.println(text);
    }

    @Override
    public void print(String text) {
        watch(text);
        invocation.print(text);
    }

    @Override
    public void stream(String text) {
        watch(text);
        invocation.stream(text);
    }

    @Override
    public void startLine() {
        invocation.startLine();
    }

    @Override
    public CompletableFuture<String> ask(String prompt) {
        return invocation.ask(prompt);
    }

    @Override
    public CompletableFuture<String> askSecret(String prompt) {
        return invocation.askSecret(prompt);
    }

    @Override
    public CompletableFuture<Boolean> confirm(String prompt) {
        return invocation.confirm(prompt);
    }

    @Override
    public void onAbort(Runnable action) {
        invocation.onAbort(action);
    }

    @Override
    public boolean isCancelled() {
        return invocation.isCancelled();
    }

    @Override
    public CliContext context() {
        return invocation.context();
    }
}
