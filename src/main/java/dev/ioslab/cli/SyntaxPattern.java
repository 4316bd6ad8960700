package dev.ioslab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a command's declared syntax into the linear element sequences it stands for.
 *
 * <p>Notation: lower-case words are keywords; {@code WORD}, {@code LINE}, {@code URL}, {@code A.B.C.D},
 * {@code IFNAME}, {@code <0-15>} and {@code <0x0-0xFFFF>} are arguments, optionally named with a suffix
 * {@code :name} (otherwise named after their label in lower case); {@code [ ... ]} is optional and
 * {@code ( a | b )} is a choice. {@code "username WORD:user [privilege <0-15>:level] (secret|password) LINE"} expands
 * to four sequences.
 */
public final class SyntaxPattern {

    private static final Pattern RANGE = Pattern.compile("<(\\d+)-(\\d+)>");
    private static final Pattern HEX_RANGE = Pattern.compile("<0x([0-9a-fA-F]+)-0x([0-9a-fA-F]+)>");

    private final List<String> tokens;
    private int pos;

    private SyntaxPattern(String pattern) {
        this.tokens = lex(pattern);
    }

    /** All element sequences the pattern matches. */
    public static List<List<Element>> expand(String pattern) {
        SyntaxPattern p = new SyntaxPattern(pattern);
        List<List<Element>> result = p.sequence();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException("unbalanced syntax: " + pattern);
        }
        return result;
    }

    private static List<String> lex(String pattern) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '[' || c == ']' || c == '(' || c == ')' || c == '|' || c == ' ') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                if (c != ' ') {
                    out.add(String.valueOf(c));
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** sequence := item* ; stops at ']' ')' '|' or the end. */
    private List<List<Element>> sequence() {
        List<List<Element>> acc = new ArrayList<>();
        acc.add(List.of());
        while (pos < tokens.size()) {
            String t = tokens.get(pos);
            List<List<Element>> item;
            if (t.equals("[")) {
                pos++;
                item = new ArrayList<>(alternatives("]"));
                item.add(List.of());
            } else if (t.equals("(")) {
                pos++;
                item = alternatives(")");
            } else if (t.equals("]") || t.equals(")") || t.equals("|")) {
                break;
            } else {
                pos++;
                item = List.of(List.of(element(t)));
            }
            List<List<Element>> next = new ArrayList<>();
            for (List<Element> head : acc) {
                for (List<Element> tail : item) {
                    List<Element> joined = new ArrayList<>(head);
                    joined.addAll(tail);
                    next.add(List.copyOf(joined));
                }
            }
            acc = next;
        }
        return acc;
    }

    private List<List<Element>> alternatives(String close) {
        List<List<Element>> all = new ArrayList<>(sequence());
        while (pos < tokens.size() && tokens.get(pos).equals("|")) {
            pos++;
            all.addAll(sequence());
        }
        if (pos >= tokens.size() || !tokens.get(pos).equals(close)) {
            throw new IllegalArgumentException("expected " + close + " in syntax");
        }
        pos++;
        return all;
    }

    private static Element element(String token) {
        String spec = token;
        String name = null;
        int colon = token.lastIndexOf(':');
        if (colon > 0 && colon < token.length() - 1 && isArgSpec(token.substring(0, colon))) {
            spec = token.substring(0, colon);
            name = token.substring(colon + 1);
        }
        if (!isArgSpec(spec)) {
            return new Element.Keyword(token.toLowerCase(Locale.ROOT));
        }
        Matcher hex = HEX_RANGE.matcher(spec);
        if (hex.matches()) {
            return new Element.Arg(ArgKind.HEX, name == null ? "hex" : name,
                    Long.parseLong(hex.group(1), 16), Long.parseLong(hex.group(2), 16));
        }
        Matcher range = RANGE.matcher(spec);
        if (range.matches()) {
            return new Element.Arg(ArgKind.NUMBER, name == null ? "number" : name,
                    Long.parseLong(range.group(1)), Long.parseLong(range.group(2)));
        }
        ArgKind kind = switch (spec) {
            case "WORD" -> ArgKind.WORD;
            case "LINE" -> ArgKind.LINE;
            case "URL" -> ArgKind.URL;
            case "A.B.C.D" -> ArgKind.IPV4;
            case "IFNAME" -> ArgKind.INTERFACE;
            default -> throw new IllegalArgumentException("unknown argument " + spec);
        };
        String defaultName = kind == ArgKind.IPV4 ? "address" : spec.toLowerCase(Locale.ROOT);
        return new Element.Arg(kind, name == null ? defaultName : name, 0, 0);
    }

    private static boolean isArgSpec(String s) {
        return s.equals("WORD") || s.equals("LINE") || s.equals("URL") || s.equals("A.B.C.D") || s.equals("IFNAME")
                || RANGE.matcher(s).matches() || HEX_RANGE.matcher(s).matches();
    }
}
