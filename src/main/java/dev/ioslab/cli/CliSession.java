package dev.ioslab.cli;

import dev.ioslab.cli.edit.EditorEvent;
import dev.ioslab.cli.edit.History;
import dev.ioslab.cli.edit.Key;
import dev.ioslab.cli.edit.KeyDecoder;
import dev.ioslab.cli.edit.LineEditor;
import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.device.LineState;
import dev.ioslab.fs.FsPath;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IOS shell session: decodes keys, edits lines, parses and runs commands, asks their questions, filters and
 * pages their output, and keeps type-ahead for the next prompt.
 *
 * <p>Threading: every entry point takes the session's monitor, so input from the front end's I/O thread and
 * completions of asynchronous commands from other threads are applied one at a time and in order. Nothing under
 * the monitor blocks; a running command's future releases the session when it completes.
 */
public final class CliSession implements ShellSession, CliContext {

    private static final Logger LOG = LoggerFactory.getLogger(CliSession.class);
    /** Longest command line accepted; IOS caps input lines, and so must we to keep memory bounded. */
    static final int MAX_LINE = 4096;
    private static final int TYPE_AHEAD_BYTES = 1 << 20;

    private enum State { NEW, EDITING, RUNNING, ASKING, CONFIRMING, PAGING, CLOSED }

    private final Device device;
    private final CommandCatalog catalog;
    private final Terminal terminal;
    private final SessionOutput screen;
    private final Pager pager;
    private final ContextHelp help;
    private final SessionInfo info;
    private final KeyDecoder decoder = new KeyDecoder();
    private final History history = new History(History.DEFAULT_SIZE);
    private final LineEditor editor;
    private final InputQueue input = new InputQueue(TYPE_AHEAD_BYTES);

    private State state = State.NEW;
    private int privilege;
    private CliMode mode = CliMode.EXEC;
    private Object modeTarget;
    private int terminalLength;
    private int terminalWidth;
    private boolean monitor;
    private boolean logoutRequested;
    private boolean pumping;
    private boolean awaitingDrain;
    private ActiveLine line;
    private CompletableFuture<String> pendingAnswer;
    private CompletableFuture<Boolean> pendingConfirm;
    private CompletableFuture<Integer> oneShot;
    private boolean lastFailed;
    private final ScheduledExecutorService idleTimer;
    private ExecTimeoutWatch idleWatch;
    /** When the prompt last appeared: the EXEC waits for input from there (read by the idle watch's thread). */
    private volatile Instant prompted = Instant.EPOCH;
    private FsPath currentDirectory;
    private RunningInvocation running;

    public CliSession(Device device, CommandCatalog catalog, SessionInfo info, Terminal terminal) {
        this(device, catalog, info, terminal, null);
    }

    /**
     * A session that logs itself out after the line's {@code exec-timeout} of idleness (IOS default 10 minutes),
     * checked on {@code idleTimer}; null disables the check.
     */
    public CliSession(Device device, CommandCatalog catalog, SessionInfo info, Terminal terminal,
                      ScheduledExecutorService idleTimer) {
        this.idleTimer = idleTimer;
        this.device = device;
        this.catalog = catalog;
        this.info = info;
        this.terminal = terminal;
        this.privilege = info.privilege();
        // IOS's default screen length; start() applies the session's own line's "length", exec runs use none.
        this.terminalLength = 24;
        this.terminalWidth = info.columns() > 0 ? Math.min(info.columns(), 512) : 80;
        this.screen = new SessionOutput(terminal, device.clock());
        this.pager = new Pager(screen);
        this.help = new ContextHelp(catalog);
        this.editor = new LineEditor(this::write, history, MAX_LINE);
    }

    // ---- ShellSession -------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (state != State.NEW) {
            return;
        }
        line = device.lines().occupy(info.user(), info.remote(), new SessionLine(this));
        // Length and starting privilege come from the session's own line: "line vty 1 / length 0" is vty 1's only.
        LineState own = device.config().vtySettings(line.vty());
        terminalLength = own.length() != null ? own.length() : 24;
        privilege = own.sessionPrivilege(privilege);
        String banner = device.config().bannerMotd();
        screen.begin();
        try {
            if (banner != null) {
                write("\r\n" + banner.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n");
            }
            write("\r\n");
            prompt();
        } finally {
            screen.end();
        }
        idleWatch = new ExecTimeoutWatch(idleTimer, device, line, screen::lastOutput, () -> prompted, this::idleLogout);
        idleWatch.start();
    }

    /** IOS: a session idle for the exec-timeout is disconnected, even in the middle of a question. */
    private synchronized boolean idleLogout() {
        if (state == State.RUNNING) {
            return false;
        }
        if (state != State.CLOSED) {
            LOG.info("{}: session of {} idle, logged out (line timeout)", device.name(), info.user());
            write("\r\n");
            screen.close();
            disconnected();
        }
        return true;
    }

    @Override
    public synchronized void receive(byte[] data, int offset, int length) {
        if (state == State.CLOSED) {
            return;
        }
        if (line != null) {
            line.touch(device.clock().instant());
        }
        if (state == State.RUNNING && running != null && running.abortAction != null) {
            int abortKey = KeyDecoder.indexOfInterrupt(data, offset, length);
            if (abortKey >= 0) {
                // The abort key stops the command; what was typed around it stays type-ahead.
                input.offer(data, offset, abortKey - offset);
                running.abort();
                receive(data, abortKey + 1, offset + length - abortKey - 1);
                return;
            }
        }
        int dropped = input.offer(data, offset, length);
        if (dropped > 0) {
            LOG.debug("{}: type-ahead buffer full, {} bytes refused", device.name(), dropped);
        }
        pumpAsOneUnit();
    }

    /** Writes a device broadcast (IOS's shutdown banners) between the session's own output. */
    synchronized void announce(String text) {
        if (state != State.CLOSED) {
            write(text);
        }
    }

    /** Ends the session from the device's side (a reload): the terminal closes and the line is freed. */
    synchronized void hangUp() {
        if (state != State.CLOSED) {
            screen.close();
            disconnected();
        }
    }

    @Override
    public synchronized void resize(int columns, int rows) {
        if (columns > 0) {
            terminalWidth = Math.min(columns, 512);
        }
    }

    @Override
    public synchronized void disconnected() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        input.clear();
        if (idleWatch != null) {
            idleWatch.stop();
        }
        if (pendingAnswer != null) {
            pendingAnswer.completeExceptionally(new CancellationException("session closed"));
        }
        if (pendingConfirm != null) {
            pendingConfirm.completeExceptionally(new CancellationException("session closed"));
        }
        if (running != null) {
            running.abort();
        }
        if (line != null) {
            device.closeLine(line);
        }
        LOG.debug("{}: session of {} closed", device.name(), info.user());
    }

    /**
     * Runs one command line without prompts, as an SSH exec channel does. Completes with 0, or 1 when the line
     * could not be parsed or the command failed.
     */
    public synchronized CompletableFuture<Integer> runOnce(String commandLine) {
        oneShot = new CompletableFuture<>();
        // Cancelled when the caller's channel has gone: the run ends as a dropped session does.
        oneShot.exceptionally(cancelled -> {
            disconnected();
            return null;
        });
        terminalLength = 0;
        line = device.lines().occupy(info.user(), info.remote(), new SessionLine(this));
        privilege = device.config().vtySettings(line.vty()).sessionPrivilege(privilege);
        state = State.RUNNING;
        runLine(commandLine);
        return oneShot;
    }

    /**
     * Replays configuration text (a startup-config) through the parser in global configuration mode, exactly as
     * if it had been typed, so multi-line commands such as banners read their following lines. Returns whatever
     * the parser printed, which is empty when every line was accepted... apart from prompts.
     */
    public synchronized void replay(String configText) {
        terminalLength = 0;
        mode = CliMode.CONFIG;
        prompt();
        byte[] bytes = configText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        input.offer(bytes, 0, bytes.length);
        pump();
    }

    // ---- input pump ------------------------------------------------------------------------------------------

    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!input.isEmpty() && acceptsInput()) {
                if (state == State.EDITING && terminal.backlogged()) {
                    // The peer is not reading: start nothing new until its output drains (memory stays bounded).
                    if (!awaitingDrain) {
                        awaitingDrain = true;
                        terminal.whenDrained(this::drained);
                    }
                    if (awaitingDrain) {
                        return;
                    }
                    // It drained meanwhile and the callback ran at once, in here, where it could not pump.
                }
                Key key = decoder.feed(input.poll());
                if (key != null) {
                    dispatch(key);
                }
            }
        } finally {
            pumping = false;
        }
    }

    private synchronized void drained() {
        awaitingDrain = false;
        pumpAsOneUnit();
    }

    /** Handles what is queued with its echo, outputs and prompts leaving as one write. */
    private void pumpAsOneUnit() {
        screen.begin();
        try {
            pump();
        } finally {
            screen.end();
        }
    }

    private boolean acceptsInput() {
        return state == State.EDITING || state == State.ASKING || state == State.CONFIRMING
                || state == State.PAGING;
    }

    private void dispatch(Key key) {
        switch (state) {
            case EDITING -> onEditing(editor.handle(key));
            case ASKING -> onAnswer(key);
            case CONFIRMING -> onConfirm(key);
            case PAGING -> onMore(key);
            default -> {
            }
        }
    }

    private void onEditing(EditorEvent event) {
        if (event == null) {
            return;
        }
        screen.atLineStart(true);
        if (event instanceof EditorEvent.Enter enter) {
            state = State.RUNNING;
            runLine(enter.line());
        } else if (event instanceof EditorEvent.Help help) {
            showHelp(help.beforeCursor());
        } else if (event instanceof EditorEvent.Complete complete) {
            Optional<String> suffix = completion(complete.beforeCursor());
            if (suffix.isPresent()) {
                editor.insert(suffix.get());
            } else {
                editor.bell();
            }
        } else {
            // Ctrl-C and Ctrl-Z both abandon the line; in configuration modes they return to exec mode.
            if (mode.isConfig()) {
                enterMode(CliMode.EXEC, null);
            }
            prompt();
        }
    }

    private void onAnswer(Key key) {
        EditorEvent event = editor.handle(key);
        if (event instanceof EditorEvent.Enter enter) {
            state = State.RUNNING;
            CompletableFuture<String> answer = pendingAnswer;
            pendingAnswer = null;
            answer.complete(enter.line());
        } else if (event instanceof EditorEvent.Help) {
            editor.redraw();
        } else if (event instanceof EditorEvent.Interrupt || event instanceof EditorEvent.EndConfig) {
            state = State.RUNNING;
            CompletableFuture<String> answer = pendingAnswer;
            pendingAnswer = null;
            answer.completeExceptionally(new CancellationException("interrupted"));
        }
    }

    private void onConfirm(Key key) {
        boolean yes;
        if (key == Key.Control.ENTER) {
            write("\r\n");
            yes = true;
        } else if (key instanceof Key.Printable p) {
            write(String.valueOf(p.c()));
            yes = p.c() == 'y' || p.c() == 'Y';
            if (!yes) {
                write("\r\n");
            }
        } else {
            write("\r\n");
            yes = false;
        }
        state = State.RUNNING;
        CompletableFuture<Boolean> answer = pendingConfirm;
        pendingConfirm = null;
        answer.complete(yes);
    }

    private void onMore(Key key) {
        if (pager.onKey(key, terminalLength)) {
            endCommand();
        }
    }

    // ---- running a line --------------------------------------------------------------------------------------

    private void runLine(String text) {
        String lineText = text.strip();
        if (lineText.isEmpty() || mode.isConfig() && lineText.startsWith("!")) {
            endCommand();
            return;
        }
        LineTarget target = LineTarget.resolve(catalog, mode, privilege, lineText);
        ParseResult result = target.result();
        PublishingCommand.rejected(this, lineText, target);
        if (result instanceof ParseResult.Matched m) {
            execute(target, m, Token.leadingSpaces(text));
        } else if (result instanceof ParseResult.Incomplete) {
            fail("% Incomplete command.\r\n\r\n");
        } else if (result instanceof ParseResult.Ambiguous) {
            fail(ContextHelp.ambiguous(lineText));
        } else if (result instanceof ParseResult.Invalid inv) {
            if (isHostLookup(target, lineText)) {
                fail("Translating \"" + lineText + "\"...domain server (255.255.255.255)\r\n"
                        + "% Unknown command or computer name, or unable to find computer address\r\n");
            } else {
                caretError(target.offset() + inv.column() + Token.leadingSpaces(text));
            }
        } else {
            endCommand();
        }
    }

    private boolean isHostLookup(LineTarget target, String lineText) {
        // Any single unknown word, even one whose first letters match a command ("ls" vs "logout"), is taken
        // for a host name to telnet to (reference §2.1, RAW "router#ls").
        return target.mode() == CliMode.EXEC && mode == CliMode.EXEC && target.offset() == 0
                && Token.split(lineText).size() == 1 && device.config().domainLookup();
    }

    private void caretError(int column) {
        write(invalidInput(column) + "\r\n");
        lastFailed = true;
        endCommand();
    }

    private String invalidInput(int column) {
        return ContextHelp.invalidInput(promptText(), column);
    }

    private void fail(String message) {
        write(message);
        lastFailed = true;
        endCommand();
    }

    private void execute(LineTarget target, ParseResult.Matched m, int leadingColumn) {
        OutputFilter filter = null;
        if (m.pipe() != null) {
            OutputFilter.Parsed parsed = OutputFilter.parse(m.pipe());
            if (parsed instanceof OutputFilter.Parsed.Invalid invalid) {
                caretError(target.offset() + leadingColumn + m.filterColumn() + invalid.column());
                return;
            }
            if (parsed instanceof OutputFilter.Parsed.Incomplete) {
                fail("% Incomplete command.\r\n\r\n");
                return;
            }
            filter = ((OutputFilter.Parsed.Ok) parsed).filter();
        }
        if (target.mode() != mode && target.mode().isConfig()) {
            enterMode(target.mode(), null);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} runs '{}'", device.name(), info.user(), String.join(" ", m.keywords()));
        }
        RunningInvocation invocation = new RunningInvocation(m, filter, target.offset() + leadingColumn);
        running = invocation;
        CompletableFuture<Void> done;
        try {
            done = m.command().execute(invocation);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((v, error) -> finishCommand(invocation, error));
    }

    private synchronized void finishCommand(RunningInvocation invocation, Throwable error) {
        invocation.finished = true;
        if (running == invocation) {
            running = null;
        }
        if (state == State.CLOSED) {
            return;
        }
        // The output, the next prompt and any type-ahead's echo leave together.
        screen.begin();
        try {
            showResult(invocation, error);
        } finally {
            screen.end();
        }
    }

    private void showResult(RunningInvocation invocation, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause != null && !(cause instanceof CancellationException)) {
            LOG.warn("{}: command '{}' failed", device.name(), String.join(" ", invocation.match.keywords()), cause);
            invocation.out.println("%Error: " + cause.getClass().getSimpleName());
            lastFailed = true;
        }
        if (invocation.rejectedColumn != null) {
            caretError(invocation.rejectedColumn);
            return;
        }
        List<String> lines = invocation.out.takeLines();
        if (invocation.filter != null) {
            lines = invocation.filter.apply(lines);
        }
        state = State.RUNNING;
        if (pager.show(lines, oneShot == null ? terminalLength : 0)) {
            state = State.PAGING;
            pump();
            return;
        }
        write(invocation.out.takePartialLine());
        endCommand();
    }

    private void endCommand() {
        if (state == State.CLOSED) {
            return;
        }
        if (oneShot != null) {
            state = State.CLOSED;
            if (line != null) {
                device.closeLine(line);
            }
            // Everything the command printed is out before the exec channel hears it is done and closes.
            screen.flush();
            oneShot.complete(lastFailed ? 1 : 0);
            return;
        }
        if (logoutRequested) {
            screen.close();
            disconnected();
            return;
        }
        prompt();
        pump();
    }

    private void prompt() {
        if (!screen.atLineStart()) {
            write("\r\n");
        }
        lastFailed = false;
        state = State.EDITING;
        prompted = device.clock().instant();
        editor.begin(promptText(), true);
    }

    private String promptText() {
        return mode.prompt(device.config().hostname(), privilege);
    }

    private void showHelp(String beforeCursor) {
        write(help.render(mode, privilege, promptText(), beforeCursor));
        editor.redraw();
    }

    private Optional<String> completion(String beforeCursor) {
        return catalog.tree(mode).complete(beforeCursor, privilege);
    }

    // ---- output ------------------------------------------------------------------------------------------------

    private void write(String text) {
        if (state != State.CLOSED || oneShot != null) {
            screen.write(text);
        }
    }

    private void writeLines(List<String> lines) {
        if (state != State.CLOSED || oneShot != null) {
            screen.writeLines(lines);
        }
    }

    // ---- CliContext --------------------------------------------------------------------------------------------

    @Override
    public Device device() {
        return device;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public synchronized int privilege() {
        return privilege;
    }

    @Override
    public synchronized void setPrivilege(int level) {
        this.privilege = level;
    }

    @Override
    public synchronized CliMode mode() {
        return mode;
    }

    @Override
    public synchronized Object modeTarget() {
        return modeTarget;
    }

    @Override
    public synchronized void enterMode(CliMode newMode, Object target) {
        this.mode = newMode;
        this.modeTarget = target;
    }

    @Override
    public synchronized int terminalLength() {
        return terminalLength;
    }

    @Override
    public synchronized void setTerminalLength(int lines) {
        this.terminalLength = lines;
    }

    @Override
    public synchronized int terminalWidth() {
        return terminalWidth;
    }

    @Override
    public synchronized void setTerminalWidth(int columns) {
        this.terminalWidth = columns;
    }

    @Override
    public synchronized boolean terminalMonitor() {
        return monitor;
    }

    @Override
    public synchronized void setTerminalMonitor(boolean on) {
        this.monitor = on;
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public int vty() {
        return line == null ? 0 : line.vty();
    }

    @Override
    public synchronized void logout() {
        logoutRequested = true;
    }

    @Override
    public synchronized FsPath currentDirectory() {
        return currentDirectory;
    }

    @Override
    public synchronized void setCurrentDirectory(FsPath directory) {
        this.currentDirectory = directory;
    }

    @Override
    public CommandCatalog catalog() {
        return catalog;
    }

    /** The invocation of the command currently running: buffered output and questions routed to this session. */
    private final class RunningInvocation implements Invocation {
        private final ParseResult.Matched match;
        private final OutputFilter filter;
        private final CommandOutput out = new CommandOutput();
        private final int column;
        private boolean finished;
        private boolean aborted;
        private Runnable abortAction;
        private Integer rejectedColumn;

        RunningInvocation(ParseResult.Matched match, OutputFilter filter, int column) {
            this.match = match;
            this.filter = filter;
            this.column = column;
        }

        @Override
        public void rejectArgument(String name) {
            synchronized (CliSession.this) {
                Integer at = match.argColumns().get(name);
                rejectedColumn = column + (at == null ? 0 : at);
            }
        }

        @Override
        public String line() {
            return match.text();
        }

        @Override
        public boolean isNo() {
            return !match.keywords().isEmpty() && match.keywords().get(0).equals("no");
        }

        @Override
        public boolean has(String keyword) {
            return match.keywords().contains(keyword);
        }

        @Override
        public String arg(String name) {
            return match.args().get(name);
        }

        @Override
        public List<String> keywords() {
            return match.keywords();
        }

        @Override
        public void println(String text) {
            synchronized (CliSession.this) {
                out.println(text);
            }
        }

        @Override
        public void print(String text) {
            synchronized (CliSession.this) {
                out.print(text);
            }
        }

        @Override
        public void stream(String text) {
            synchronized (CliSession.this) {
                flushBuffered();
                write(text.replace("\r\n", "\n").replace("\n", "\r\n"));
            }
        }

        /** Output before a question or a progress mark is shown unfiltered and unpaged, as IOS shows it. */
        private void flushBuffered() {
            writeLines(out.takeLines());
            write(out.takePartialLine());
        }

        @Override
        public void startLine() {
            synchronized (CliSession.this) {
                flushBuffered();
                if (!screen.atLineStart()) {
                    write("\r\n");
                }
            }
        }

        @Override
        public CompletableFuture<String> ask(String prompt) {
            return question(prompt, true);
        }

        @Override
        public CompletableFuture<String> askSecret(String prompt) {
            return question(prompt, false);
        }

        private CompletableFuture<String> question(String prompt, boolean echo) {
            synchronized (CliSession.this) {
                Optional<CancellationException> refused = refuseQuestion(prompt);
                if (refused.isPresent()) {
                    return CompletableFuture.failedFuture(refused.get());
                }
                pendingAnswer = new CompletableFuture<>();
                CompletableFuture<String> answer = pendingAnswer;
                state = State.ASKING;
                editor.begin(prompt, echo);
                screen.atLineStart(false);
                pump();
                return answer;
            }
        }

        @Override
        public CompletableFuture<Boolean> confirm(String prompt) {
            synchronized (CliSession.this) {
                Optional<CancellationException> refused = refuseQuestion(prompt);
                if (refused.isPresent()) {
                    return CompletableFuture.failedFuture(refused.get());
                }
                pendingConfirm = new CompletableFuture<>();
                CompletableFuture<Boolean> answer = pendingConfirm;
                state = State.CONFIRMING;
                write(prompt);
                pump();
                return answer;
            }
        }

        /**
         * Shows what the command printed so far, then says why no question can be asked now: the session is gone,
         * or it is an exec channel with no terminal to answer from (like a client that closed its input).
         */
        private Optional<CancellationException> refuseQuestion(String prompt) {
            if (state == State.CLOSED || finished) {
                return Optional.of(new CancellationException("session closed"));
            }
            flushBuffered();
            if (oneShot != null && input.isEmpty()) {
                write(prompt + "\r\n");
                return Optional.of(new CancellationException("no input on an exec channel"));
            }
            return Optional.empty();
        }

        @Override
        public boolean isCancelled() {
            synchronized (CliSession.this) {
                return state == State.CLOSED || aborted;
            }
        }

        @Override
        public void onAbort(Runnable action) {
            boolean now;
            synchronized (CliSession.this) {
                now = aborted || state == State.CLOSED;
                if (!now) {
                    abortAction = action;
                }
            }
            if (now) {
                action.run();
            }
        }

        /** Runs the abort action once; the caller holds the session's monitor. */
        void abort() {
            aborted = true;
            Runnable action = abortAction;
            abortAction = null;
            if (action != null) {
                action.run();
            }
        }

        @Override
        public CliContext context() {
            return CliSession.this;
        }
    }
}
