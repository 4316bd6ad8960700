package dev.ioslab.device;

import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IsrG2Layout;
import dev.ioslab.fs.WriteChannelOpener;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.SoftwareAuthenticity;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One virtual router: identity and platform, running configuration, startup configuration in NVRAM, the image it
 * booted, its software-authenticity state (key storage) and its vty line table. Thread-safe: configuration has its
 * own lock, the line table ({@link VtyLines}) its own; nothing blocks.
 */
public final class Device {

    private final String name;
    private final Platform platform;
    private final Path stateDir;
    private final Clock clock;
    private final StartupConfigStore startupConfig;
    private final DeviceStorage storage;
    private final SecretCheck secretCheck = new SecretCheck();
    private final VtyLines lines;
    private final LoginGuard loginGuard;
    private final SoftwareAuthenticity softwareAuthenticity;
    private volatile RunningConfig config;
    private volatile Instant bootTime;
    private volatile BootImage runningImage;
    private volatile int bootConfigRegister;
    private volatile String lastReloadReason = "power-on";
    private volatile InetAddress ownAddress;
    private volatile String rommonReason;
    private volatile PowerControl power = PowerControl.NONE;
    private volatile DeviceEvents events = DeviceEvents.NONE;
    private volatile ScheduledExecutorService scheduler;
    private volatile SshAlgorithms sshAlgorithms;
    private final ReloadSchedule reloadSchedule;

    /**
     * Opens the device's state folder: its file systems (created when absent, leftovers of interrupted writes
     * removed), NVRAM and key storage ({@code keys/}; a device without one gets an empty key storage).
     */
    public Device(String name, Platform platform, Path stateDir, Clock clock) throws IOException {
        this(name, platform, stateDir, clock,
                new SoftwareAuthenticity(KeyStorage.open(stateDir.resolve("keys"), List.of())));
    }

    /** As {@link #Device(String, Platform, Path, Clock)} with the key storage and authenticity state given. */
    public Device(String name, Platform platform, Path stateDir, Clock clock, SoftwareAuthenticity authenticity)
            throws IOException {
        this(name, platform, stateDir, clock, authenticity, WriteChannelOpener.HOST);
    }

    /**
     * As {@link #Device(String, Platform, Path, Clock, SoftwareAuthenticity)}, with every write to the device's file
     * systems getting its host channel from {@code storage}: the seam for storage faults.
     */
    public Device(String name, Platform platform, Path stateDir, Clock clock, SoftwareAuthenticity authenticity,
                  WriteChannelOpener storage) throws IOException {
        this(name, platform, stateDir, clock, authenticity, storage, DeviceStorage.FactoryFlash.EMPTY);
    }

    /**
     * As above, a fresh device's {@code flash0:} holding {@code factoryFlash}; its file systems are opened at first
     * use (see {@link DeviceStorage}).
     */
    public Device(String name, Platform platform, Path stateDir, Clock clock, SoftwareAuthenticity authenticity,
                  WriteChannelOpener storage, DeviceStorage.FactoryFlash factoryFlash) throws IOException {
        this.softwareAuthenticity = authenticity;
        this.name = name;
        this.platform = platform;
        this.stateDir = stateDir;
        this.clock = clock;
        this.loginGuard = new LoginGuard(name);
        this.lines = new VtyLines(clock, () -> config.vtyCount(), n -> config.vtySettings(n), () -> events,
                () -> config.accessLists());
        this.reloadSchedule = new ReloadSchedule(clock, this::announce, this::reload);
        Map<String, Long> flash = platform.flashSizes();
        this.storage = new DeviceStorage(stateDir, IsrG2Layout.fileSystems(flash.getOrDefault("flash0", 0L),
                flash.getOrDefault("flash1", 0L), flash.getOrDefault("usbflash0", 0L),
                flash.getOrDefault("usbflash1", 0L), platform.nvramBytes()), clock, storage, factoryFlash);
        this.startupConfig = new StartupConfigStore(this.storage);
        this.config = new RunningConfig(name, platform.physicalInterfaces());
        this.runningImage = platform.defaultImage();
        this.bootTime = clock.instant();
        this.bootConfigRegister = config.configRegister();
    }

    /**
     * The address the device's own traffic comes from (its listeners' address), so that a server sees each device as
     * a host of its own; empty when the listeners bind a wildcard address.
     */
    public Optional<InetAddress> ownAddress() {
        return Optional.ofNullable(ownAddress);
    }

    /** Sets the listeners' address; a wildcard address means the device has none of its own. */
    public void setOwnAddress(InetAddress address) {
        this.ownAddress = address == null || address.isAnyLocalAddress() ? null : address;
    }

    /**
     * Connects the device to its rack: {@code power} restarts it, {@code scheduler} runs its timers (scheduled
     * reloads). Until then a reload request does nothing and {@code reload in|at} is refused.
     */
    public void attach(PowerControl power, ScheduledExecutorService scheduler) {
        this.power = power;
        this.scheduler = scheduler;
    }

    /** What the device's SSH server offers; empty until a server has started for it. */
    public Optional<SshAlgorithms> sshAlgorithms() {
        return Optional.ofNullable(sshAlgorithms);
    }

    /** Called by the SSH front end when its server starts, with the lists it really offers. */
    public void setSshAlgorithms(SshAlgorithms offered) {
        this.sshAlgorithms = offered;
    }

    /** The scheduler the rack attached, if any. */
    public Optional<ScheduledExecutorService> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** Restarts the device now; {@code reason} becomes {@code Last reload reason}. */
    public void reload(String reason) {
        events.publish(new DeviceEvent.Reload(reason, "reload"));
        power.reload(this, reason);
    }

    /** Where the device's events go ({@link DeviceEvents#NONE} until the rack sets one). */
    public DeviceEvents events() {
        return events;
    }

    /** Sends the device's events to {@code sink} from now on. */
    public void publishEventsTo(DeviceEvents sink) {
        this.events = sink == null ? DeviceEvents.NONE : sink;
    }

    /** The pending {@code reload in|at}, if any. */
    public ReloadSchedule reloadSchedule() {
        return reloadSchedule;
    }

    /** Shows {@code text} on every session of the device. */
    public void announce(String text) {
        activeLines().forEach(l -> l.terminal().announce(text));
    }

    /** Drops every session of the device. */
    public void hangUpAll() {
        activeLines().forEach(l -> l.terminal().hangUp());
    }

    public String name() {
        return name;
    }

    public Platform platform() {
        return platform;
    }

    /** The device's folder under the daemon's state directory. */
    public Path stateDir() {
        return stateDir;
    }

    public Clock clock() {
        return clock;
    }

    /** Key storage, signature records and {@code debug software authenticity} flags. */
    public SoftwareAuthenticity softwareAuthenticity() {
        return softwareAuthenticity;
    }

    /** Checks typed passwords and secrets against the device's stored credentials. */
    public SecretCheck secretCheck() {
        return secretCheck;
    }

    /** Failed-login bookkeeping for {@code login block-for}. */
    public LoginGuard loginGuard() {
        return loginGuard;
    }

    /**
     * The device's file systems ({@code flash0:}, {@code nvram:} ...); on a fresh device the first call creates its
     * folders (blocking file I/O, see {@link DeviceStorage}).
     */
    public FileSystemTable fileSystems() {
        return storage.table();
    }

    /** The device's storage, to ask whether it is in use without opening it. */
    public DeviceStorage storage() {
        return storage;
    }

    public RunningConfig config() {
        return config;
    }

    public StartupConfigStore startupConfig() {
        return startupConfig;
    }

    public Instant bootTime() {
        return bootTime;
    }

    public BootImage runningImage() {
        return runningImage;
    }

    /** The configuration register the device booted with (config-register changes apply at the next reload). */
    public int bootConfigRegister() {
        return bootConfigRegister;
    }

    public String lastReloadReason() {
        return lastReloadReason;
    }

    /**
     * Starts the device afresh: an empty running configuration, the boot time now. The caller then replays the
     * startup configuration through the CLI parser.
     */
    public void boot(BootImage image, String reloadReason) {
        this.config = new RunningConfig(name, platform.physicalInterfaces());
        this.runningImage = image;
        this.bootTime = clock.instant();
        this.lastReloadReason = reloadReason;
        this.bootConfigRegister = config.configRegister();
        reloadSchedule.forget();
    }

    /** Records the image boot chose and verified (after the startup configuration named it). */
    public void setRunningImage(BootImage image) {
        this.runningImage = image;
        this.rommonReason = null;
    }

    /**
     * Leaves the device in ROM monitor: no image verified, so IOS is not running and nobody can log in.
     *
     * @param reason what the daemon log and refused logins say
     */
    public void enterRommon(String reason) {
        this.rommonReason = reason;
    }

    /** Why the device is in ROM monitor, or empty when IOS runs. */
    public Optional<String> rommonReason() {
        return Optional.ofNullable(rommonReason);
    }

    /** Records that the register replayed from the startup configuration is the one booted with. */
    public void bootedWithRegister(int register) {
        this.bootConfigRegister = register;
    }

    /** Capacity in bytes of a flash file system ({@code flash0}), 0 when the platform has none. */
    public long flashCapacity(String fileSystem) {
        return platform.flashSizes().getOrDefault(fileSystem, 0L);
    }

    /** The running configuration as {@code show running-config} lists it after its header. */
    public List<String> renderRunningConfig() {
        return config.render(Platform.configVersion(runningImage.version()), platform.model(), platform.serial());
    }

    /** The text {@code write memory} stores in {@code nvram:startup-config}. */
    public String startupConfigText() {
        return "!\n" + String.join("\n", renderRunningConfig()) + "\n";
    }

    /** Saves the running configuration atomically (blocking file I/O: call it off the I/O threads). */
    public void saveStartupConfig() throws FsException {
        startupConfig.write(startupConfigText());
    }

    /** The vty line table: claims before login, sessions after it. */
    public VtyLines lines() {
        return lines;
    }

    public void closeLine(ActiveLine line) {
        lines.release(line);
    }

    public List<ActiveLine> activeLines() {
        return lines.active();
    }
}
