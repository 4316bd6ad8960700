package dev.ioslab.frontend.ssh;

import java.util.Optional;

/**
 * One SCP exec request as a client sends it, e.g. {@code scp -t flash0:/image.bin} (the client uploads to us, we
 * are the sink) or {@code scp -f nvram:startup-config} (the client downloads, we are the source).
 *
 * @param direction       {@link Direction#TO_DEVICE} for {@code -t}, {@link Direction#FROM_DEVICE} for {@code -f},
 *                        {@link Direction#NONE} when the line names neither
 * @param recursive       {@code -r}: directories are copied
 * @param targetDirectory {@code -d}: the target must be a directory (OpenSSH sends it for several sources)
 * @param preserve        {@code -p}: times and modes are carried
 * @param path            the IOS path with shell quoting removed; empty when the line has none
 */
record ScpRequest(Direction direction, boolean recursive, boolean targetDirectory, boolean preserve, String path) {

    /** Which way the bytes go. */
    enum Direction { TO_DEVICE, FROM_DEVICE, NONE }

    private static final String COMMAND = "scp";

    /**
     * Parses an exec line; empty when it is not an {@code scp} command at all (then the CLI gets it). Options are
     * read until the first word that does not start with {@code -}; the rest of the line, quotes removed, is the
     * path. Unknown options (OpenSSH's {@code -v}, {@code -q}) are ignored, as OpenSSH's own sink does.
     */
    static Optional<ScpRequest> parse(String commandLine) {
        String line = commandLine.strip();
        if (!line.equals(COMMAND) && !line.startsWith(COMMAND + " ") && !line.startsWith(COMMAND + "\t")) {
            return Optional.empty();
        }
        boolean to = false;
        boolean from = false;
        boolean recursive = false;
        boolean directory = false;
        boolean preserve = false;
        int at = COMMAND.length();
        while (true) {
            at = skipBlanks(line, at);
            if (at >= line.length() || line.charAt(at) != '-') {
                break;
            }
            int end = wordEnd(line, at);
            if (end - at == 2 && line.charAt(at + 1) == '-') {
                // "--" ends the options: OpenSSH sends it before a path that starts with '-'.
                at = end;
                break;
            }
            for (int i = at + 1; i < end; i++) {
                switch (line.charAt(i)) {
                    case 't' -> to = true;
                    case 'f' -> from = true;
                    case 'r' -> recursive = true;
                    case 'd' -> directory = true;
                    case 'p' -> preserve = true;
                    default -> {
                        // -v, -q, -E and friends change nothing on the remote side.
                    }
                }
            }
            at = end;
        }
        Direction direction = to == from ? Direction.NONE : to ? Direction.TO_DEVICE : Direction.FROM_DEVICE;
        String path = unquote(line.substring(skipBlanks(line, at)));
        return Optional.of(new ScpRequest(direction, recursive, directory, preserve, path));
    }

    /**
     * Removes one level of POSIX shell quoting, as python {@code scp} ({@code 'a b'}, {@code 'it'"'"'s'}) and
     * OpenSSH ({@code "a b"} is left to the shell there) produce it; a path without quotes is returned as it is.
     */
    static String unquote(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipBlanks(String line, int from) {
        int at = from;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int wordEnd(String line, int from) {
        int at = from;
        while (at < line.length() && !Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at;
    }
}
