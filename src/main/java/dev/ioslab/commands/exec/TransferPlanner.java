package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Credential;
import dev.ioslab.device.Device;
import dev.ioslab.device.InterfaceState;
import dev.ioslab.device.RunningConfig;
import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.FtpCredentialRule;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Turns a URL typed on a device into a {@link TransferRequest}, as the device's configuration says: the host through
 * {@code ip host}, else the system resolver when {@code ip domain lookup} is on; the FTP login by IOS's rule
 * ({@link FtpCredentialRule}); the local address from {@code ip ftp|tftp source-interface} when the host owns that
 * interface's address, else the device's own listener address when it can reach the server; {@code ip ftp passive}
 * and {@code ip tftp blocksize}.
 *
 * <p>Threading: name resolution may block and runs on the file-I/O executor; everything else reads the running
 * configuration under its own lock.
 */
final class TransferPlanner {

    /** A request and the interface IOS names in {@code Loading x from 10.1.1.1 (via GigabitEthernet0/0)}. */
    record Plan(TransferRequest request, String viaInterface) {
    }

    private final Executor resolver;
    private final TransferSettings base;

    TransferPlanner(Executor resolver, TransferSettings base) {
        this.resolver = resolver;
        this.base = base;
    }

    CompletableFuture<Plan> plan(Invocation inv, RemoteUrl url) {
        Device device = inv.context().device();
        RunningConfig config = device.config();
        String host = url.host().orElseThrow();
        return resolve(config, host).thenApply(address -> {
            InetSocketAddress server = new InetSocketAddress(address, url.effectivePort());
            String sourceInterface = url.scheme() == UrlScheme.FTP ? config.ftpSourceInterface()
                    : config.tftpSourceInterface();
            Optional<Credentials> login = url.scheme() == UrlScheme.FTP
                    ? Optional.of(FtpCredentialRule.resolve(url, Optional.ofNullable(config.ftpUsername()),
                            Optional.ofNullable(config.ftpPassword()).map(Credential::plain), inv.context().info()
                                    .user(), config.hostname(), Optional.ofNullable(config.domainName())))
                    : Optional.empty();
            Integer blockSize = config.tftpBlocksize();
            TransferSettings settings = base.withPassive(config.ftpPassive())
                    .withBlockSize(blockSize == null ? TransferSettings.DEFAULT_BLOCK_SIZE : blockSize);
            TransferRequest request = new TransferRequest(device.name(), url, server,
                    localAddress(device, sourceInterface, address), login, settings);
            return new Plan(request, via(config, sourceInterface, address));
        });
    }

    private CompletableFuture<InetAddress> resolve(RunningConfig config, String host) {
        if (host.indexOf(':') >= 0 || isIpv4Literal(host)) {
            return CompletableFuture.supplyAsync(() -> literal(host), Runnable::run);
        }
        // Host names know no case (RFC 4343): ip host FtpServer answers for ftpserver.
        Optional<String> configured = config.hosts().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(host) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0)).findFirst();
        if (configured.isPresent()) {
            return CompletableFuture.supplyAsync(() -> literal(configured.get()), Runnable::run);
        }
        if (!config.domainLookup()) {
            return CompletableFuture.failedFuture(unknown(host, null));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(unknown(host, e));
            }
        }, resolver);
    }

    /** A dotted quad InetAddress parses without asking a resolver (each part 0..255). */
    private static boolean isIpv4Literal(String host) {
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An address literal: InetAddress parses it without asking any resolver. */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new CompletionException(unknown(text, e));
        }
    }

    private static TransferException unknown(String host, Throwable cause) {
        TransferException e = new TransferException(TransferError.UNKNOWN_HOST, false, "cannot resolve " + host);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /**
     * The source-interface's address when this host owns it; else the device's own address when it is on the same
     * side of loopback as the server (a device on 127.0.0.1 cannot reach a server elsewhere from that address).
     */
    private static Optional<InetAddress> localAddress(Device device, String sourceInterface, InetAddress server) {
        if (sourceInterface != null) {
            Optional<InetAddress> owned = device.config().existingInterface(sourceInterface)
                    .map(InterfaceState::address).flatMap(TransferPlanner::hostOwned);
            if (owned.isPresent()) {
                return owned;
            }
        }
        return device.ownAddress().filter(own -> own.isLoopbackAddress() == server.isLoopbackAddress()
                && own.getClass() == server.getClass());
    }

    private static Optional<InetAddress> hostOwned(String address) {
        if (address == null) {
            return Optional.empty();
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null ? Optional.of(a)
                    : Optional.empty();
        } catch (UnknownHostException | SocketException e) {
            return Optional.empty();
        }
    }

    /**
     * The interface IOS would send from: the source-interface; else the interface whose subnet holds the server;
     * else the first interface that is up and addressed; else the first interface.
     */
    private static String via(RunningConfig config, String sourceInterface, InetAddress server) {
        if (sourceInterface != null) {
            return sourceInterface;
        }
        List<InterfaceState> interfaces = config.interfaces();
        return interfaces.stream().filter(i -> i.address() != null && sameSubnet(i, server)).findFirst()
                .or(() -> interfaces.stream().filter(i -> i.address() != null && !i.shutdown()).findFirst())
                .or(() -> interfaces.stream().findFirst())
                .map(InterfaceState::name).orElse("GigabitEthernet0/0");
    }

    private static boolean sameSubnet(InterfaceState i, InetAddress server) {
        byte[] s = server.getAddress();
        if (i.mask() == null || s.length != 4 || !isIpv4Literal(i.address()) || !isIpv4Literal(i.mask())) {
            return false;
        }
        byte[] a = literal(i.address()).getAddress();
        byte[] m = literal(i.mask()).getAddress();
        for (int k = 0; k < 4; k++) {
            if ((a[k] & m[k]) != (s[k] & m[k])) {
                return false;
            }
        }
        return true;
    }
}
