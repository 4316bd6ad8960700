package dev.ioslab.fs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A URL on a remote server: {@code ftp://[user[:password]@]host[:port][;vrf]/path}, {@code tftp://host/path},
 * {@code scp://user@host/path}, {@code http(s)://…}, or a bare {@code ftp:} whose missing parts the CLI asks for
 * ({@code Address or name of remote host []?}). An absent host is empty; an absent path is {@code ""}. The path is
 * what follows the slash after the host, so {@code ftp://h//auto/x} has path {@code /auto/x}, which IOS uses
 * verbatim ({@code Loading /auto/x}).
 *
 * <p>{@link #toString()} never contains the password; use {@link #display()} or {@link #maskedDisplay()} for
 * output. IPv6 hosts are kept without brackets. Immutable.
 */
public record RemoteUrl(UrlScheme scheme, Optional<String> user, Optional<String> password, Optional<String> host,
                        OptionalInt port, Optional<String> vrf, String path) implements IosUrl {

    /** Checks the combination: port range, credentials only where the scheme has a login, password needs user. */
    public RemoteUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(vrf, "vrf");
        Objects.requireNonNull(path, "path");
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port.getAsInt());
        }
        if (password.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("password without user");
        }
        if (user.isPresent() && !scheme.allowsCredentials()) {
            throw new IllegalArgumentException(scheme.label() + " URLs carry no credentials");
        }
    }

    /** A bare {@code ftp:}, {@code tftp:} … with nothing but the scheme. */
    public static RemoteUrl bare(UrlScheme scheme) {
        return new RemoteUrl(scheme, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), "");
    }

    /** The port to connect to: the URL's, else the scheme's well-known port. */
    public int effectivePort() {
        return port.orElse(scheme.defaultPort());
    }

    /** Whether host and path are both present, i.e. nothing needs to be asked. */
    public boolean isComplete() {
        return host.isPresent() && !path.isEmpty();
    }

    /**
     * This URL when complete.
     *
     * @throws IosUrlException {@link UrlError#MISSING_HOST} or {@link UrlError#MISSING_PATH} (position 0)
     */
    public RemoteUrl requireComplete() throws IosUrlException {
        if (host.isEmpty()) {
            throw new IosUrlException(UrlError.MISSING_HOST, 0);
        }
        if (path.isEmpty() || path.endsWith("/")) {
            throw new IosUrlException(UrlError.MISSING_PATH, 0);
        }
        return this;
    }

    /**
     * This URL when it names a host.
     *
     * @throws IosUrlException {@link UrlError#MISSING_HOST} (position 0)
     */
    public RemoteUrl requireHost() throws IosUrlException {
        if (host.isEmpty()) {
            throw new IosUrlException(UrlError.MISSING_HOST, 0);
        }
        return this;
    }

    /**
     * This URL with the host the user typed at {@code Address or name of remote host []?}; brackets around an IPv6
     * address are optional.
     *
     * @throws IosUrlException {@link UrlError#MISSING_HOST} or {@link UrlError#INVALID_HOST}
     */
    public RemoteUrl withHost(String newHost) throws IosUrlException {
        String bare = newHost.startsWith("[") && newHost.endsWith("]")
                ? newHost.substring(1, newHost.length() - 1) : newHost;
        if (bare.isEmpty()) {
            throw new IosUrlException(UrlError.MISSING_HOST, 0);
        }
        if (!HostNames.isIpv4OrName(bare) && !HostNames.isIpv6(bare)) {
            throw new IosUrlException(UrlError.INVALID_HOST, 0);
        }
        return new RemoteUrl(scheme, user, password, Optional.of(bare), port, vrf, path);
    }

    /** This URL with the path the user typed at {@code Source filename []?}. */
    public RemoteUrl withPath(String newPath) throws IosUrlException {
        if (newPath.isEmpty()) {
            throw new IosUrlException(UrlError.MISSING_PATH, 0);
        }
        if (newPath.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IosUrlException(UrlError.MALFORMED, 0);
        }
        return new RemoteUrl(scheme, user, password, host, port, vrf, newPath);
    }

    /** This URL with the user typed at {@code Source username [x]?}; the password is kept. */
    public RemoteUrl withUser(String newUser) throws IosUrlException {
        if (newUser.isEmpty() || !scheme.allowsCredentials()) {
            throw new IosUrlException(UrlError.CREDENTIALS_NOT_ALLOWED, 0);
        }
        return new RemoteUrl(scheme, Optional.of(newUser), password, host, port, vrf, path);
    }

    /** This URL with a password (from {@code Password:} or {@code ip ftp password}); needs a user. */
    public RemoteUrl withPassword(String newPassword) throws IosUrlException {
        if (user.isEmpty()) {
            throw new IosUrlException(UrlError.CREDENTIALS_NOT_ALLOWED, 0);
        }
        return new RemoteUrl(scheme, user, Optional.of(newPassword), host, port, vrf, path);
    }

    /** Whether the URL carries a user or password. */
    public boolean hasCredentials() {
        return user.isPresent();
    }

    @Override
    public String display() {
        return render("");
    }

    @Override
    public String maskedDisplay() {
        return render(hasCredentials() ? "*:*@" : "");
    }

    @Override
    public String baseName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The masked form: a URL may be logged or printed through {@code toString()} without leaking a password. */
    @Override
    public String toString() {
        return maskedDisplay();
    }

    private String render(String credentials) {
        if (host.isEmpty()) {
            return scheme.label() + ":" + path;
        }
        StringBuilder text = new StringBuilder(scheme.label()).append("://").append(credentials);
        String name = host.get();
        text.append(name.indexOf(':') >= 0 ? "[" + name + "]" : name);
        port.ifPresent(number -> text.append(':').append(number));
        vrf.ifPresent(vrfName -> text.append(';').append(vrfName));
        if (!path.isEmpty()) {
            text.append('/').append(path);
        }
        return text.toString();
    }
}
