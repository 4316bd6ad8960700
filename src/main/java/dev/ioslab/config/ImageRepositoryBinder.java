package dev.ioslab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code imageRepository:} section, reporting every problem with its position. */
final class ImageRepositoryBinder {

    static final List<String> KEYS = List.of("enabled", "address", "ftpPort", "tftpPort", "directory",
            "ftpPassivePorts", "ftpUsers", "tftpUploads", "sampleImageBytes");
    static final List<String> USER_KEYS = List.of("name", "password");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    private static final long MIN_SAMPLE_BYTES = 1024;
    private static final long MAX_SAMPLE_BYTES = 1L << 31;

    /** The image repository with what the clash check needs to point at its ports. */
    record Bound(ImageRepositorySettings settings, IpAddress address, boolean addressValid,
                 YamlNode.Position ftpPosition, YamlNode.Position tftpPosition) {
    }

    private final ConfigBinder binder;
    private final ProblemList problems;

    ImageRepositoryBinder(ConfigBinder binder, ProblemList problems) {
        this.binder = binder;
        this.problems = problems;
    }

    Bound bind(MappingReader repository, IpAddress bindAddress) {
        boolean enabled = repository.bool("enabled", true);
        IpAddress written = binder.address(repository, "address", bindAddress);
        IpAddress address = Objects.requireNonNullElse(written, bindAddress);
        int ftpPort = binder.port(repository, "ftpPort", ImageRepositorySettings.DEFAULT_FTP_PORT);
        int tftpPort = binder.port(repository, "tftpPort", ImageRepositorySettings.DEFAULT_TFTP_PORT);
        Path directory = binder.path(repository, "directory", ImageRepositorySettings.DEFAULT_DIRECTORY);
        int[] passive = passivePorts(repository);
        List<ImageRepositorySettings.RepositoryUser> users = users(repository);
        boolean tftpUploads = repository.bool("tftpUploads", false);
        long sampleBytes = repository.integer("sampleImageBytes", MIN_SAMPLE_BYTES, MAX_SAMPLE_BYTES,
                ImageRepositorySettings.DEFAULT_SAMPLE_IMAGE_BYTES);
        // With a broken address (already reported) its listeners are left out of the clash check: any clash
        // found against a stand-in address would be a false alarm.
        return new Bound(new ImageRepositorySettings(enabled, address.toString(), ftpPort, tftpPort, directory,
                passive[0], passive[1], users, tftpUploads, sampleBytes),
                address, written != null, repository.position("ftpPort"), repository.position("tftpPort"));
    }

    private static int[] passivePorts(MappingReader repository) {
        int[] defaults = {ImageRepositorySettings.DEFAULT_PASSIVE_FIRST, ImageRepositorySettings.DEFAULT_PASSIVE_LAST};
        String text = repository.string("ftpPassivePorts");
        if (text == null) {
            return defaults;
        }
        Matcher m = PORT_RANGE.matcher(text.strip());
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = Integer.parseInt(m.group(2));
            if (first >= 1024 && first <= last && last <= 65535) {
                return new int[] {first, last};
            }
        }
        repository.report("ftpPassivePorts", "'" + text + "' is not a port range; allowed: FIRST-LAST within "
                + "1024..65535, such as 50000-50100");
        return defaults;
    }

    private List<ImageRepositorySettings.RepositoryUser> users(MappingReader repository) {
        YamlNode node = repository.node("ftpUsers");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            repository.report("ftpUsers", "expected a list of { name, password } entries, got "
                    + MappingReader.describe(node));
            return List.of();
        }
        List<ImageRepositorySettings.RepositoryUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            String path = repository.childPath("ftpUsers") + "[" + i + "]";
            YamlNode.Mapping mapping = MappingReader.asMapping(sequence.items().get(i), path, problems);
            if (mapping == null) {
                continue;
            }
            MappingReader user = new MappingReader(mapping, path, USER_KEYS, problems);
            String name = user.requiredString("name", "the FTP login name, such as images");
            if (name != null && (!ConfigBinder.USER_NAME.matcher(name).matches()
                    || name.equalsIgnoreCase("anonymous"))) {
                user.report("name", "'" + name + "' is not allowed; a letter, then up to 63 letters, digits, '.', "
                        + "'_', '@' or '-', and not 'anonymous' (anonymous is always read-only)");
                name = null;
            } else if (name != null && !names.add(name)) {
                user.report("name", "user '" + name + "' is listed twice");
                name = null;
            }
            String password = binder.secret(user, "password", true);
            if (name != null && password != null && password.equals(name)) {
                user.report("password", "must differ from the user name");
                password = null;
            }
            if (name != null && password != null) {
                users.add(new ImageRepositorySettings.RepositoryUser(name, password));
            }
        }
        return users;
    }
}
