package dev.ioslab.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ip ssh ...} part of a running configuration: {@code time-out} (seconds a connection has to log in, IOS
 * default 120), {@code authentication-retries} (failed attempts per connection, IOS default 3) and the users' public
 * keys under {@code ip ssh pubkey-chain}, kept as IOS keeps them (the MD5 {@code key-hash} of each key).
 *
 * <p>Threading: every method is synchronized; readers get copies.
 */
public final class SshServerConfig {

    /** IOS's default {@code ip ssh time-out}, in seconds. */
    public static final int DEFAULT_TIME_OUT = 120;
    /** IOS's default {@code ip ssh authentication-retries}. */
    public static final int DEFAULT_RETRIES = 3;

    private final Map<String, List<String>> keyHashes = new LinkedHashMap<>();
    private boolean pubkeyChain;
    private int timeOutSeconds = DEFAULT_TIME_OUT;
    private int authenticationRetries = DEFAULT_RETRIES;

    public synchronized int timeOutSeconds() {
        return timeOutSeconds;
    }

    /** {@code ip ssh time-out 1-120}; {@code no ip ssh time-out} restores the default. */
    public synchronized void setTimeOutSeconds(int seconds) {
        this.timeOutSeconds = seconds;
    }

    public synchronized int authenticationRetries() {
        return authenticationRetries;
    }

    /** {@code ip ssh authentication-retries 0-5}; {@code no ...} restores the default. */
    public synchronized void setAuthenticationRetries(int retries) {
        this.authenticationRetries = retries;
    }

    /** The {@code key-hash} entries of a user under {@code ip ssh pubkey-chain}, each {@code "ssh-rsa HEX"}. */
    public synchronized List<String> keyHashes(String user) {
        return List.copyOf(keyHashes.getOrDefault(user, List.of()));
    }

    /** {@code ip ssh pubkey-chain} was entered (it stays in the configuration, even when empty). */
    public synchronized void enablePubkeyChain() {
        pubkeyChain = true;
    }

    /** Adds a user under the pubkey chain (with no keys yet). */
    public synchronized void addKeyUser(String user) {
        pubkeyChain = true;
        keyHashes.computeIfAbsent(user, u -> new ArrayList<>());
    }

    public synchronized void removeKeyUser(String user) {
        keyHashes.remove(user);
    }

    public synchronized void addKeyHash(String user, String type, String hash) {
        List<String> keys = keyHashes.computeIfAbsent(user, u -> new ArrayList<>());
        String entry = type + " " + hash.toUpperCase();
        if (!keys.contains(entry)) {
            keys.add(entry);
        }
    }

    public synchronized void removeKeyHash(String user, String type, String hash) {
        List<String> keys = keyHashes.get(user);
        if (keys != null) {
            keys.remove(type + " " + hash.toUpperCase());
        }
    }

    /** The {@code ip ssh} lines of {@code show running-config}; IOS lists only settings that differ from default. */
    synchronized void render(List<String> out) {
        if (timeOutSeconds != DEFAULT_TIME_OUT) {
            out.add("ip ssh time-out " + timeOutSeconds);
        }
        if (authenticationRetries != DEFAULT_RETRIES) {
            out.add("ip ssh authentication-retries " + authenticationRetries);
        }
        if (pubkeyChain) {
            out.add("ip ssh pubkey-chain");
            keyHashes.forEach((user, keys) -> {
                out.add("  username " + user);
                keys.forEach(k -> out.add("   key-hash " + k));
            });
        }
    }
}
