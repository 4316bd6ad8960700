package dev.ioslab.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The numbers {@code dir} prints in its first column. IOS numbers files in creation order and a file keeps its
 * number until deleted (renames keep it, like an inode), so numbers are assigned once per relative path from a
 * counter and kept in a hidden file {@code .ioslab-index} in the file system root. Host birth times are not
 * portable enough to derive them. Files that appear behind the daemon's back get the next numbers, oldest first.
 *
 * <p>Format: {@code ioslab-index 1}, {@code next <n>}, then one {@code <number>\t<path>} line per entry.
 * Not thread-safe: the owning {@link IosFileSystem} calls it only under its namespace lock.
 */
final class FileIndex {

    private static final Logger LOG = LoggerFactory.getLogger(FileIndex.class);
    private static final String HEADER = "ioslab-index 1";

    private final Path file;
    private final Map<String, Integer> numbers = new HashMap<>();
    private int next = 1;
    private boolean dirty;

    private FileIndex(Path file) {
        this.file = file;
    }

    /** Loads the index of a root; a missing or damaged index starts afresh (numbers are cosmetic). */
    static FileIndex load(Path root) {
        FileIndex index = new FileIndex(root.resolve(PathRules.INDEX_NAME));
        try {
            List<String> lines = Files.readAllLines(index.file, StandardCharsets.UTF_8);
            index.parse(lines);
        } catch (NoSuchFileException e) {
            LOG.debug("No file index in {}, numbering afresh", root);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Damaged file index {}, numbering afresh: {}", index.file, e.toString());
            index.numbers.clear();
            index.next = 1;
            index.dirty = true;
        }
        return index;
    }

    private void parse(List<String> lines) {
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("next ")) {
            throw new IllegalArgumentException("bad header");
        }
        next = Integer.parseInt(lines.get(1).substring(5));
        for (String line : lines.subList(2, lines.size())) {
            int tab = line.indexOf('\t');
            int number = Integer.parseInt(line.substring(0, tab));
            numbers.put(line.substring(tab + 1), number);
            next = Math.max(next, number + 1);
        }
    }

    /** The number of {@code relative}, if it has one. */
    Integer find(String relative) {
        return numbers.get(relative);
    }

    /** The number of {@code relative}, assigning the next one when it has none. */
    int numberOf(String relative) {
        Integer known = numbers.get(relative);
        if (known != null) {
            return known;
        }
        int assigned = next++;
        numbers.put(relative, assigned);
        dirty = true;
        return assigned;
    }

    /** Forgets {@code relative} and everything below it. */
    void removeTree(String relative) {
        dirty |= numbers.keySet().removeIf(path -> isAtOrBelow(path, relative));
    }

    /** Moves the numbers of {@code from} and everything below it to {@code to}, as a rename keeps inodes. */
    void renameTree(String from, String to) {
        removeTree(to);
        Map<String, Integer> moved = new HashMap<>();
        numbers.entrySet().removeIf(entry -> {
            if (isAtOrBelow(entry.getKey(), from)) {
                moved.put(to + entry.getKey().substring(from.length()), entry.getValue());
                return true;
            }
            return false;
        });
        numbers.putAll(moved);
        dirty = true;
    }

    /** Forgets every entry whose parent is {@code directory} and whose name is not in {@code present}. */
    void retainChildren(String directory, Set<String> present) {
        String prefix = directory.isEmpty() ? "" : directory + "/";
        dirty |= numbers.keySet().removeIf(path -> path.startsWith(prefix)
                && path.indexOf('/', prefix.length()) < 0 && !present.contains(path.substring(prefix.length())));
    }

    /** Forgets everything and starts numbering at 1 again, as after {@code format}. */
    void clear() {
        numbers.clear();
        next = 1;
        dirty = true;
    }

    /** Writes the index if it changed: temp file in the same folder, fsync, atomic rename. */
    void saveIfDirty() throws IOException {
        if (!dirty) {
            return;
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(numbers.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        StringBuilder text = new StringBuilder(HEADER).append("\nnext ").append(next).append('\n');
        for (Map.Entry<String, Integer> entry : entries) {
            text.append(entry.getValue()).append('\t').append(entry.getKey()).append('\n');
        }
        Path temp = Files.createTempFile(file.getParent(), PathRules.TEMP_PREFIX, "");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        dirty = false;
    }

    /**
     * Saves as {@link #saveIfDirty()} does, logging a failure: numbers are cosmetic and rebuilt from the folder, so a
     * lost save (a full disk) only renumbers, and must not stop a listing.
     */
    void saveQuietly(String prefix) {
        try {
            saveIfDirty();
        } catch (IOException e) {
            LOG.warn("Could not save file index of {}: {}", prefix, e.toString());
        }
    }

    private static boolean isAtOrBelow(String path, String ancestor) {
        return ancestor.isEmpty() || path.equals(ancestor) || path.startsWith(ancestor + "/");
    }
}
