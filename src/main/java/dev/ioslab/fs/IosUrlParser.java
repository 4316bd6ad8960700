package dev.ioslab.fs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Parses what a user types where IOS expects a file or URL, against one device's {@link FileSystemTable}:
 * <ul>
 *   <li>{@code flash0:dir/file}, {@code flash:/file}, {@code nvram:startup-config}: a {@link LocalUrl}; a path
 *       after a prefix starts at that file system's root;</li>
 *   <li>a bare {@code file} (no colon): a {@link LocalUrl} against the current directory, so {@code dir usbflash0}
 *       names a file, as on IOS;</li>
 *   <li>{@code ftp:}, {@code tftp:}, {@code scp:} alone: a {@link RemoteUrl} without host and path;</li>
 *   <li>{@code scheme://[user[:password]@]host[:port][;vrf][/path]} with percent-decoded user and password, host
 *       an IPv4 address, a {@code [bracketed]} IPv6 address or a name. An empty port ({@code host:/path}) is
 *       accepted, as IOS does in {@code scp://u@h://home/u/file}.</li>
 * </ul>
 * A prefix must appear in the table (IOS answers anything else with a caret), and a network prefix must have a
 * {@link UrlScheme}. Stateless apart from the table; safe for concurrent use.
 */
public final class IosUrlParser {

    private static final Pattern VRF = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final FileSystemTable table;

    /** A parser for the prefixes of {@code table}. */
    public IosUrlParser(FileSystemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** {@link #parse(String, FsPath)} with the default file system's root as current directory. */
    public IosUrl parse(String text) throws IosUrlException {
        return parse(text, null);
    }

    /**
     * Parses {@code text}; bare paths resolve against {@code currentDirectory} (the default file system's root when
     * {@code null}).
     *
     * @throws IosUrlException with the error and its position in {@code text}
     */
    public IosUrl parse(String text, FsPath currentDirectory) throws IosUrlException {
        if (text.isEmpty()) {
            throw new IosUrlException(UrlError.MALFORMED, 0);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            FsPath base = currentDirectory != null ? currentDirectory : table.defaultFileSystem().root();
            return local(base.fileSystem().name(), base.fileSystem(), text, base, 0);
        }
        if (colon == 0) {
            throw new IosUrlException(UrlError.UNKNOWN_FILE_SYSTEM, 0);
        }
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        IosFileSystem fs = table.find(prefix).orElseThrow(() -> new IosUrlException(UrlError.UNKNOWN_FILE_SYSTEM, 0));
        if (fs.spec().type() != FsType.NETWORK) {
            return local(prefix, fs, text.substring(colon + 1), null, colon + 1);
        }
        UrlScheme scheme = UrlScheme.fromLabel(fs.name())
                .orElseThrow(() -> new IosUrlException(UrlError.UNSUPPORTED_SCHEME, 0));
        return remote(scheme, text, colon + 1);
    }

    private static LocalUrl local(String prefix, IosFileSystem fs, String path, FsPath base, int offset)
            throws IosUrlException {
        try {
            return new LocalUrl(prefix, fs.resolve(path, base));
        } catch (FsException e) {
            throw new IosUrlException(offset, e);
        }
    }

    private static RemoteUrl remote(UrlScheme scheme, String text, int start) throws IosUrlException {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ') {
                throw new IosUrlException(UrlError.MALFORMED, i);
            }
        }
        if (start == text.length()) {
            return RemoteUrl.bare(scheme);
        }
        if (!text.startsWith("//", start)) {
            // "tftp:file" / "tftp:/file": a file name without a host; the CLI asks for the host.
            String path = text.startsWith("/", start) ? text.substring(start + 1) : text.substring(start);
            return new RemoteUrl(scheme, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), path);
        }
        int authorityStart = start + 2;
        int slash = text.indexOf('/', authorityStart);
        int authorityEnd = slash < 0 ? text.length() : slash;
        String path = slash < 0 ? "" : text.substring(slash + 1);
        if (authorityEnd == authorityStart) {
            throw new IosUrlException(UrlError.MISSING_HOST, authorityStart);
        }
        String authority = text.substring(authorityStart, authorityEnd);

        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int hostStart = authorityStart;
        // The last '@' ends the credentials: a password may contain '@' in clear, as browsers allow.
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            if (!scheme.allowsCredentials()) {
                throw new IosUrlException(UrlError.CREDENTIALS_NOT_ALLOWED, authorityStart);
            }
            String userInfo = authority.substring(0, at);
            int separator = userInfo.indexOf(':');
            String rawUser = separator < 0 ? userInfo : userInfo.substring(0, separator);
            if (rawUser.isEmpty()) {
                throw new IosUrlException(UrlError.MALFORMED, authorityStart);
            }
            user = Optional.of(percentDecode(rawUser, authorityStart));
            if (separator >= 0) {
                password = Optional.of(percentDecode(userInfo.substring(separator + 1),
                        authorityStart + separator + 1));
            }
            hostStart = authorityStart + at + 1;
        }
        String hostPort = text.substring(hostStart, authorityEnd);

        Optional<String> vrf = Optional.empty();
        int semicolon = hostPort.indexOf(';');
        if (semicolon >= 0) {
            String vrfName = hostPort.substring(semicolon + 1);
            if (!VRF.matcher(vrfName).matches()) {
                throw new IosUrlException(UrlError.MALFORMED, hostStart + semicolon + 1);
            }
            vrf = Optional.of(vrfName);
            hostPort = hostPort.substring(0, semicolon);
        }

        String host;
        String portText;
        int portStart;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IosUrlException(UrlError.INVALID_HOST, hostStart);
            }
            host = hostPort.substring(1, close);
            if (!HostNames.isIpv6(host)) {
                throw new IosUrlException(UrlError.INVALID_HOST, hostStart);
            }
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IosUrlException(UrlError.MALFORMED, hostStart + close + 1);
            }
            portText = rest.isEmpty() ? "" : rest.substring(1);
            portStart = hostStart + close + 2;
        } else {
            int portColon = hostPort.indexOf(':');
            if (portColon >= 0 && hostPort.indexOf(':', portColon + 1) >= 0) {
                // Unbracketed IPv6 is ambiguous with a port (RFC 3986 requires brackets).
                throw new IosUrlException(UrlError.INVALID_HOST, hostStart);
            }
            host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            portText = portColon < 0 ? "" : hostPort.substring(portColon + 1);
            portStart = hostStart + portColon + 1;
            if (host.isEmpty()) {
                throw new IosUrlException(UrlError.MISSING_HOST, hostStart);
            }
            if (!HostNames.isIpv4OrName(host)) {
                throw new IosUrlException(UrlError.INVALID_HOST, hostStart);
            }
        }
        OptionalInt port = parsePort(portText, portStart);
        return new RemoteUrl(scheme, user, password, Optional.of(host), port, vrf, path);
    }

    private static OptionalInt parsePort(String text, int position) throws IosUrlException {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IosUrlException(UrlError.BAD_PORT, position);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IosUrlException(UrlError.BAD_PORT, position);
        }
        return OptionalInt.of(port);
    }

    /** RFC 3986 percent-decoding as UTF-8; unlike {@code URLDecoder}, '+' stays '+'. */
    private static String percentDecode(String text, int position) throws IosUrlException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                continue;
            }
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                throw new IosUrlException(UrlError.MALFORMED, position + i);
            }
            bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IosUrlException(UrlError.MALFORMED, position);
        }
    }
}
