package dev.ioslab.fs;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The rules a user path must follow before it may touch the host: printable ASCII only, no backslash and none of
 * the characters FAT refuses, names of at most {@value #MAX_NAME_LENGTH} and paths of at most
 * {@value #MAX_PATH_LENGTH} characters, {@code ..} never above the root, and nothing named like our hidden files.
 * Stateless.
 */
final class PathRules {

    /** Longest file name; real image names reach 70 characters, IOS XE (ext) allows more than DOSFS. */
    static final int MAX_NAME_LENGTH = 127;
    /** Longest normalised relative path. */
    static final int MAX_PATH_LENGTH = 255;
    /** Prefix of every file this package hides from users: temp files and the index. */
    static final String HIDDEN_PREFIX = ".ioslab-";
    static final String TEMP_PREFIX = HIDDEN_PREFIX + "tmp-";
    static final String INDEX_NAME = HIDDEN_PREFIX + "index";

    /** Characters FAT (DOSFS, what flash0: is on a real router) refuses in names, plus the IOS prefix colon. */
    private static final String FORBIDDEN = "\\:*?\"<>| ";

    private PathRules() {
    }

    /**
     * Resolves {@code userPath} against {@code currentRelative} (a normalised relative path); a leading slash
     * starts from the root, as in IOS. Returns the normalised relative path.
     *
     * @throws FsException with {@link FsError#INVALID_PATH} or {@link FsError#NAME_TOO_LONG}; the exception path is
     *         {@code errorPrefix} plus the printable form of the input
     */
    static String resolve(String errorPrefix, String currentRelative, String userPath) throws FsException {
        String errorPath = errorPrefix + printable(userPath);
        for (int i = 0; i < userPath.length(); i++) {
            char c = userPath.charAt(i);
            if (c < 0x20 || c > 0x7e || FORBIDDEN.indexOf(c) >= 0) {
                throw new FsException(FsError.INVALID_PATH, errorPath);
            }
        }
        Deque<String> parts = new ArrayDeque<>();
        if (!userPath.startsWith("/") && !currentRelative.isEmpty()) {
            for (String part : currentRelative.split("/")) {
                parts.addLast(part);
            }
        }
        for (String part : userPath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    // Never above the root: this is the traversal guard, not a convenience.
                    throw new FsException(FsError.INVALID_PATH, errorPath);
                }
                parts.removeLast();
                continue;
            }
            if (part.length() > MAX_NAME_LENGTH) {
                throw new FsException(FsError.NAME_TOO_LONG, errorPath);
            }
            if (part.startsWith(HIDDEN_PREFIX) || part.chars().allMatch(ch -> ch == '.')) {
                throw new FsException(FsError.INVALID_PATH, errorPath);
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (joined.length() > MAX_PATH_LENGTH) {
            throw new FsException(FsError.NAME_TOO_LONG, errorPath);
        }
        return joined;
    }

    /** The input itself when it is already a valid normalised relative path, else {@code null}. */
    static String normalisedOrNull(String relative) {
        if (relative.startsWith("/") || relative.endsWith("/")) {
            return null;
        }
        try {
            String resolved = resolve("", "", relative);
            return resolved.equals(relative) ? relative : null;
        } catch (FsException e) {
            return null;
        }
    }

    /** The text with control and non-ASCII characters replaced by {@code ?}, safe to print and log. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 300));
        for (int i = 0; i < text.length() && i < 300; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        if (text.length() > 300) {
            out.append("...");
        }
        return out.toString();
    }

    /** Whether a name on disk belongs to this package's hidden files. */
    static boolean isHidden(String name) {
        return name.startsWith(HIDDEN_PREFIX);
    }
}
