package dev.ioslab.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads {@code conf/ioslab.yaml}: reads the YAML, applies defaults, expands device templates and checks everything,
 * reporting all problems at once in one {@link ConfigException}. Called once at daemon start on the main thread;
 * an instance keeps no state between loads and may be reused.
 */
public final class ConfigLoader {

    private final int availableProcessors;

    /** A loader whose thread-count defaults follow this machine's processors. */
    public ConfigLoader() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A loader with an explicit processor count, which is the default for {@code verificationPoolSize} and
     * {@code ioThreads}; tests pass a fixed number so results do not depend on the machine.
     */
    public ConfigLoader(int availableProcessors) {
        if (availableProcessors < 1) {
            throw new IllegalArgumentException("availableProcessors must be at least 1: " + availableProcessors);
        }
        this.availableProcessors = availableProcessors;
    }

    /**
     * Reads and checks a configuration file (UTF-8). Problems name the file as given here.
     *
     * @throws ConfigException when the file cannot be read or anything in it is wrong
     */
    public IoslabConfig load(Path file) throws ConfigException {
        String sourceName = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(sourceName, "file not found (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (CharacterCodingException e) {
            throw single(sourceName, "not valid UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw single(sourceName, "cannot be read: " + e);
        }
        return parse(yaml, sourceName);
    }

    /**
     * Checks configuration text.
     *
     * @param yaml       the YAML document
     * @param sourceName what problems call the text, normally its file name
     * @throws ConfigException listing every problem found
     */
    public IoslabConfig parse(String yaml, String sourceName) throws ConfigException {
        ProblemList problems = new ProblemList(sourceName);
        YamlNode root = new YamlTreeReader().read(yaml, problems);
        IoslabConfig config = new ConfigBinder(availableProcessors, problems).bind(root);
        problems.throwIfAny();
        return config;
    }

    private static ConfigException single(String sourceName, String message) {
        return new ConfigException(sourceName, List.of(new ConfigProblem(sourceName, null, "", message)));
    }
}
