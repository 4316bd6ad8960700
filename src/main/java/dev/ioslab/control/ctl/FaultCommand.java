package dev.ioslab.control.ctl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code ioslab ctl fault add|list|rm}: injects, lists and removes faults through the control API. {@code add} turns
 * its options into the fault's JSON document ({@code --bytes-per-second} becomes {@code bytesPerSecond}, the match
 * options go under {@code match}); the API checks the values and names a bad one. Threading: as {@link CtlCommand}.
 */
@CommandLine.Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Injects, lists and removes faults.")
public final class FaultCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private CtlCommand ctl;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage, exit status 2. */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.usage(cl.getErr());
        return ApiClient.UNREACHABLE;
    }

    @CommandLine.Command(name = "add", description = "Injects a fault: KIND (transfer|flash|session|boot) and TYPE.")
    int add(@CommandLine.Parameters(index = "0", paramLabel = "NAME") String name,
            @CommandLine.Parameters(index = "1", paramLabel = "KIND") String kind,
            @CommandLine.Parameters(index = "2", paramLabel = "TYPE") String type,
            @CommandLine.Mixin FaultOptions options) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("kind", kind);
        fault.put("type", type);
        fault.putAll(options.parameters());
        return ctl.client().call("POST", "/devices/" + CtlCommand.segment(name) + "/faults", fault);
    }

    @CommandLine.Command(name = "list", description = "Lists the faults of one device, or of every device.")
    int list(@CommandLine.Parameters(arity = "0..1", paramLabel = "NAME") String name) {
        return ctl.client().call("GET", name == null ? "/faults" : "/devices/" + CtlCommand.segment(name) + "/faults",
                null);
    }

    @CommandLine.Command(name = "rm", description = "Removes a fault by id.")
    int rm(@CommandLine.Parameters(paramLabel = "ID") String id) {
        return ctl.client().call("DELETE", "/faults/" + CtlCommand.segment(id), null);
    }

    /** The options of {@code fault add}; only those given go into the document. */
    public static final class FaultOptions {
        @CommandLine.Option(names = "--reason", description = "transfer fail: timed-out, connection-refused, "
                + "permission-denied, no-such-file, login-failed")
        String reason;
        @CommandLine.Option(names = "--bytes", description = "byte count (stall-, truncate-, write-error-after-bytes, "
                + "full)")
        Long bytes;
        @CommandLine.Option(names = "--offset", description = "corrupt-byte-at: the byte to change")
        Long offset;
        @CommandLine.Option(names = "--bytes-per-second", description = "bandwidth")
        Long bytesPerSecond;
        @CommandLine.Option(names = "--ms", description = "latency, output-latency")
        Long ms;
        @CommandLine.Option(names = "--seconds", description = "boot-time")
        Long seconds;
        @CommandLine.Option(names = "--count", description = "how often it fires (default 1)")
        Integer count;
        @CommandLine.Option(names = "--until-removed", description = "fires until removed")
        boolean untilRemoved;
        @CommandLine.Option(names = "--probability", description = "chance 0..1 that it fires (default 1)")
        Double probability;
        @CommandLine.Option(names = "--url", description = "match: URL glob such as 'ftp://*/images/*'")
        String url;
        @CommandLine.Option(names = "--file-system", description = "match: file system such as flash0:")
        String fileSystem;
        @CommandLine.Option(names = "--protocol", description = "match: ftp, tftp or scp")
        String protocol;

        Map<String, Object> parameters() {
            Map<String, Object> out = new LinkedHashMap<>();
            put(out, "reason", reason);
            put(out, "bytes", bytes);
            put(out, "offset", offset);
            put(out, "bytesPerSecond", bytesPerSecond);
            put(out, "ms", ms);
            put(out, "seconds", seconds);
            put(out, "count", count);
            if (untilRemoved) {
                out.put("untilRemoved", true);
            }
            put(out, "probability", probability);
            Map<String, Object> match = new LinkedHashMap<>();
            put(match, "url", url);
            put(match, "fileSystem", fileSystem);
            put(match, "protocol", protocol);
            if (!match.isEmpty()) {
                out.put("match", match);
            }
            return out;
        }

        private static void put(Map<String, Object> map, String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }
}
