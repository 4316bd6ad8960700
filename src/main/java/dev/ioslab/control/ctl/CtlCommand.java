package dev.ioslab.control.ctl;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code ioslab ctl}: the lab control API for shell users: devices and their lifecycle, faults, events. Prints the
 * API's JSON; exit status 0 done, 1 the API refused the call (its error printed), 2 a usage error or an API that
 * cannot be reached. Threading: picocli runs one subcommand on the caller's thread.
 */
@CommandLine.Command(name = "ctl", mixinStandardHelpOptions = true,
        description = "Drives the lab control API of a running ioslab daemon.",
        subcommands = {FaultCommand.class})
public final class CtlCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--url", defaultValue = "http://127.0.0.1:2280", paramLabel = "URL",
            description = "the daemon's control API (default: ${DEFAULT-VALUE})")
    private URI url;

    @CommandLine.Option(names = "--token", defaultValue = "${env:IOSLAB_TOKEN}", paramLabel = "TOKEN",
            description = "bearer token (default: the environment variable IOSLAB_TOKEN)")
    private String token;

    /** A client for this invocation, printing where picocli prints. */
    ApiClient client() {
        return new ApiClient(url, Optional.ofNullable(token), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Without a subcommand: the usage, exit status 2. */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.usage(cl.getErr());
        return ApiClient.UNREACHABLE;
    }

    @CommandLine.Command(name = "devices", description = "Lists the devices: state, addresses, image, sessions.")
    int devices() {
        return client().call("GET", "/devices", null);
    }

    @CommandLine.Command(name = "device", description = "Shows one device with flash usage, keys and faults.")
    int device(@CommandLine.Parameters(paramLabel = "NAME") String name) {
        return client().call("GET", "/devices/" + segment(name), null);
    }

    @CommandLine.Command(name = "reload", description = "Reloads a device as 'reload' does (no save).")
    int reload(@CommandLine.Parameters(paramLabel = "NAME") String name,
               @CommandLine.Option(names = "--reason", description = "Last reload reason (default: Reload Command)")
               String reason) {
        return client().call("POST", "/devices/" + segment(name) + "/reload",
                reason == null ? Map.of() : Map.of("reason", reason));
    }

    @CommandLine.Command(name = "power-cycle", description = "Power-cycles a device (no save; reason power-on).")
    int powerCycle(@CommandLine.Parameters(paramLabel = "NAME") String name) {
        return lifecycle(name, "power-cycle");
    }

    @CommandLine.Command(name = "stop", description = "Powers a device off: unreachable until started.")
    int stop(@CommandLine.Parameters(paramLabel = "NAME") String name) {
        return lifecycle(name, "stop");
    }

    @CommandLine.Command(name = "start", description = "Powers a stopped device on.")
    int start(@CommandLine.Parameters(paramLabel = "NAME") String name) {
        return lifecycle(name, "start");
    }

    @CommandLine.Command(name = "reset-device", description = "Puts a device back to its factory state and boots it.")
    int resetDevice(@CommandLine.Parameters(paramLabel = "NAME") String name) {
        return lifecycle(name, "reset");
    }

    @CommandLine.Command(name = "reset", description = "Removes every fault on every device.")
    int reset() {
        return client().call("POST", "/reset", null);
    }

    @CommandLine.Command(name = "events", description = "Shows a device's events, or follows them (Ctrl-C ends).")
    int events(@CommandLine.Parameters(paramLabel = "NAME") String name,
               @CommandLine.Option(names = "--since", paramLabel = "SEQ", description = "only events after SEQ")
               Long since,
               @CommandLine.Option(names = "--follow", description = "stream events as they happen") boolean follow) {
        if (since != null && since < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since must not be negative");
        }
        StringBuilder path = new StringBuilder("/devices/").append(segment(name)).append("/events");
        String separator = "?";
        if (since != null) {
            path.append(separator).append("since=").append(since);
            separator = "&";
        }
        if (follow) {
            path.append(separator).append("follow=true");
            return client().follow(path.toString());
        }
        return client().call("GET", path.toString(), null);
    }

    private int lifecycle(String name, String action) {
        return client().call("POST", "/devices/" + segment(name) + "/" + action, null);
    }

    /** A path segment, percent-encoded (a device name never needs it, but a typo must not change the path). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
