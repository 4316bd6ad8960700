package dev.ioslab.daemon;

import dev.ioslab.config.ConfigException;
import dev.ioslab.config.ConfigLoader;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.control.ctl.CtlCommand;
import dev.ioslab.image.tool.CheckCommand;
import dev.ioslab.image.tool.KeygenCommand;
import dev.ioslab.image.tool.SignCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * {@code java -jar ioslab.jar [--shard K/N] [config]}: loads the configuration (default {@code conf/ioslab.yaml}),
 * keeps the devices of one shard when asked ({@link Shard}), starts the rack,
 * prints how to log in, and runs until SIGTERM or SIGINT. Exit status 2 for a configuration or bind error. The
 * subcommands {@code keygen}, {@code sign} and {@code check} are the lab's image signing tool; {@code ctl} drives the
 * control API of a running daemon.
 */
@CommandLine.Command(name = "ioslab", mixinStandardHelpOptions = true, version = "ioslab 0.1",
        description = "Hosts a rack of virtual Cisco-IOS-like routers.",
        subcommands = {KeygenCommand.class, SignCommand.class, CheckCommand.class, CtlCommand.class})
public final class Main implements Callable<Integer> {

    static final int EXIT_CONFIG = 2;
    /** Above this many endpoints only the first and the last are printed. */
    private static final int MAX_LISTED = 40;

    @CommandLine.Parameters(index = "0", arity = "0..1", defaultValue = "conf/ioslab.yaml",
            description = "configuration file (default: ${DEFAULT-VALUE})")
    private Path configFile;

    @CommandLine.Option(names = "--shard", paramLabel = "K/N", converter = Shard.Converter.class,
            description = "host only the K-th of N disjoint slices of the rack's devices (K from 0, e.g. a pod's "
                    + "ordinal); the same configuration file serves every shard (default: 0/1, all devices)")
    private Shard shard = Shard.ALL;

    /** The shard this command line asks for (a test seam for the deployment manifests). */
    Shard shard() {
        return shard;
    }

    /** The configuration file this command line names. */
    Path configFile() {
        return configFile;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        IoslabConfig config;
        try {
            config = shard.apply(new ConfigLoader().load(configFile));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return EXIT_CONFIG;
        }
        LogSetup.apply(config.daemon().logConfig());
        Path base = Path.of("").toAbsolutePath();
        Daemon daemon = new Daemon(config, base, Clock.systemUTC());
        try {
            daemon.start();
        } catch (IOException | RuntimeException e) {
            System.err.println("ioslab: cannot start: " + e.getMessage());
            return EXIT_CONFIG;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "ioslab-shutdown"));
        System.out.println("ioslab is up: " + daemon.devices().size() + " devices"
                + (shard.count() == 1 ? "." : " (shard " + shard + ")."));
        List<Daemon.Listener> listeners = daemon.listeners();
        if (listeners.size() > MAX_LISTED) {
            Daemon.Listener first = listeners.get(0);
            Daemon.Listener last = listeners.get(listeners.size() - 1);
            System.out.println("  " + first.device() + " " + first.protocol() + " " + first.address().getAddress()
                    .getHostAddress() + ":" + first.address().getPort() + " … " + last.device() + " "
                    + last.protocol() + " " + last.address().getAddress().getHostAddress() + ":"
                    + last.address().getPort() + " (" + listeners.size() + " endpoints)");
            listeners = List.of();
        }
        for (Daemon.Listener l : listeners) {
            String host = l.address().getAddress().getHostAddress();
            int port = l.address().getPort();
            System.out.println("  " + l.device() + "  " + l.protocol() + ":  " + (l.protocol().equals("ssh")
                    ? "ssh -p " + port + " <user>@" + host : "telnet " + host + " " + port));
        }
        for (Daemon.Listener l : daemon.repositoryListeners()) {
            System.out.println("  image repository  " + l.protocol() + "://" + l.address().getAddress().getHostAddress()
                    + ":" + l.address().getPort() + "/");
        }
        daemon.controlAddress().ifPresent(a -> {
            String host = a.getAddress().getHostAddress();
            String url = "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
            System.out.println("  control API  " + url + "/api/v1/devices  (java -jar ioslab.jar ctl "
                    + (url.equals("http://127.0.0.1:2280") ? "" : "--url " + url + " ") + "devices)");
        });
        System.out.println("Log in with the users of " + configFile
                + (Files.exists(configFile) ? "" : " (missing)") + "; the shipped file has admin/admin,"
                + " enable secret cisco. Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }
}
