package dev.ioslab.cli;

import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.device.LineState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * IOS's idle timeouts for one session, both read afresh from the session's own line at every check so a change
 * applies at once: {@code exec-timeout} against the time the EXEC has waited for input, that is since the last
 * input or the last prompt, whichever came later ({@code 0 0} means never), and {@code session-timeout M} against
 * the same, or against the last input, prompt or output with {@code output} (0 means never). When either has run
 * out the session is asked to log out; a session busy with a command declines and is checked again later, and once
 * the command has ended its prompt starts the wait afresh (a 15-minute {@code copy} under the default 10-minute
 * timeout is not followed by a logout a second after it). With neither configured the watch stops.
 *
 * <p>Threading: checks run on the shared timer; {@link #stop()} may be called from any thread.
 */
final class ExecTimeoutWatch {

    /** How soon a session that was busy at its deadline is checked again. */
    private static final Duration BUSY_RECHECK = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer;
    private final Device device;
    private final ActiveLine line;
    private final Supplier<Instant> lastOutput;
    private final Supplier<Instant> lastPrompt;
    private final BooleanSupplier logOut;
    private ScheduledFuture<?> check;
    private boolean stopped;

    /**
     * @param lastOutput when the session last wrote to its terminal
     * @param lastPrompt when the session last showed its prompt
     * @param logOut ends the session and returns true, or returns false while the session is busy
     */
    ExecTimeoutWatch(ScheduledExecutorService timer, Device device, ActiveLine line, Supplier<Instant> lastOutput,
                     Supplier<Instant> lastPrompt, BooleanSupplier logOut) {
        this.timer = timer;
        this.device = device;
        this.line = line;
        this.lastOutput = lastOutput;
        this.lastPrompt = lastPrompt;
        this.logOut = logOut;
    }

    void start() {
        deadline().ifPresent(d -> schedule(Duration.between(device.clock().instant(), d)));
    }

    synchronized void stop() {
        stopped = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    /** When the session times out as things stand, or empty when neither timeout is configured. */
    private Optional<Instant> deadline() {
        LineState vty = device.config().vtySettings(line.vty());
        Duration exec = Duration.ofMinutes(vty.execTimeoutMinutes()).plusSeconds(vty.execTimeoutSeconds());
        Duration session = Duration.ofMinutes(vty.sessionTimeoutMinutes());
        Instant prompted = lastPrompt.get();
        Instant input = prompted.isAfter(line.lastInput()) ? prompted : line.lastInput();
        Optional<Instant> execDeadline = exec.isZero() ? Optional.empty() : Optional.of(input.plus(exec));
        if (session.isZero()) {
            return execDeadline;
        }
        Instant output = lastOutput.get();
        Instant activity = vty.sessionTimeoutOutput() && output.isAfter(input) ? output : input;
        Instant sessionDeadline = activity.plus(session);
        return Optional.of(execDeadline.filter(e -> e.isBefore(sessionDeadline)).orElse(sessionDeadline));
    }

    private synchronized void schedule(Duration after) {
        if (timer != null && !stopped) {
            check = timer.schedule(this::check, Math.max(after.toMillis(), 0), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        Optional<Instant> deadline = deadline();
        if (deadline.isEmpty()) {
            return;
        }
        Instant now = device.clock().instant();
        if (now.isBefore(deadline.get())) {
            schedule(Duration.between(now, deadline.get()));
        } else if (!logOut.getAsBoolean()) {
            // Busy with a command: IOS logs the session out once the command has finished and the line is idle.
            schedule(BUSY_RECHECK);
        }
    }
}
