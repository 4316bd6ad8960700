import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javax.crypto.KeyAgreement;

import dev.ioslab.frontend.ssh.SshBackend;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.util.security.SecurityProviderChoice;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Benchmark (not part of the build): the server's CPU per SSH session for each key exchange, host key and cipher
 * choice, measured in one process. The server is MINA SSHD on ioslab's shared {@link SshBackend} (its I/O threads and
 * timer are what is counted, through {@link ThreadMXBean} thread CPU time, so the in-process client's own threads are
 * not); the client is MINA's {@link SshClient} offering exactly one algorithm of each kind, so that is what the
 * session negotiates. A session: TCP connect, key exchange, password authentication, one exec channel whose command
 * writes {@code --payload} bytes (default 1,500, a {@code show version}), read to EOF, close. The device's CLI is not
 * involved: this isolates what the algorithm choice changes.
 *
 * <p>Cases run interleaved: every round runs {@code --batch} sessions of each case in turn; the first
 * {@code --warmup} rounds are discarded (JIT). Printed per case: median over rounds of the server's CPU per session,
 * the mean, and the client's CPU per session (the rest of the process).
 *
 * <pre>
 * java -Dlogback.configurationFile=bench/logback-client.xml -cp 'target/ioslab.jar:target/lib/*' \
 *      bench/SshAlgorithmCost.java [--rounds 20] [--warmup 10] [--batch 10]
 *      [--payload 1500] [--provider bc|jdk] [--group kex|hostkey|cipher]
 * </pre>
 * {@code --provider jdk} stops MINA from taking key agreement, key pair generation, key factories, signatures and
 * digests from Bouncy Castle, so the JDK's SunEC/SUN providers serve X25519, ECDH, ECDSA, Ed25519 and SHA-2.
 */
public final class SshAlgorithmCost {

    record Case(String group, String label, BuiltinDHFactories kex, BuiltinSignatures hostKey, BuiltinCiphers cipher,
                BuiltinMacs mac) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        int rounds = 20;
        int warmup = 10;
        int batch = 10;
        int payload = 1500;
        String provider = "bc";
        String group = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--payload" -> payload = Integer.parseInt(args[i + 1]);
                case "--provider" -> provider = args[i + 1];
                case "--group" -> group = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (provider.equals("jdk")) {
            for (String entity : List.of("KeyAgreement", "KeyPairGenerator", "KeyFactory", "Signature",
                    "MessageDigest")) {
                System.setProperty("org.apache.sshd.security.provider.BC." + entity, "none");
            }
            // Registration makes BC the default for anything no registrar claims; undo that so the JDK's
            // providers (in their java.security order) serve those entities.
            SecurityUtils.isBouncyCastleRegistered();
            SecurityUtils.setDefaultProviderChoice(SecurityProviderChoice.EMPTY);
        }
        System.out.printf("providers (%s): X25519 agreement %s, ECDH %s, ECDSA %s, Ed25519 %s, SHA-256 %s, AES %s%n",
                provider,
                SecurityUtils.getKeyAgreement("X25519").getProvider().getName(),
                SecurityUtils.getKeyAgreement("ECDH").getProvider().getName(),
                SecurityUtils.getSignature("SHA256withECDSA").getProvider().getName(),
                providerOf(() -> SecurityUtils.getSignature("Ed25519").getProvider().getName()),
                SecurityUtils.getMessageDigest("SHA-256").getProvider().getName(),
                SecurityUtils.getCipher("AES/GCM/NoPadding").getProvider().getName());

        String only = group;
        List<Case> cases = cases().stream().filter(c -> only == null || c.group().equals(only)).toList();
        byte[] out = new byte[payload];
        Arrays.fill(out, (byte) 'x');
        SshBackend backend = new SshBackend(1);
        SshServer server = server(backend, out);
        server.start();
        int port = server.getPort();
        // One client per case, offering only that case's algorithms: the client's first choice the server also
        // offers is what is negotiated (RFC 4253 section 7.1).
        List<SshClient> clients = new ArrayList<>();
        for (Case kase : cases) {
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier((s, a, k) -> true);
            client.setKeyExchangeFactories(List.of(ClientBuilder.DH2KEX.apply(kase.kex())));
            client.setSignatureFactories(List.of(kase.hostKey()));
            client.setCipherFactories(List.of(kase.cipher()));
            client.setMacFactories(List.of(kase.mac()));
            client.start();
            clients.add(client);
        }
        List<List<Double>> serverMs = new ArrayList<>();
        List<List<Double>> clientMs = new ArrayList<>();
        int[] errors = new int[cases.size()];
        String[] firstError = new String[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            serverMs.add(new ArrayList<>());
            clientMs.add(new ArrayList<>());
        }
        for (int r = 0; r < warmup + rounds; r++) {
            for (int k = 0; k < cases.size(); k++) {
                int c = (k + r) % cases.size();
                Case kase = cases.get(c);
                long[] before = cpu();
                for (int b = 0; b < batch; b++) {
                    try {
                        session(clients.get(c), port, payload);
                    } catch (Exception e) {
                        errors[c]++;
                        if (firstError[c] == null) {
                            firstError[c] = e.toString();
                        }
                    }
                }
                long[] after = cpu();
                if (r >= warmup) {
                    serverMs.get(c).add((after[0] - before[0]) / 1e6 / batch);
                    clientMs.get(c).add((after[1] - before[1]) / 1e6 / batch);
                }
            }
        }
        for (SshClient client : clients) {
            client.stop();
        }
        server.stop(true);
        backend.close();

        System.out.printf("%d rounds x %d sessions per case (after %d warm-up rounds), payload %d bytes, "
                + "provider %s, %d cores, load %.2f%n", rounds, batch, warmup, payload, provider,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-10s %-58s %9s %9s %9s %6s%n", "group", "case", "srv_p50", "srv_mean", "cli_p50",
                "errors");
        for (int c = 0; c < cases.size(); c++) {
            Case kase = cases.get(c);
            System.out.printf(Locale.ROOT, "%-10s %-58s %9.3f %9.3f %9.3f %6d%s%n", kase.group(), kase.label(),
                    median(serverMs.get(c)), mean(serverMs.get(c)), median(clientMs.get(c)), errors[c],
                    firstError[c] == null ? "" : "  " + firstError[c]);
        }
        System.out.println("CPU in ms per session; srv = the server's I/O and timer threads, cli = all other threads");
    }

    private interface Name {
        String get() throws Exception;
    }

    private static String providerOf(Name name) {
        try {
            return name.get();
        } catch (Exception e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    private static List<Case> cases() {
        BuiltinDHFactories curve = BuiltinDHFactories.curve25519;
        BuiltinSignatures ecdsa = BuiltinSignatures.nistp256;
        BuiltinCiphers chacha = BuiltinCiphers.cc20p1305_openssh;
        BuiltinMacs sha256 = BuiltinMacs.hmacsha256;
        List<Case> cases = new ArrayList<>();
        for (BuiltinDHFactories kex : List.of(BuiltinDHFactories.sntrup761x25519_openssh,
                BuiltinDHFactories.mlkem768x25519, BuiltinDHFactories.curve25519, BuiltinDHFactories.ecdhp256,
                BuiltinDHFactories.dhg14_256)) {
            cases.add(new Case("kex", kex.getName() + " / ecdsa-p256 / chacha20", kex, ecdsa, chacha, sha256));
        }
        for (BuiltinSignatures sig : List.of(BuiltinSignatures.rsaSHA256, BuiltinSignatures.ed25519)) {
            cases.add(new Case("hostkey", "curve25519 / " + sig.getName() + " / chacha20", curve, sig, chacha,
                    sha256));
        }
        for (BuiltinCiphers cipher : List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm)) {
            cases.add(new Case("cipher", "curve25519 / ecdsa-p256 / " + cipher.getName(), curve, ecdsa, cipher,
                    sha256));
        }
        cases.add(new Case("cipher", "curve25519 / ecdsa-p256 / chacha20-poly1305@openssh.com", curve, ecdsa,
                chacha, sha256));
        cases.add(new Case("cipher", "curve25519 / ecdsa-p256 / aes128-ctr + hmac-sha2-256", curve, ecdsa,
                BuiltinCiphers.aes128ctr, sha256));
        cases.add(new Case("cipher", "curve25519 / ecdsa-p256 / aes128-ctr + hmac-sha2-256-etm", curve, ecdsa,
                BuiltinCiphers.aes128ctr, BuiltinMacs.hmacsha256etm));
        return cases;
    }

    private static SshServer server(SshBackend backend, byte[] out) throws Exception {
        SshServer s = SshServer.setUpDefaultServer();
        // The daemon's shared transport (package-private accessors, reached reflectively by this bench only).
        s.setIoServiceFactoryFactory((org.apache.sshd.common.io.IoServiceFactoryFactory) backendPart(backend,
                "ioServiceFactoryFactory"));
        s.setScheduledExecutorService((java.util.concurrent.ScheduledExecutorService) backendPart(backend, "timers"),
                false);
        s.setHost("127.0.0.1");
        s.setPort(0);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair ed = SecurityUtils.getKeyPairGenerator("Ed25519").generateKeyPair();
        s.setKeyPairProvider(KeyPairProvider.wrap(ec.generateKeyPair(), rsa.generateKeyPair(), ed));
        s.setKeyExchangeFactories(NamedList.kex(BuiltinDHFactories.VALUES));
        s.setCipherFactories(new ArrayList<>(BuiltinCiphers.VALUES.stream().filter(BuiltinCiphers::isSupported)
                .toList()));
        s.setPasswordAuthenticator((user, password, session) -> "admin".equals(user) && "admin".equals(password));
        s.setCommandFactory((channel, command) -> new PayloadCommand(out));
        return s;
    }

    private static Object backendPart(SshBackend backend, String method) throws Exception {
        java.lang.reflect.Method m = SshBackend.class.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(backend);
    }

    /** The kex factories of every supported built-in, as the server offers them. */
    private static final class NamedList {
        static List<org.apache.sshd.common.kex.KeyExchangeFactory> kex(java.util.Set<BuiltinDHFactories> all) {
            List<org.apache.sshd.common.kex.KeyExchangeFactory> list = new ArrayList<>();
            for (BuiltinDHFactories f : all) {
                if (f.isSupported()) {
                    list.add(org.apache.sshd.server.ServerBuilder.DH2KEX.apply(f));
                }
            }
            return list;
        }
    }

    private static void session(SshClient client, int port, int payload) throws IOException {
        try (ClientSession session = client.connect("admin", "127.0.0.1", port).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity("admin");
            session.auth().verify(TIMEOUT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec exec = session.createExecChannel("show version")) {
                exec.setOut(out);
                exec.setErr(out);
                exec.open().verify(TIMEOUT);
                exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
            if (out.size() != payload) {
                throw new IOException("read " + out.size() + " bytes, expected " + payload);
            }
        }
    }

    /** {server threads, other threads} CPU nanoseconds, summed over the live threads. */
    private static long[] cpu() {
        long server = 0;
        long other = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long t = THREADS.getThreadCpuTime(ids[i]);
            if (t < 0 || infos[i] == null) {
                continue;
            }
            String name = infos[i].getThreadName();
            if (name.contains("ssh-io") || name.contains("ssh-timer")) {
                server += t;
            } else if (!name.startsWith("C1 ") && !name.startsWith("C2 ")) {
                other += t;
            }
        }
        return new long[] {server, other};
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Writes the payload to the exec channel and exits 0. */
    private static final class PayloadCommand implements Command {
        private final byte[] payload;
        private OutputStream out;
        private ExitCallback exit;

        PayloadCommand(byte[] payload) {
            this.payload = payload;
        }

        @Override
        public void setInputStream(java.io.InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write(payload);
            out.flush();
            exit.onExit(0);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }

    private SshAlgorithmCost() {
    }
}
