import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Benchmark client (not part of the build): measures the wall time of whole SSH sessions (TCP connect, key exchange,
 * authentication, one exec channel running {@code command}, read to EOF, close), {@code concurrency} sessions started
 * at once, {@code rounds} times. Session i goes to port {@code basePort + (i % ports)}, so one port per device of a
 * rack, or a single port for OpenSSH's sshd.
 *
 * <pre>
 * java -cp 'target/ioslab.jar:target/lib/*' bench/SshLatency.java \
 *      --label ioslab --host 127.0.0.1 --port 20001 --ports 200 --user admin --password admin \
 *      --command "show version" --expect "Cisco IOS Software" --concurrency 50 --rounds 2 [--warmup 5] [--dump FILE]
 * java ... --key /tmp/id_ecdsa ...     (public-key authentication instead of a password)
 * java ... --host 127.1.0.1 --hosts 100000 --port 2222 ...   (shared listeners: each session to a random one of
 *                                                             100,000 addresses counting up from --host)
 * </pre>
 *
 * Prints one line {@code RESULT label=… concurrency=… n=… ok=… errors=… p50_ms=… p95_ms=… max_ms=…
 * mean_ms=…}.
 * Exit status 0 even when sessions fail: the error count is part of the result.
 */
public final class SshLatency {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private String label = "ssh";
    private String host = "127.0.0.1";
    private int port = 22;
    private int ports = 1;
    private int hosts = 1;
    private final java.util.Random random = new java.util.Random(42);
    private String user = "admin";
    private String password;
    private Path keyFile;
    private String command = "show version";
    private String expect;
    private int concurrency = 1;
    private int rounds = 1;
    private int warmup = 5;
    private Path dump;

    private KeyPair key;

    public static void main(String[] args) throws Exception {
        SshLatency bench = new SshLatency();
        bench.parse(args);
        bench.run();
    }

    private void parse(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--label" -> label = v;
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--ports" -> ports = Integer.parseInt(v);
                case "--hosts" -> hosts = Integer.parseInt(v);
                case "--user" -> user = v;
                case "--password" -> password = v;
                case "--key" -> keyFile = Path.of(v);
                case "--command" -> command = v;
                case "--expect" -> expect = v;
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--dump" -> dump = Path.of(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if ((password == null) == (keyFile == null)) {
            throw new IllegalArgumentException("give exactly one of --password and --key");
        }
        if (keyFile != null) {
            try (InputStream in = Files.newInputStream(keyFile)) {
                Iterator<KeyPair> it = SecurityUtils.loadKeyPairIdentities(null, new PathResource(keyFile), in, null)
                        .iterator();
                key = it.next();
            }
        }
    }

    private void run() throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, remote, serverKey) -> true);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(key == null ? List.of(UserAuthPasswordFactory.INSTANCE)
                : List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.start();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            // Warm-up: JIT of this client (and of the server) before anything is measured.
            for (int i = 0; i < warmup; i++) {
                String out = session(client, nextHost(), port + (i % ports));
                if (i == 0 && dump != null) {
                    Files.writeString(dump, out, StandardCharsets.UTF_8);
                }
            }
            List<Double> millis = Collections.synchronizedList(new ArrayList<>());
            int errors = 0;
            String firstError = null;
            int next = 0;
            for (int r = 0; r < rounds; r++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Double>> results = new ArrayList<>();
                for (int c = 0; c < concurrency; c++) {
                    int target = port + (next++ % ports);
                    String targetHost = nextHost();
                    results.add(pool.submit(() -> {
                        go.await();
                        long t0 = System.nanoTime();
                        session(client, targetHost, target);
                        return (System.nanoTime() - t0) / 1e6;
                    }));
                }
                go.countDown();
                for (Future<Double> f : results) {
                    try {
                        millis.add(f.get());
                    } catch (Exception e) {
                        errors++;
                        if (firstError == null) {
                            firstError = String.valueOf(e.getCause() == null ? e : e.getCause());
                        }
                    }
                }
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "RESULT label=%s concurrency=%d n=%d ok=%d errors=%d p50_ms=%.1f p95_ms=%.1f"
                            + " max_ms=%.1f mean_ms=%.1f%n", label, concurrency, rounds * concurrency, sorted.size(),
                    errors, percentile(sorted, 50), percentile(sorted, 95),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), mean);
            if (firstError != null) {
                System.out.println("FIRST_ERROR " + firstError.replace('\n', ' '));
            }
        } finally {
            pool.shutdownNow();
            client.stop();
        }
    }

    /** One whole session; returns the command output, throws when anything fails or the output is wrong. */
    private String session(SshClient client, String targetHost, int targetPort) throws Exception {
        try (ClientSession session = client.connect(user, targetHost, targetPort).verify(TIMEOUT).getSession()) {
            if (key == null) {
                session.addPasswordIdentity(password);
            } else {
                session.addPublicKeyIdentity(key);
            }
            session.auth().verify(TIMEOUT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            if (expect != null && !text.contains(expect)) {
                throw new IllegalStateException(targetHost + " port " + targetPort + ": output lacks '" + expect + "': "
                        + (text + err.toString(StandardCharsets.UTF_8)).lines().limit(3).toList());
            }
            return text;
        }
    }

    /** {@code --host}, or with {@code --hosts N} a random one of the N IPv4 addresses counting up from it. */
    private String nextHost() throws Exception {
        if (hosts <= 1) {
            return host;
        }
        byte[] b = java.net.InetAddress.getByName(host).getAddress();
        long base = ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        long a = base + random.nextInt(hosts);
        return (a >>> 24 & 0xff) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
