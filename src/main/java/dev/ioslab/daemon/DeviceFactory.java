package dev.ioslab.daemon;

import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.SessionFaults;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.FlashSpec;
import dev.ioslab.config.PlatformSpec;
import dev.ioslab.config.UserSpec;
import dev.ioslab.device.BootImage;
import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvents;
import dev.ioslab.device.DeviceStorage;
import dev.ioslab.device.Platform;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.WriteChannelOpener;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.transfer.TransferFaults;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a device from its configuration entry and boots it: the startup configuration from NVRAM is replayed
 * through the CLI parser (or, on a device that has none yet, the entry's initial lines), then the daemon's
 * provisioned users and enable secret are applied when they differ. A device without key storage is provisioned with
 * the factory keys (the lab PKI's release A, development A and rollover keys).
 */
final class DeviceFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFactory.class);

    private final Path devicesDir;
    private final Clock clock;
    private final CommandCatalog catalog;

    private final ScheduledExecutorService idleTimer;
    private final List<SoftwareKey> factoryKeys;
    private final BootLoader bootLoader;
    private final Path provisionedImage;
    private final DeviceSeams seams;

    /**
     * What each device is built with besides its configuration: the control API's fault plans for its storage,
     * sessions and transfers, and where it publishes its events.
     */
    record DeviceSeams(Function<String, WriteChannelOpener> storage, SessionFaults sessions,
                       TransferFaults transfers, Function<String, DeviceEvents> events) {
        static final DeviceSeams NONE = new DeviceSeams(device -> WriteChannelOpener.HOST, SessionFaults.NONE,
                TransferFaults.NONE, device -> DeviceEvents.NONE);
    }
    private final ImageLinks imageLinks;
    private final ProvisionedSecrets secrets = new ProvisionedSecrets();

    /**
     * @param factoryKeys      the keys a fresh device's key storage starts with
     * @param bootLoader       chooses and verifies each device's image
     * @param provisionedImage the image a fresh device finds in {@code flash0:} (linked, not copied, when the file
     *                         system allows), or a path that does not exist for none
     */
    DeviceFactory(Path devicesDir, Clock clock, CommandCatalog catalog, ScheduledExecutorService idleTimer,
                  List<SoftwareKey> factoryKeys, BootLoader bootLoader, Path provisionedImage) {
        this(devicesDir, clock, catalog, idleTimer, factoryKeys, bootLoader, provisionedImage, DeviceSeams.NONE);
    }

    /** As above, each device built with {@code seams}. */
    DeviceFactory(Path devicesDir, Clock clock, CommandCatalog catalog, ScheduledExecutorService idleTimer,
                  List<SoftwareKey> factoryKeys, BootLoader bootLoader, Path provisionedImage, DeviceSeams seams) {
        this.seams = seams;
        this.devicesDir = devicesDir;
        this.clock = clock;
        this.catalog = catalog;
        this.idleTimer = idleTimer;
        this.factoryKeys = List.copyOf(factoryKeys);
        this.bootLoader = bootLoader;
        this.provisionedImage = provisionedImage;
        this.imageLinks = new ImageLinks(provisionedImage, devicesDir.resolve(".image-links"));
    }

    DeviceShell create(DeviceSpec spec) throws java.io.IOException {
        Path stateDir = devicesDir.resolve(spec.name());
        SoftwareAuthenticity authenticity = new SoftwareAuthenticity(
                KeyStorage.open(stateDir.resolve("keys"), factoryKeys), stateDir.resolve("state"));
        Device device = new Device(spec.name(), platform(spec.platform()), stateDir, clock, authenticity,
                seams.storage().apply(spec.name()), factoryFlash(spec.name()));
        device.setOwnAddress(InetAddress.getByName(spec.address()));
        device.publishEventsTo(seams.events().apply(spec.name()));
        DeviceShell shell = new DeviceShell(device, catalog, idleTimer, seams.sessions());
        boot(shell, spec);
        return shell;
    }

    /**
     * Boots a device again after a reload: an empty running configuration, then the startup configuration (and the
     * configured logins) replayed as at first start; {@code reason} is the next {@code Last reload reason}.
     */
    void reboot(DeviceShell shell, DeviceSpec spec, String reason) {
        Device device = shell.device();
        device.boot(device.platform().defaultImage(), reason);
        boot(shell, spec);
    }

    /** The SCP server's view of {@code device}, consulting the transfer fault plans. */
    DeviceScpTarget scpTarget(Device device) {
        return new DeviceScpTarget(device, seams.transfers());
    }

    /** How long a reload of {@code device} starting now takes ({@code normal} unless a fault plans otherwise). */
    Duration bootTime(Device device, Duration normal) {
        return bootLoader.bootTime(device, normal);
    }

    /**
     * Puts a device that is not running back to its factory state: every storage file system (flash, USB flash,
     * NVRAM with its startup-config) formatted, {@code flash0:} holding the provisioned image only, the key storage
     * back to the factory keys, the boot state (upgradable ROM monitor, debugging) cleared. The next boot then starts
     * from the entry's initial configuration. Blocking file I/O.
     *
     * @throws FsException with {@link dev.ioslab.fs.FsError#DEVICE_BUSY} while a write to a file system is still in
     *                     flight (a transfer the stop is ending); the caller tries again
     */
    void factoryReset(Device device) throws java.io.IOException, FsException {
        // A device whose storage was never used is in its factory state already.
        if (device.storage().inUse()) {
            for (IosFileSystem fs : device.fileSystems().fileSystems()) {
                if (fs.hasStorage()) {
                    fs.format();
                }
            }
            factoryFlash(device.name()).provision(device.stateDir().resolve("flash0"));
        }
        device.softwareAuthenticity().keys().resetTo(factoryKeys);
        device.softwareAuthenticity().clearBootState();
        LOG.info("{}: reset to factory state", device.name());
    }

    /**
     * What a fresh device's flash0: holds: the image it runs, put there at first use as a hard link to the lab's
     * image (a copy where no link can be made).
     */
    private DeviceStorage.FactoryFlash factoryFlash(String name) {
        return new DeviceStorage.FactoryFlash() {
            @Override
            public Optional<Path> image() {
                return Files.isRegularFile(provisionedImage) ? Optional.of(provisionedImage) : Optional.empty();
            }

            @Override
            public void provision(Path flash0) throws java.io.IOException {
                if (Files.isRegularFile(provisionedImage)) {
                    Files.createDirectories(flash0);
                    imageLinks.provision(flash0.resolve(provisionedImage.getFileName()), name);
                }
            }
        };
    }

    private void boot(DeviceShell shell, DeviceSpec spec) {
        Device device = shell.device();
        Optional<String> saved = device.startupConfig().read();
        String problems = saved.isPresent() ? shell.bootFromStartupConfig(saved.get())
                : shell.replayConfig(initialConfig(spec));
        if (!problems.isEmpty()) {
            LOG.warn("{}: startup configuration lines were refused:\n{}", spec.name(), problems);
        }
        device.bootedWithRegister(device.config().configRegister());
        StringBuilder provisioned = new StringBuilder();
        for (UserSpec u : spec.users()) {
            boolean same = device.config().user(u.name())
                    .filter(a -> a.privilege() == u.privilege() && secrets.matches(a.credential(), u.secret()))
                    .isPresent();
            if (!same) {
                provisioned.append("username ").append(u.name()).append(" privilege ").append(u.privilege())
                        .append(" secret 5 ").append(secrets.hash(u.secret())).append('\n');
            }
        }
        if (spec.enableSecret() != null && (device.config().enableSecret() == null
                || !secrets.matches(device.config().enableSecret(), spec.enableSecret()))) {
            provisioned.append("enable secret 5 ").append(secrets.hash(spec.enableSecret())).append('\n');
        }
        if (provisioned.length() > 0) {
            String refused = shell.replayConfig(provisioned.toString());
            if (!refused.isEmpty()) {
                LOG.warn("{}: provisioned credentials were refused: {}", spec.name(), refused.strip());
            }
        }
        try {
            if (bootLoader.boot(device).isEmpty()) {
                device.enterRommon("no valid image to boot in boot system or flash0:");
                LOG.warn("{}: no image verified (boot system {}, flash0:); the device stays in ROM monitor and "
                        + "refuses logins", spec.name(), device.config().bootSystem());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            device.enterRommon("boot interrupted");
        }
        LOG.debug("{}: booted from {}", spec.name(), saved.isPresent() ? "startup-config" : "initial configuration");
        device.events().publish(new DeviceEvent.Reload(device.lastReloadReason()
                + device.rommonReason().map(why -> "; ROM monitor: " + why).orElse(""), "boot"));
    }

    /** What a device without a startup-config starts from: its name, local logins on the vtys, the entry's lines. */
    private static String initialConfig(DeviceSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("hostname ").append(spec.name()).append('\n');
        if (!spec.users().isEmpty()) {
            sb.append("line vty 0 4\n login local\n");
            sb.append("exit\n");
        }
        spec.startupConfig().forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    static Platform platform(PlatformSpec p) {
        Map<String, Long> flash = new LinkedHashMap<>();
        for (FlashSpec f : p.flash()) {
            flash.put(f.name(), f.sizeBytes());
        }
        Platform base = Platform.c3900(p.processorBoardId());
        String cpu = switch (p.model()) {
            case "CISCO3925-CHASSIS" -> "C3900-SPE100/K9";
            case "CISCO3925E-CHASSIS" -> "C3900-SPE200/K9";
            case "CISCO3945E-CHASSIS" -> "C3900-SPE250/K9";
            default -> "C3900-SPE150/K9";
        };
        BootImage image = base.defaultImage();
        return new Platform(base.family(), p.model(), cpu, p.mainMemoryKb(), p.ioMemoryKb(), p.processorBoardId(),
                base.romVersion(), p.nvramBytes(), List.copyOf(base.physicalInterfaces()), flash, image);
    }
}
