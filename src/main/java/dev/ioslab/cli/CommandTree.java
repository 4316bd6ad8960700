package dev.ioslab.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The syntax tree of one mode: every registered syntax sequence merged into a tree of keyword and argument nodes.
 * Matches lines (exact keyword, else unique prefix, else ambiguous; arguments by kind, the most specific first),
 * lists {@code ?} help and completes words. Built at start-up, then read-only and shared by all sessions.
 */
public final class CommandTree {

    private final Node root = new Node(null);

    /** Adds every sequence of a command's syntax. */
    void add(Command command) {
        CommandSpec spec = command.spec();
        for (String pattern : spec.patterns()) {
            for (List<Element> seq : SyntaxPattern.expand(pattern)) {
                Node node = root;
                node.minPrivilege = Math.min(node.minPrivilege, spec.privilege());
                for (Element e : seq) {
                    node = node.child(e);
                    node.minPrivilege = Math.min(node.minPrivilege, spec.privilege());
                    String key = e instanceof Element.Keyword k ? k.word() : ((Element.Arg) e).name();
                    String help = spec.help().get(key);
                    if (help != null && node.help.isEmpty()) {
                        node.help = help;
                    }
                }
                if (node.command != null && node.command != command) {
                    throw new IllegalStateException("two commands claim " + pattern);
                }
                node.command = command;
            }
        }
    }

    /** Sets the help text of a top-level keyword that several commands share. */
    void describe(String keyword, String help) {
        root.child(new Element.Keyword(keyword)).help = help;
    }

    /** Matches a whole line at a privilege level. */
    public ParseResult parse(String line, int privilege) {
        List<Token> tokens = Token.split(line);
        if (tokens.isEmpty()) {
            return new ParseResult.Empty();
        }
        Walk walk = walk(line, tokens, tokens.size(), privilege);
        if (walk.failure != null) {
            return walk.failure;
        }
        Node node = walk.node;
        if (walk.pipe != null) {
            if (node.command == null || !node.command.spec().pipeable() || node.command.spec().privilege() > privilege) {
                return new ParseResult.Invalid(walk.pipeColumn);
            }
        }
        if (node.command == null || node.command.spec().privilege() > privilege) {
            return new ParseResult.Incomplete();
        }
        String typed = walk.pipe == null ? line : line.substring(0, Math.min(walk.pipeColumn, line.length()));
        return new ParseResult.Matched(node.command, walk.keywords, walk.args, walk.argColumns, walk.pipe,
                typed.strip());
    }

    /** Result of {@code ?}: either an error to show or the help lines. */
    public sealed interface HelpResult {
        record Lines(List<String> lines) implements HelpResult {
        }

        record Error(ParseResult error) implements HelpResult {
        }

        record Unrecognized() implements HelpResult {
        }
    }

    /** The help for {@code ?} typed after {@code beforeCursor}. */
    public HelpResult help(String beforeCursor, int privilege) {
        List<Token> tokens = Token.split(beforeCursor);
        boolean partial = !beforeCursor.isEmpty() && !Character.isWhitespace(beforeCursor.charAt(beforeCursor.length() - 1));
        int full = partial ? tokens.size() - 1 : tokens.size();
        Walk walk = walk(beforeCursor, tokens, full, privilege);
        if (walk.failure != null) {
            return new HelpResult.Error(walk.failure);
        }
        if (walk.pipe != null) {
            return pipeHelp(walk.pipe, partial);
        }
        Node node = walk.node;
        if (partial) {
            String prefix = tokens.get(tokens.size() - 1).text().toLowerCase(Locale.ROOT);
            if (prefix.equals("|") && node.command != null && node.command.spec().pipeable()) {
                return new HelpResult.Lines(List.of("|  "));
            }
            List<String> words = node.visibleChildren(privilege).stream()
                    .filter(c -> c.element instanceof Element.Keyword k && k.word().startsWith(prefix))
                    .map(c -> ((Element.Keyword) c.element).word())
                    .sorted()
                    .toList();
            if (words.isEmpty()) {
                return new HelpResult.Unrecognized();
            }
            return new HelpResult.Lines(List.of(String.join("  ", words) + "  "));
        }
        if (walk.consumedLine) {
            return new HelpResult.Lines(List.of("  <cr>"));
        }
        List<String[]> rows = new ArrayList<>();
        List<Node> children = node.visibleChildren(privilege);
        children.stream().filter(c -> c.element instanceof Element.Arg)
                .forEach(c -> rows.add(new String[] {((Element.Arg) c.element).label(), c.help}));
        children.stream().filter(c -> c.element instanceof Element.Keyword)
                .sorted(Comparator.comparing(c -> ((Element.Keyword) c.element).word()))
                .forEach(c -> rows.add(new String[] {((Element.Keyword) c.element).word(), c.help}));
        boolean complete = node != root && node.command != null && node.command.spec().privilege() <= privilege;
        if (complete && node.command.spec().pipeable()) {
            rows.add(new String[] {"|", "Output modifiers"});
        }
        if (rows.isEmpty() && !complete) {
            return new HelpResult.Unrecognized();
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            lines.add(r[1].isEmpty() ? "  " + r[0] : "  " + pad(r[0], width) + "  " + r[1]);
        }
        if (complete) {
            lines.add("  <cr>");
        }
        return new HelpResult.Lines(lines);
    }

    /** The text to insert for Tab after {@code beforeCursor}, or empty when the word is not a unique prefix. */
    public Optional<String> complete(String beforeCursor, int privilege) {
        List<Token> tokens = Token.split(beforeCursor);
        if (tokens.isEmpty() || Character.isWhitespace(beforeCursor.charAt(beforeCursor.length() - 1))) {
            return Optional.empty();
        }
        Walk walk = walk(beforeCursor, tokens, tokens.size() - 1, privilege);
        if (walk.failure != null || walk.pipe != null || walk.consumedLine) {
            return Optional.empty();
        }
        String typed = tokens.get(tokens.size() - 1).text();
        String prefix = typed.toLowerCase(Locale.ROOT);
        List<String> words = walk.node.visibleChildren(privilege).stream()
                .filter(c -> c.element instanceof Element.Keyword k && k.word().startsWith(prefix))
                .map(c -> ((Element.Keyword) c.element).word())
                .toList();
        Optional<String> exact = words.stream().filter(w -> w.equals(prefix)).findFirst();
        String word = exact.orElse(words.size() == 1 ? words.get(0) : null);
        if (word == null) {
            return Optional.empty();
        }
        return Optional.of(word.substring(typed.length()) + " ");
    }

    private static HelpResult pipeHelp(String pipe, boolean partial) {
        List<String> modifiers = List.of("begin", "count", "exclude", "include", "section");
        Map<String, String> help = Map.of("begin", "Begin with the line that matches",
                "count", "Count number of lines which match regexp",
                "exclude", "Exclude lines that match",
                "include", "Include lines that match",
                "section", "Filter a section of output");
        List<Token> t = Token.split(pipe);
        if (t.isEmpty() && !partial) {
            List<String> lines = new ArrayList<>();
            modifiers.forEach(m -> lines.add("  " + pad(m, 7) + "  " + help.get(m)));
            return new HelpResult.Lines(lines);
        }
        if (t.size() == 1 && partial) {
            String p = t.get(0).text().toLowerCase(Locale.ROOT);
            List<String> words = modifiers.stream().filter(m -> m.startsWith(p)).toList();
            return words.isEmpty() ? new HelpResult.Unrecognized()
                    : new HelpResult.Lines(List.of(String.join("  ", words) + "  "));
        }
        return new HelpResult.Lines(List.of("  LINE  Regular Expression"));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * Walks the first {@code count} tokens from the root; stops at a {@code |} after a complete command (the rest is
     * the output filter), at the first token nothing accepts, or after a {@code LINE} argument.
     */
    private Walk walk(String line, List<Token> tokens, int count, int privilege) {
        Walk w = new Walk();
        w.node = root;
        for (int i = 0; i < count; i++) {
            Token tok = tokens.get(i);
            if (tok.text().equals("|") && w.node != root && w.node.command != null) {
                w.pipe = line.substring(tok.end());
                w.pipeColumn = tok.start();
                w.argColumns.put("|", tok.end());
                return w;
            }
            String lower = tok.text().toLowerCase(Locale.ROOT);
            // The children are read in place, skipping those above the privilege: this runs for every word of
            // every line, and a filtered copy of a wide node (exec's top level) costs more than the rest of it.
            List<Node> children = w.node.children;
            Node chosen = null;
            Node prefixed = null;
            boolean ambiguous = false;
            for (Node c : children) {
                if (c.minPrivilege <= privilege && c.element instanceof Element.Keyword k) {
                    if (k.word().equals(lower)) {
                        chosen = c;
                        break;
                    }
                    if (k.word().startsWith(lower)) {
                        ambiguous |= prefixed != null;
                        prefixed = c;
                    }
                }
            }
            if (chosen == null && prefixed != null && !ambiguous) {
                chosen = prefixed;
            } else if (chosen == null && ambiguous) {
                w.failure = new ParseResult.Ambiguous(tok.start());
                return w;
            }
            if (chosen != null) {
                w.keywords.add(((Element.Keyword) chosen.element).word());
                w.node = chosen;
                continue;
            }
            Node arg = null;
            String value = null;
            int extra = 0;
            for (Node c : children) {
                if (c.minPrivilege > privilege || !(c.element instanceof Element.Arg a)) {
                    continue;
                }
                String candidate = tok.text();
                int consumed = 0;
                if (a.kind() == ArgKind.INTERFACE && InterfaceName.isTypeOnly(candidate) && i + 1 < count) {
                    candidate = candidate + tokens.get(i + 1).text();
                    consumed = 1;
                }
                if (a.kind().accepts(candidate, a.min(), a.max())
                        && (arg == null || a.kind().specificity() > ((Element.Arg) arg.element).kind().specificity())) {
                    arg = c;
                    extra = consumed;
                    value = switch (a.kind()) {
                        case LINE -> line.substring(tok.start()).stripTrailing();
                        case INTERFACE -> InterfaceName.parse(candidate).orElseThrow();
                        default -> candidate;
                    };
                }
            }
            if (arg == null) {
                w.failure = new ParseResult.Invalid(caretColumn(tok, w.node.visibleChildren(privilege)));
                return w;
            }
            Element.Arg a = (Element.Arg) arg.element;
            w.args.put(a.name(), value);
            w.argColumns.put(a.name(), tok.start());
            w.node = arg;
            i += extra;
            if (a.kind() == ArgKind.LINE) {
                w.consumedLine = true;
                return w;
            }
        }
        return w;
    }

    /** IOS points at the first character no keyword could accept: {@code ipp} against {@code ip} → the 2nd p. */
    private static int caretColumn(Token tok, List<Node> children) {
        String lower = tok.text().toLowerCase(Locale.ROOT);
        int best = 0;
        for (Node c : children) {
            if (c.element instanceof Element.Keyword k) {
                int n = 0;
                while (n < lower.length() && n < k.word().length() && lower.charAt(n) == k.word().charAt(n)) {
                    n++;
                }
                best = Math.max(best, n);
            }
        }
        return tok.start() + Math.min(best, tok.text().length() - 1);
    }

    private static final class Walk {
        Node node;
        final List<String> keywords = new ArrayList<>();
        final Map<String, String> args = new LinkedHashMap<>();
        final Map<String, Integer> argColumns = new LinkedHashMap<>();
        String pipe;
        int pipeColumn;
        boolean consumedLine;
        ParseResult failure;
    }

    private static final class Node {
        final Element element;
        final List<Node> children = new ArrayList<>();
        String help = "";
        Command command;
        int minPrivilege = Integer.MAX_VALUE;

        Node(Element element) {
            this.element = element;
        }

        Node child(Element e) {
            for (Node c : children) {
                if (c.element.equals(e)) {
                    return c;
                }
            }
            Node n = new Node(e);
            children.add(n);
            return n;
        }

        List<Node> visibleChildren(int privilege) {
            return children.stream().filter(c -> c.minPrivilege <= privilege).toList();
        }
    }
}
