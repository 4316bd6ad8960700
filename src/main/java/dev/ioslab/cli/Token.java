package dev.ioslab.cli;

import java.util.ArrayList;
import java.util.List;

/** A whitespace-separated word of a command line and the column where it starts. */
record Token(String text, int start) {

    /** Splits a line into tokens, keeping each token's offset so errors can point at it. */
    static List<Token> split(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(line.substring(start, i), start));
            }
        }
        return out;
    }

    /** The whitespace before a line's first word: where its typed text starts. */
    static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }

    int end() {
        return start + text.length();
    }
}
