package dev.ioslab.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the position-aware YAML tree into configuration records: applies defaults, checks every field, and hands
 * the device entries to template expansion and the clash checks. Every problem goes to the {@link ProblemList};
 * the result is meaningful only when that list stays empty. One instance per load.
 */
final class ConfigBinder {

    static final List<String> ROOT_KEYS = List.of("daemon", "devices", "imageRepository", "transfers", "control");
    static final List<String> DAEMON_KEYS =
            List.of("stateDir", "logConfig", "verificationPoolSize", "bindAddress", "loginTimeout", "ioThreads",
                    "bootTime", "ssh", "descriptorLimit", "descriptorHeadroom", "maxUnauthenticated",
                    "maxUnauthenticatedPerAddress", "maxUnauthenticatedPerListener", "sharedListeners");
    static final List<String> SHARED_LISTENER_KEYS = List.of("address", "sshPort", "telnetPort");
    static final List<String> DEVICE_KEYS = List.of("name", "platform", "address", "sshPort", "telnetPort", "users",
            "enableSecret", "startupConfig", "count", "first", "countUp");
    static final List<String> PLATFORM_KEYS =
            List.of("model", "processorBoardId", "mainMemoryKb", "ioMemoryKb", "flash", "nvramBytes");
    static final List<String> FLASH_KEYS = List.of("name", "sizeBytes");
    static final List<String> USER_KEYS = List.of("name", "privilege", "secret");

    /** Device names become folder names under {@code var/devices/}, so they start with a letter and stay short. */
    static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,62}");
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._@-]{0,63}");
    static final Pattern FLASH_NAME = Pattern.compile("[a-z]+[0-9]*");
    static final Pattern BOARD_ID = Pattern.compile("[A-Za-z0-9]{1,20}");
    static final int MAX_COUNT = 100_000;
    static final int MAX_THREADS = 1024;
    static final long MIN_DESCRIPTOR_LIMIT = 64;
    static final long MAX_DESCRIPTORS = 100_000_000;
    static final Duration MIN_LOGIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_LOGIN_TIMEOUT = Duration.ofHours(1);
    static final long MIN_FLASH_BYTES = 1L << 16;
    static final long MAX_FLASH_BYTES = 1L << 40;

    private static final String PORT_RANGE_HINT = "a TCP port 1..65535";

    private final int availableProcessors;
    private final ProblemList problems;
    private final ProcessorBoardIdGenerator boardIds = new ProcessorBoardIdGenerator();

    ConfigBinder(int availableProcessors, ProblemList problems) {
        this.availableProcessors = availableProcessors;
        this.problems = problems;
    }

    /** Binds the whole document; the result is only valid if no problem was reported. */
    IoslabConfig bind(YamlNode root) {
        YamlNode.Mapping rootMapping;
        if (root instanceof YamlNode.Mapping mapping) {
            rootMapping = mapping;
        } else {
            problems.add(root.position(), "", "the file must be a mapping with the keys "
                    + String.join(", ", ROOT_KEYS) + ", got " + MappingReader.describe(root));
            rootMapping = new YamlNode.Mapping(List.of(), root.position());
        }
        MappingReader top = new MappingReader(rootMapping, "", ROOT_KEYS, problems);

        BoundDaemon daemon = bindDaemon(top);
        ImageRepositoryBinder.Bound imageRepository = new ImageRepositoryBinder(this, problems)
                .bind(section(top, "imageRepository", ImageRepositoryBinder.KEYS), daemon.bindAddress());
        List<DeviceEntry> entries = bindDevices(top, daemon.bindAddress(), daemon.shared());

        List<DeviceEntry.Placed> placed = new ArrayList<>();
        for (DeviceEntry entry : entries) {
            placed.addAll(entry.expand(boardIds));
        }
        ClashCheck clashes = new ClashCheck(problems);
        clashes.checkNames(placed);
        ControlBinder.Bound control = new ControlBinder(this).bind(section(top, "control", ControlBinder.KEYS));
        if (daemon.shared() == null) {
            clashes.checkListeners(placed, imageRepository, control);
        } else {
            clashes.checkSharedAddresses(placed);
            clashes.checkListeners(List.of(), imageRepository, control, daemon.shared().ports());
        }

        return new IoslabConfig(daemon.settings(), placed.stream().map(DeviceEntry.Placed::spec).toList(),
                imageRepository.settings(), TransferDefaults.bind(section(top, "transfers", TransferDefaults.KEYS)),
                control.settings());
    }

    private record BoundDaemon(DaemonSettings settings, IpAddress bindAddress, SharedBinding shared) {
    }

    /**
     * The shared listeners as bound, with the parsed address the device entries are checked against ({@code null}
     * when it was missing or invalid, already reported).
     */
    private record SharedBinding(SharedListeners settings, IpAddress address, List<ClashCheck.SharedPort> ports) {
    }

    private BoundDaemon bindDaemon(MappingReader top) {
        MappingReader daemon = section(top, "daemon", DAEMON_KEYS);
        Path stateDir = path(daemon, "stateDir", DaemonSettings.DEFAULT_STATE_DIR);
        Path logConfig = path(daemon, "logConfig", DaemonSettings.DEFAULT_LOG_CONFIG);
        int poolSize = (int) daemon.integer("verificationPoolSize", 1, MAX_THREADS, availableProcessors);
        IpAddress loopback = IpAddress.parse(DaemonSettings.DEFAULT_BIND_ADDRESS);
        IpAddress bindAddress = Objects.requireNonNullElse(address(daemon, "bindAddress", loopback), loopback);
        Duration loginTimeout = daemon.duration("loginTimeout", MIN_LOGIN_TIMEOUT, MAX_LOGIN_TIMEOUT,
                DaemonSettings.DEFAULT_LOGIN_TIMEOUT);
        int ioThreads = (int) daemon.integer("ioThreads", 1, MAX_THREADS, availableProcessors);
        Duration bootTime = daemon.duration("bootTime", Duration.ZERO, Duration.ofMinutes(10),
                DaemonSettings.DEFAULT_BOOT_TIME);
        SshAlgorithmSettings ssh = new SshAlgorithmBinder(problems)
                .bind(section(daemon, "ssh", SshAlgorithmBinder.KEYS));
        SharedBinding shared = daemon.has("sharedListeners") ? bindSharedListeners(daemon) : null;
        DaemonSettings settings = new DaemonSettings(stateDir, logConfig, poolSize, bindAddress.toString(),
                loginTimeout, ioThreads, bootTime, ssh, bindConnectionLimits(daemon),
                Optional.ofNullable(shared).map(SharedBinding::settings));
        return new BoundDaemon(settings, bindAddress, shared);
    }

    private static ConnectionLimits bindConnectionLimits(MappingReader daemon) {
        Long limit = daemon.integer("descriptorLimit", MIN_DESCRIPTOR_LIMIT, MAX_DESCRIPTORS);
        Long headroom = daemon.integer("descriptorHeadroom", 0, MAX_DESCRIPTORS);
        if (limit != null && headroom != null && headroom >= limit) {
            daemon.report("descriptorHeadroom", headroom + " leaves nothing of descriptorLimit " + limit
                    + " for connections; keep it well below the limit (default: a tenth of it)");
        }
        long total = daemon.integer("maxUnauthenticated", 1, MAX_DESCRIPTORS,
                ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED);
        long perAddress = daemon.integer("maxUnauthenticatedPerAddress", 1, MAX_DESCRIPTORS,
                Math.min(total, ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS));
        if (perAddress > total) {
            daemon.report("maxUnauthenticatedPerAddress", perAddress + " is above maxUnauthenticated " + total
                    + "; one address cannot hold more than all of them together");
        }
        long perListener = daemon.integer("maxUnauthenticatedPerListener", 1, MAX_DESCRIPTORS,
                Math.min(perAddress, ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_LISTENER));
        if (perListener > perAddress) {
            daemon.report("maxUnauthenticatedPerListener", perListener + " is above maxUnauthenticatedPerAddress "
                    + perAddress + "; one port cannot take more from an address than all ports together");
        }
        return new ConnectionLimits(limit == null ? OptionalLong.empty() : OptionalLong.of(limit),
                headroom == null ? OptionalLong.empty() : OptionalLong.of(headroom), total, perAddress, perListener);
    }

    /**
     * {@code daemon.sharedListeners}: all three keys are required, the address in particular, so that listening on
     * every interface is always a decision written in the file.
     */
    private SharedBinding bindSharedListeners(MappingReader daemon) {
        MappingReader shared = section(daemon, "sharedListeners", SHARED_LISTENER_KEYS);
        IpAddress address = null;
        if (!shared.has("address")) {
            shared.reportMissing("address", "the address both shared listeners bind: 0.0.0.0 (every interface, "
                    + "needed when the devices have different addresses) or the one address of a single device");
        } else {
            address = address(shared, "address", null);
        }
        Long ssh = shared.requiredInteger("sshPort", 1, 65535, PORT_RANGE_HINT + " every device answers SSH on");
        Long telnet = shared.requiredInteger("telnetPort", 1, 65535,
                PORT_RANGE_HINT + " every device answers Telnet on");
        if (ssh != null && ssh.equals(telnet)) {
            shared.report("telnetPort", "is the SSH port too; SSH and Telnet need ports of their own");
            telnet = null;
        }
        // A broken section still puts the devices in shared mode, so they are not also told to add ports.
        int sshPort = ssh == null ? DeviceEntry.PORT_UNSET : ssh.intValue();
        int telnetPort = telnet == null ? DeviceEntry.PORT_UNSET : telnet.intValue();
        String text = address == null ? DaemonSettings.DEFAULT_BIND_ADDRESS : address.toString();
        List<ClashCheck.SharedPort> ports = address == null ? List.of() : List.of(
                new ClashCheck.SharedPort(address, sshPort, "sshPort", shared.position("sshPort")),
                new ClashCheck.SharedPort(address, telnetPort, "telnetPort", shared.position("telnetPort")));
        return new SharedBinding(new SharedListeners(text, sshPort, telnetPort), address, ports);
    }

    private List<DeviceEntry> bindDevices(MappingReader top, IpAddress bindAddress, SharedBinding shared) {
        YamlNode devices = top.node("devices");
        if (devices == null) {
            return List.of();
        }
        if (!(devices instanceof YamlNode.Sequence sequence)) {
            top.report("devices", "expected a list of devices (lines starting with '- '), got "
                    + MappingReader.describe(devices));
            return List.of();
        }
        List<DeviceEntry> entries = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            String path = "devices[" + i + "]";
            YamlNode.Mapping mapping = MappingReader.asMapping(sequence.items().get(i), path, problems);
            if (mapping != null) {
                MappingReader reader = new MappingReader(mapping, path, DEVICE_KEYS, problems);
                DeviceEntry entry = bindDevice(reader, bindAddress, shared);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /**
     * One entry of {@code devices:}; {@code null} when it is too broken to expand (already reported). With shared
     * listeners ({@code shared} not null) the entry has no ports of its own and a template counts up addresses.
     */
    private DeviceEntry bindDevice(MappingReader device, IpAddress bindAddress, SharedBinding shared) {
        DeviceEntry.Template template = bindTemplate(device, shared == null ? CountUp.PORTS : CountUp.ADDRESS);
        boolean isTemplate = device.has("count");
        String name = deviceName(device, template, isTemplate);
        PlatformSpec platform = bindPlatform(device, isTemplate);
        IpAddress written = address(device, "address", bindAddress);
        IpAddress address = Objects.requireNonNullElse(written, bindAddress);
        Long sshPort;
        Long telnetPort;
        if (shared == null) {
            sshPort = device.requiredInteger("sshPort", 1, 65535, PORT_RANGE_HINT + " for the SSH listener");
            telnetPort = device.requiredInteger("telnetPort", 1, 65535, PORT_RANGE_HINT + " for the Telnet listener");
        } else {
            sshPort = shared.settings().sshPort() == DeviceEntry.PORT_UNSET ? null : (long) shared.settings().sshPort();
            telnetPort = shared.settings().telnetPort() == DeviceEntry.PORT_UNSET ? null
                    : (long) shared.settings().telnetPort();
            if (!checkSharedDevice(device, template, written, shared)) {
                return null;
            }
        }
        List<UserSpec> users = bindUsers(device);
        String enableSecret = secret(device, "enableSecret", false);
        List<String> startupConfig = bindStartupConfig(device);
        boolean countable = template == null || countsInRange(device, template, address, sshPort, telnetPort);
        if (name == null || isTemplate && template == null || !countable) {
            return null;
        }
        // A broken port or address is reported already; the entry still takes part in the name check, but
        // without listeners, since a clash found against a stand-in value would be a false alarm.
        if (written == null) {
            sshPort = null;
            telnetPort = null;
        }
        return new DeviceEntry(device.path(), name, device.position("name"), platform, address,
                device.position("address"), portOrUnset(sshPort), device.position("sshPort"), portOrUnset(telnetPort),
                device.position("telnetPort"), users, enableSecret, startupConfig, template);
    }

    /**
     * What shared listeners ask of a device entry: no ports of its own, a template that counts addresses, and an
     * address the listeners can see (a device on a wildcard address could not be told from the others).
     */
    private static boolean checkSharedDevice(MappingReader device, DeviceEntry.Template template, IpAddress address,
            SharedBinding shared) {
        boolean valid = true;
        for (String key : List.of("sshPort", "telnetPort")) {
            if (device.has(key)) {
                device.report(key, "not used with daemon.sharedListeners: every device answers on port "
                        + (key.equals("sshPort") ? shared.settings().sshPort() : shared.settings().telnetPort())
                        + " of its own address; remove it");
                valid = false;
            }
        }
        if (template != null && template.countUp() == CountUp.PORTS) {
            device.report("countUp", "with daemon.sharedListeners the devices share the ports, so a template counts "
                    + "up addresses; write countUp: address or leave it out");
            valid = false;
        }
        if (address != null && address.isWildcard()) {
            device.report("address", "'" + address + "' is a wildcard; with daemon.sharedListeners each device needs "
                    + "an address of its own, such as 127.1.0.1");
            valid = false;
        } else if (address != null && shared.address() != null && !shared.address().isWildcard()
                && (!address.equals(shared.address()) || template != null && template.count() > 1)) {
            device.report("address", "the shared listeners bind only " + shared.address() + ", so a device on "
                    + (address.equals(shared.address()) ? "the next addresses" : address)
                    + " is unreachable; set daemon.sharedListeners.address to 0.0.0.0 (every interface)");
            valid = false;
        }
        return valid;
    }

    private DeviceEntry.Template bindTemplate(MappingReader device, CountUp defaultCountUp) {
        if (!device.has("count")) {
            for (String key : List.of("first", "countUp")) {
                if (device.has(key)) {
                    device.report(key, "only allowed in a template; add 'count: N' to make this entry one, "
                            + "or remove '" + key + "'");
                }
            }
            return null;
        }
        Long count = device.integer("count", 1, MAX_COUNT);
        long first = device.integer("first", 0, 1_000_000_000, 1);
        CountUp countUp = defaultCountUp;
        String countUpText = device.string("countUp");
        if (countUpText != null) {
            countUp = null;
            for (CountUp candidate : CountUp.values()) {
                if (candidate.yamlName().equals(countUpText)) {
                    countUp = candidate;
                }
            }
            if (countUp == null) {
                device.report("countUp", "'" + countUpText + "' is not allowed; allowed: ports, address");
                countUp = defaultCountUp;
            }
        }
        return count == null ? null : new DeviceEntry.Template(count.intValue(), first, countUp);
    }

    private String deviceName(MappingReader device, DeviceEntry.Template template, boolean isTemplate) {
        String name = device.requiredString("name", "every device needs a name such as r1 (a template: r{n})");
        if (name == null) {
            return null;
        }
        boolean hasPlaceholder = name.contains(DeviceEntry.NUMBER_PLACEHOLDER);
        if (isTemplate && !hasPlaceholder) {
            device.report("name", "'" + name + "' has no {n}; a template (an entry with count) needs {n} in its "
                    + "name, where each device's number goes, such as r{n}");
            return null;
        }
        if (!isTemplate && hasPlaceholder) {
            device.report("name", "'" + name + "' uses {n} but the entry has no count; add 'count: N' to make it "
                    + "a template, or write the name out");
            return null;
        }
        // Digits are valid name characters, so the first and last numbers show whether every expansion is valid.
        List<String> samples = new ArrayList<>();
        if (template == null) {
            // A broken count is reported already; check the rest of the name as if numbering started at 1.
            samples.add(name.replace(DeviceEntry.NUMBER_PLACEHOLDER, "1"));
        } else {
            samples.add(name.replace(DeviceEntry.NUMBER_PLACEHOLDER, Long.toString(template.first())));
            samples.add(name.replace(DeviceEntry.NUMBER_PLACEHOLDER,
                    Long.toString(template.first() + template.count() - 1)));
        }
        for (String sample : samples) {
            if (!DEVICE_NAME.matcher(sample).matches()) {
                device.report("name", "'" + sample + "' is not a valid device name; allowed: a letter, then up to "
                        + "62 letters, digits, '.', '_' or '-' (pattern " + DEVICE_NAME.pattern() + ")");
                return null;
            }
        }
        return name;
    }

    private PlatformSpec bindPlatform(MappingReader device, boolean isTemplate) {
        MappingReader platform = section(device, "platform", PLATFORM_KEYS);
        String model = platform.string("model");
        if (model == null) {
            model = PlatformSpec.DEFAULT_MODEL;
        } else if (!PlatformSpec.MODELS.contains(model)) {
            platform.report("model", "'" + model + "' is not a supported model; allowed: "
                    + String.join(", ", PlatformSpec.MODELS));
            model = PlatformSpec.DEFAULT_MODEL;
        }
        String boardId = platform.string("processorBoardId");
        if (boardId == null) {
            boardId = "";
        } else if (isTemplate) {
            platform.report("processorBoardId", "not allowed in a template, where every device would share one "
                    + "serial number; leave it out and each device derives its own from its name");
            boardId = "";
        } else if (!BOARD_ID.matcher(boardId).matches()) {
            platform.report("processorBoardId", "'" + boardId + "' is not allowed; allowed: 1 to 20 letters and "
                    + "digits, such as FGL161010K8");
            boardId = "";
        }
        long mainMemoryKb = platform.integer("mainMemoryKb", 65_536, 67_108_864, PlatformSpec.DEFAULT_MAIN_MEMORY_KB);
        long ioMemoryKb = platform.integer("ioMemoryKb", 1_024, 4_194_304, PlatformSpec.DEFAULT_IO_MEMORY_KB);
        long nvramBytes = platform.integer("nvramBytes", 1_024, 67_108_864, PlatformSpec.DEFAULT_NVRAM_BYTES);
        List<FlashSpec> flash = bindFlash(platform);
        return new PlatformSpec(model, boardId, mainMemoryKb, ioMemoryKb, flash, nvramBytes);
    }

    private List<FlashSpec> bindFlash(MappingReader platform) {
        YamlNode node = platform.node("flash");
        if (node == null) {
            return PlatformSpec.DEFAULT_FLASH;
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            platform.report("flash", "expected a list of { name, sizeBytes } entries, got "
                    + MappingReader.describe(node));
            return PlatformSpec.DEFAULT_FLASH;
        }
        if (sequence.items().isEmpty()) {
            platform.report("flash", "must list at least one flash file system; the device boots from the first");
            return PlatformSpec.DEFAULT_FLASH;
        }
        List<FlashSpec> flash = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            String path = platform.childPath("flash") + "[" + i + "]";
            YamlNode.Mapping mapping = MappingReader.asMapping(sequence.items().get(i), path, problems);
            if (mapping == null) {
                continue;
            }
            MappingReader entry = new MappingReader(mapping, path, FLASH_KEYS, problems);
            String name = entry.requiredString("name", "a file system name such as flash0 or usbflash0");
            Long size = entry.requiredInteger("sizeBytes", MIN_FLASH_BYTES, MAX_FLASH_BYTES,
                    "the capacity in bytes, such as 256487424");
            if (name != null && !FLASH_NAME.matcher(name).matches()) {
                entry.report("name", "'" + name + "' is not a valid file system name; allowed: lower-case letters "
                        + "then digits, such as flash0 or usbflash1");
                name = null;
            } else if (name != null && (name.equals("nvram") || !names.add(name))) {
                entry.report("name", name.equals("nvram")
                        ? "'nvram' is not a flash file system; set its size with platform.nvramBytes"
                        : "file system '" + name + "' is listed twice");
                name = null;
            }
            if (name != null && size != null) {
                flash.add(new FlashSpec(name, size));
            }
        }
        return flash;
    }

    private List<UserSpec> bindUsers(MappingReader device) {
        YamlNode node = device.node("users");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            device.report("users", "expected a list of { name, privilege, secret } entries, got "
                    + MappingReader.describe(node));
            return List.of();
        }
        List<UserSpec> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            String path = device.childPath("users") + "[" + i + "]";
            YamlNode.Mapping mapping = MappingReader.asMapping(sequence.items().get(i), path, problems);
            if (mapping == null) {
                continue;
            }
            MappingReader user = new MappingReader(mapping, path, USER_KEYS, problems);
            String name = user.requiredString("name", "the login name, such as admin");
            if (name != null && !USER_NAME.matcher(name).matches()) {
                user.report("name", "'" + name + "' is not a valid user name; allowed: a letter, then up to 63 "
                        + "letters, digits, '.', '_', '@' or '-'");
                name = null;
            } else if (name != null && !names.add(name)) {
                user.report("name", "user '" + name + "' is listed twice for this device");
                name = null;
            }
            long privilege = user.integer("privilege", 0, 15, UserSpec.DEFAULT_PRIVILEGE);
            String secret = secret(user, "secret", true);
            if (name != null && secret != null) {
                users.add(new UserSpec(name, (int) privilege, secret));
            }
        }
        return users;
    }

    /** A password; there is never a default, so a required one that is missing is an error. */
    String secret(MappingReader reader, String key, boolean required) {
        String secret = required
                ? reader.requiredString(key, "every user needs a secret (its password); there is no default")
                : reader.string(key);
        if (secret == null) {
            return null;
        }
        if (secret.isEmpty() || !secret.strip().equals(secret) || secret.chars().anyMatch(Character::isISOControl)) {
            reader.report(key, "must be non-empty, without leading or trailing spaces or control characters");
            return null;
        }
        return secret;
    }

    private List<String> bindStartupConfig(MappingReader device) {
        YamlNode node = device.node("startupConfig");
        if (node == null) {
            return List.of();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.STRING) {
            // A block scalar ('|') is the natural way to paste a config; its final line break is no extra line.
            return scalar.text().lines().toList();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            device.report("startupConfig", "expected a list of IOS configuration lines or a '|' block, got "
                    + MappingReader.describe(node));
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            if (item instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.ScalarKind.NULL) {
                lines.add(scalar.text());
            } else {
                problems.add(item.position(), device.childPath("startupConfig") + "[" + i + "]",
                        "expected one IOS configuration line, got " + MappingReader.describe(item));
            }
        }
        return lines;
    }

    /** Counting must stay inside the port range or the address space for the whole template. */
    private boolean countsInRange(MappingReader device, DeviceEntry.Template template, IpAddress address,
            Long sshPort, Long telnetPort) {
        int steps = template.count() - 1;
        if (template.countUp() == CountUp.ADDRESS) {
            if (address.plus(steps) == null) {
                device.report("address", "counting up from " + address + " for " + template.count()
                        + " devices passes the end of the address space; lower the address or the count");
                return false;
            }
            return true;
        }
        boolean inRange = true;
        for (String key : List.of("sshPort", "telnetPort")) {
            Long port = key.equals("sshPort") ? sshPort : telnetPort;
            if (port != null && port + steps > 65535) {
                device.report(key, "counting up from " + port + " for " + template.count() + " devices reaches "
                        + (port + steps) + ", past 65535; lower the port or the count, or use countUp: address");
                inRange = false;
            }
        }
        return inRange;
    }

    /** A sub-mapping such as {@code daemon:}; an absent or broken one reads as empty so defaults apply. */
    MappingReader section(MappingReader parent, String key, List<String> allowedKeys) {
        YamlNode node = parent.node(key);
        YamlNode.Mapping mapping = node == null ? null
                : MappingReader.asMapping(node, parent.childPath(key), problems);
        if (mapping == null) {
            mapping = new YamlNode.Mapping(List.of(), parent.position(key));
        }
        return new MappingReader(mapping, parent.childPath(key), allowedKeys, problems);
    }

    private static int portOrUnset(Long port) {
        return port == null ? DeviceEntry.PORT_UNSET : port.intValue();
    }

    int port(MappingReader reader, String key, int defaultValue) {
        return (int) reader.integer(key, 1, 65535, defaultValue);
    }

    /** The address under {@code key}, {@code defaultValue} when absent, {@code null} when invalid (reported). */
    IpAddress address(MappingReader reader, String key, IpAddress defaultValue) {
        if (!reader.has(key)) {
            return defaultValue;
        }
        String text = reader.string(key);
        if (text == null) {
            return null;
        }
        try {
            return IpAddress.parse(text.strip());
        } catch (IllegalArgumentException e) {
            reader.report(key, e.getMessage());
            return null;
        }
    }

    Path path(MappingReader reader, String key, Path defaultValue) {
        String text = reader.string(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            if (text.isBlank()) {
                reader.report(key, "must not be empty; write a directory or file path, or leave the key out");
                return defaultValue;
            }
            return Path.of(text);
        } catch (InvalidPathException e) {
            reader.report(key, "'" + text + "' is not a valid path: " + e.getReason());
            return defaultValue;
        }
    }
}
