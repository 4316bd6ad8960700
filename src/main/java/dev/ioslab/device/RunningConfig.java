package dev.ioslab.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The running configuration of a device as structured state, and its rendering as IOS prints it in
 * {@code show running-config} (reference §7). Every method is synchronized: several sessions of one device may
 * configure it at once from different threads.
 */
public final class RunningConfig {

    /** Number of vty lines the platform has; 0–4 exist from boot, 5–15 once configured. */
    public static final int MAX_VTY = 16;

    private String hostname;
    private boolean passwordEncryption;
    private Credential enableSecret;
    private Credential enablePassword;
    private final Map<String, UserAccount> users = new LinkedHashMap<>();
    private String domainName;
    private boolean domainLookup = true;
    private final Map<String, List<String>> hosts = new LinkedHashMap<>();
    private final List<String> nameServers = new ArrayList<>();
    private final List<String> bootSystem = new ArrayList<>();
    private int configRegister = 0x2102;
    private final FileSettings files = new FileSettings();
    private String ftpUsername;
    private Credential ftpPassword;
    private boolean ftpPassive = true;
    private String ftpSourceInterface;
    private Integer tftpBlocksize;
    private String tftpSourceInterface;
    private boolean scpServer;
    private Integer loggingBufferedSize;
    private String loggingBufferedLevel;
    private boolean loggingConsole = true;
    private String loggingTrap;
    private final List<String> loggingHosts = new ArrayList<>();
    private String bannerMotd;
    private LoginBlock loginBlock;
    private final SshServerConfig ssh = new SshServerConfig();
    private final AccessLists accessLists = new AccessLists();
    private final Map<String, InterfaceState> interfaces = new TreeMap<>(InterfaceOrder.INSTANCE);
    private final LineState console = new LineState();
    private final LineState[] vty = new LineState[MAX_VTY];
    private int vtyConfigured = 5;

    /** A fresh configuration: IOS defaults and the platform's built-in interfaces. */
    public RunningConfig(String hostname, List<String> physicalInterfaces) {
        this.hostname = hostname;
        console.setLogin(LineState.Login.NONE);
        for (int i = 0; i < MAX_VTY; i++) {
            vty[i] = new LineState();
        }
        for (String name : physicalInterfaces) {
            interfaces.put(name, new InterfaceState(name, true, true));
        }
    }

    public synchronized String hostname() {
        return hostname;
    }

    public synchronized void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public synchronized boolean passwordEncryption() {
        return passwordEncryption;
    }

    /** {@code service password-encryption} also converts every clear-text password at once, as IOS does. */
    public synchronized void setPasswordEncryption(boolean on) {
        this.passwordEncryption = on;
        if (on) {
            enablePassword = enablePassword == null ? null : enablePassword.encrypted();
            ftpPassword = ftpPassword == null ? null : ftpPassword.encrypted();
            users.replaceAll((k, u) -> new UserAccount(u.name(), u.privilege(), u.credential().encrypted(), u.secret()));
            for (LineState l : vty) {
                if (l.password() != null) {
                    l.setPassword(l.password().encrypted());
                }
            }
            if (console.password() != null) {
                console.setPassword(console.password().encrypted());
            }
        }
    }

    private Credential stored(Credential c) {
        return passwordEncryption && c != null ? c.encrypted() : c;
    }

    public synchronized Credential enableSecret() {
        return enableSecret;
    }

    public synchronized void setEnableSecret(Credential secret) {
        this.enableSecret = secret;
    }

    public synchronized Credential enablePassword() {
        return enablePassword;
    }

    public synchronized void setEnablePassword(Credential password) {
        this.enablePassword = stored(password);
    }

    public synchronized Optional<UserAccount> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public synchronized List<UserAccount> users() {
        return List.copyOf(users.values());
    }

    public synchronized void putUser(UserAccount user) {
        users.put(user.name(), user.secret() ? user : new UserAccount(user.name(), user.privilege(),
                stored(user.credential()), false));
    }

    public synchronized void removeUser(String name) {
        users.remove(name);
    }

    public synchronized String domainName() {
        return domainName;
    }

    public synchronized void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public synchronized boolean domainLookup() {
        return domainLookup;
    }

    public synchronized void setDomainLookup(boolean on) {
        this.domainLookup = on;
    }

    public synchronized Map<String, List<String>> hosts() {
        return Map.copyOf(hosts);
    }

    public synchronized void putHost(String name, List<String> addresses) {
        hosts.put(name, List.copyOf(addresses));
    }

    public synchronized void removeHost(String name) {
        hosts.remove(name);
    }

    public synchronized List<String> nameServers() {
        return List.copyOf(nameServers);
    }

    public synchronized void addNameServer(String address) {
        if (!nameServers.contains(address)) {
            nameServers.add(address);
        }
    }

    public synchronized void removeNameServer(String address) {
        if (address == null) {
            nameServers.clear();
        } else {
            nameServers.remove(address);
        }
    }

    public synchronized List<String> bootSystem() {
        return List.copyOf(bootSystem);
    }

    /** Appends a {@code boot system} entry; a repeated entry is not added twice. */
    public synchronized void addBootSystem(String entry) {
        if (!bootSystem.contains(entry)) {
            bootSystem.add(entry);
        }
    }

    /** {@code no boot system x} removes one entry; {@code no boot system} (null) removes all. */
    public synchronized void removeBootSystem(String entry) {
        if (entry == null) {
            bootSystem.clear();
        } else {
            bootSystem.remove(entry);
        }
    }

    public synchronized int configRegister() {
        return configRegister;
    }

    public synchronized void setConfigRegister(int value) {
        this.configRegister = value;
    }

    /** {@code file prompt} and {@code file verify auto}. */
    public FileSettings files() {
        return files;
    }

    public synchronized String ftpUsername() {
        return ftpUsername;
    }

    public synchronized void setFtpUsername(String user) {
        this.ftpUsername = user;
    }

    public synchronized Credential ftpPassword() {
        return ftpPassword;
    }

    public synchronized void setFtpPassword(Credential password) {
        this.ftpPassword = stored(password);
    }

    public synchronized boolean ftpPassive() {
        return ftpPassive;
    }

    public synchronized void setFtpPassive(boolean passive) {
        this.ftpPassive = passive;
    }

    public synchronized String ftpSourceInterface() {
        return ftpSourceInterface;
    }

    public synchronized void setFtpSourceInterface(String name) {
        this.ftpSourceInterface = name;
    }

    public synchronized Integer tftpBlocksize() {
        return tftpBlocksize;
    }

    public synchronized void setTftpBlocksize(Integer size) {
        this.tftpBlocksize = size;
    }

    public synchronized String tftpSourceInterface() {
        return tftpSourceInterface;
    }

    public synchronized void setTftpSourceInterface(String name) {
        this.tftpSourceInterface = name;
    }

    public synchronized boolean scpServer() {
        return scpServer;
    }

    public synchronized void setScpServer(boolean on) {
        this.scpServer = on;
    }

    public synchronized void setLoggingBuffered(Integer size, String level) {
        this.loggingBufferedSize = size;
        this.loggingBufferedLevel = level;
    }

    public synchronized void setLoggingConsole(boolean on) {
        this.loggingConsole = on;
    }

    public synchronized void setLoggingTrap(String level) {
        this.loggingTrap = level;
    }

    public synchronized void addLoggingHost(String host) {
        if (!loggingHosts.contains(host)) {
            loggingHosts.add(host);
        }
    }

    public synchronized void removeLoggingHost(String host) {
        loggingHosts.remove(host);
    }

    /** The {@code ip ssh} settings (time-out, authentication-retries, pubkey chain). */
    public SshServerConfig ssh() {
        return ssh;
    }

    /** The standard IP access lists ({@code access-list 1-99}). */
    public AccessLists accessLists() {
        return accessLists;
    }

    public synchronized LoginBlock loginBlock() {
        return loginBlock;
    }

    public synchronized void setLoginBlock(LoginBlock block) {
        this.loginBlock = block;
    }

    public synchronized String bannerMotd() {
        return bannerMotd;
    }

    public synchronized void setBannerMotd(String text) {
        this.bannerMotd = text;
    }

    /** The interface, created when it is a loopback being configured for the first time. */
    public synchronized InterfaceState interfaceFor(String name) {
        return interfaces.computeIfAbsent(name, n -> new InterfaceState(n, false, false));
    }

    public synchronized Optional<InterfaceState> existingInterface(String name) {
        return Optional.ofNullable(interfaces.get(name));
    }

    public synchronized List<InterfaceState> interfaces() {
        return List.copyOf(interfaces.values());
    }

    /** {@code no interface Loopback0}; physical interfaces cannot be removed. */
    public synchronized boolean removeInterface(String name) {
        InterfaceState i = interfaces.get(name);
        if (i == null || i.builtIn()) {
            return false;
        }
        interfaces.remove(name);
        return true;
    }

    /** The line state for {@code line vty n}; configuring 5–15 makes them exist. */
    public synchronized LineState vty(int n) {
        vtyConfigured = Math.max(vtyConfigured, n + 1);
        return vty[n];
    }

    public synchronized LineState console() {
        return console;
    }

    /** A copy of {@code line vty n}'s settings, without making the line exist as {@link #vty} does. */
    public synchronized LineState vtySettings(int n) {
        return vty[Math.min(Math.max(n, 0), MAX_VTY - 1)].copy();
    }

    /** How many vty lines exist: 5 from boot, up to 16 once {@code line vty 5 15} is configured. */
    public synchronized int vtyCount() {
        return vtyConfigured;
    }

    /** Whether a clear password set through the line should be stored type 7 now. */
    public synchronized Credential storedPassword(Credential c) {
        return stored(c);
    }

    /** The configuration as {@code show running-config} prints it after its header, ending in {@code end}. */
    public synchronized List<String> render(String version, String licensePid, String serial) {
        List<String> out = new ArrayList<>();
        out.add("version " + version);
        out.add("service timestamps debug datetime msec");
        out.add("service timestamps log datetime msec");
        out.add(passwordEncryption ? "service password-encryption" : "no service password-encryption");
        out.add("!");
        out.add("hostname " + hostname);
        out.add("!");
        out.add("boot-start-marker");
        bootSystem.forEach(b -> out.add("boot system " + b));
        out.add("boot-end-marker");
        out.add("!");
        out.add("!");
        if (loggingBufferedSize != null || loggingBufferedLevel != null) {
            out.add("logging buffered" + (loggingBufferedSize == null ? "" : " " + loggingBufferedSize)
                    + (loggingBufferedLevel == null ? "" : " " + loggingBufferedLevel));
        }
        if (!loggingConsole) {
            out.add("no logging console");
        }
        if (enableSecret != null) {
            out.add("enable secret " + enableSecret.type() + " " + enableSecret.value());
        }
        if (enablePassword != null) {
            out.add("enable password " + (enablePassword.type() == 0 ? "" : enablePassword.type() + " ")
                    + enablePassword.value());
        }
        out.add("!");
        out.add("no aaa new-model");
        out.add("!");
        out.add("!");
        if (!domainLookup) {
            out.add("no ip domain lookup");
        }
        if (domainName != null) {
            out.add("ip domain name " + domainName);
        }
        hosts.forEach((name, addrs) -> out.add("ip host " + name + " " + String.join(" ", addrs)));
        if (!nameServers.isEmpty()) {
            out.add("ip name-server " + String.join(" ", nameServers));
        }
        out.add("ip cef");
        out.add("no ipv6 cef");
        out.add("!");
        out.add("multilink bundle-name authenticated");
        out.add("!");
        List<String> fileLines = files.render();
        if (!fileLines.isEmpty()) {
            out.addAll(fileLines);
            out.add("!");
        }
        out.add("license udi pid " + licensePid + " sn " + serial);
        out.add("!");
        for (UserAccount u : users.values()) {
            Credential c = u.credential();
            out.add("username " + u.name() + (u.privilege() != 1 ? " privilege " + u.privilege() : "")
                    + (u.secret() ? " secret " : " password ") + c.type() + " " + c.value());
        }
        out.add("!");
        if (loginBlock != null) {
            out.add("login block-for " + loginBlock.blockSeconds() + " attempts " + loginBlock.attempts()
                    + " within " + loginBlock.withinSeconds());
            out.add("!");
        }
        out.add("redundancy");
        out.add("!");
        out.add("!");
        for (InterfaceState i : interfaces.values()) {
            out.add("interface " + i.name());
            if (i.description() != null) {
                out.add(" description " + i.description());
            }
            out.add(i.address() == null ? " no ip address" : " ip address " + i.address() + " " + i.mask());
            if (i.shutdown()) {
                out.add(" shutdown");
            }
            if (i.name().startsWith("GigabitEthernet")) {
                out.add(" duplex auto");
                out.add(" speed auto");
            }
            out.add("!");
        }
        out.add("ip forward-protocol nd");
        out.add("!");
        out.add("no ip http server");
        out.add("no ip http secure-server");
        out.add("!");
        if (ftpSourceInterface != null) {
            out.add("ip ftp source-interface " + ftpSourceInterface);
        }
        if (!ftpPassive) {
            out.add("no ip ftp passive");
        }
        if (ftpUsername != null) {
            out.add("ip ftp username " + ftpUsername);
        }
        if (ftpPassword != null) {
            out.add("ip ftp password " + (ftpPassword.type() == 0 ? "" : ftpPassword.type() + " ")
                    + ftpPassword.value());
        }
        if (tftpSourceInterface != null) {
            out.add("ip tftp source-interface " + tftpSourceInterface);
        }
        if (tftpBlocksize != null) {
            out.add("ip tftp blocksize " + tftpBlocksize);
        }
        ssh.render(out);
        if (scpServer) {
            out.add("ip scp server enable");
        }
        out.add("!");
        if (loggingTrap != null) {
            out.add("logging trap " + loggingTrap);
        }
        loggingHosts.forEach(h -> out.add("logging host " + h));
        accessLists.render(out);
        out.add("!");
        out.add("control-plane");
        out.add("!");
        if (bannerMotd != null) {
            out.add("banner motd ^C" + bannerMotd + "^C");
            out.add("!");
        }
        out.add("line con 0");
        LineSection.render(out, console, false);
        out.add("line aux 0");
        int start = 0;
        while (start < vtyConfigured) {
            int end = start;
            // IOS keeps 0-4 and 5-15 apart even when they are configured alike.
            while (end + 1 < vtyConfigured && end + 1 != 5 && vty[end + 1].equals(vty[start])) {
                end++;
            }
            out.add("line vty " + start + (end > start ? " " + end : ""));
            LineSection.render(out, vty[start], true);
            start = end + 1;
        }
        out.add("!");
        out.add("scheduler allocate 20000 1000");
        if (configRegister != 0x2102) {
            out.add("config-register 0x" + Integer.toHexString(configRegister));
        }
        out.add("!");
        out.add("end");
        return out;
    }
}
