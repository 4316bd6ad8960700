package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.BootImage;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import java.time.Duration;

/**
 * {@code show version}: the ISR G2 layout of reference §3.1 built from the device's running image, platform,
 * real uptime and configuration register, so ntc-templates, Ansible and Netmiko autodetect parse it.
 */
public final class ShowVersionCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show version")
                .help("version", "System hardware and software status")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        Platform p = d.platform();
        BootImage image = d.runningImage();
        String host = d.config().hostname();
        inv.println("Cisco IOS Software, " + p.family() + " Software (" + image.imageName() + "), Version "
                + image.version() + ", RELEASE SOFTWARE (" + image.release() + ")");
        inv.println("Technical Support: http://www.cisco.com/techsupport");
        inv.println("Copyright (c) 1986-" + compileYear(image.compiled()) + " by Cisco Systems, Inc.");
        inv.println("Compiled " + image.compiled() + " by prod_rel_team");
        inv.println("");
        // An upgrade rom-monitor replaces the platform's ROM monitor from the next boot on.
        String rom = d.softwareAuthenticity().upgradableRommon().map(r -> r.signature().metadata().version())
                .orElse(p.romVersion());
        inv.println("ROM: System Bootstrap, Version " + rom + ", RELEASE SOFTWARE (fc1)");
        inv.println("");
        inv.println(host + " uptime is " + IosTime.uptime(Duration.between(d.bootTime(), d.clock().instant())));
        if (d.lastReloadReason().equals("power-on")) {
            inv.println("System returned to ROM by power-on");
        } else {
            inv.println("System returned to ROM by reload at " + IosTime.stamp(d.bootTime()));
        }
        inv.println("System restarted at " + IosTime.stamp(d.bootTime()));
        inv.println("System image file is \"" + image.path() + "\"");
        inv.println("Last reload type: Normal Reload");
        inv.println("Last reload reason: " + (d.lastReloadReason().equals("power-on") ? "power-on"
                : d.lastReloadReason()));
        inv.println("");
        inv.println("");
        inv.println("");
        for (String l : CRYPTO_NOTICE) {
            inv.println(l);
        }
        inv.println("Cisco " + p.model() + " (revision 1.1) with " + p.cpuBoard() + " with " + p.mainMemoryKb()
                + "K/" + p.ioMemoryKb() + "K bytes of memory.");
        inv.println("Processor board ID " + p.serial());
        inv.println(p.physicalInterfaces().size() + " Gigabit Ethernet interfaces");
        inv.println("1 Virtual Private Network (VPN) Module");
        inv.println("DRAM configuration is 72 bits wide with parity enabled.");
        inv.println((p.nvramBytes() / 1024) + "K bytes of non-volatile configuration memory.");
        inv.println(flashKb(d) + "K bytes of ATA System CompactFlash 0 (Read/Write)");
        inv.println("");
        inv.println("");
        inv.println("License Info:");
        inv.println("");
        inv.println("License UDI:");
        inv.println("");
        inv.println("-------------------------------------------------");
        inv.println("Device#   PID                   SN");
        inv.println("-------------------------------------------------");
        inv.println(String.format("*0        %-21s %s", p.cpuBoard(), p.serial()));
        inv.println("");
        inv.println("");
        inv.println("");
        inv.println("Technology Package License Information for Module:'" + p.family().toLowerCase() + "'");
        inv.println("");
        inv.println("-----------------------------------------------------------------");
        inv.println("Technology    Technology-package           Technology-package");
        inv.println("              Current       Type           Next reboot");
        inv.println("------------------------------------------------------------------");
        inv.println("ipbase        ipbasek9      Permanent      ipbasek9");
        inv.println("security      securityk9    Permanent      securityk9");
        inv.println("uc            None          None           None");
        inv.println("data          datak9        Permanent      datak9");
        inv.println("");
        int booted = d.bootConfigRegister();
        int next = d.config().configRegister();
        inv.println("Configuration register is 0x" + Integer.toHexString(booted)
                + (next != booted ? " (will be 0x" + Integer.toHexString(next) + " at next reload)" : ""));
    }

    /** {@code Thu 13-Feb-20 02:38} was compiled in 2020. */
    private static final java.util.regex.Pattern COMPILE_YEAR = java.util.regex.Pattern.compile("-(\\d\\d) ");

    private static String compileYear(String compiled) {
        java.util.regex.Matcher m = COMPILE_YEAR.matcher(compiled);
        return m.find() ? "20" + m.group(1) : "2020";
    }

    private static long flashKb(Device d) {
        return d.flashCapacity("flash0") / 1024;
    }

    private static final String[] CRYPTO_NOTICE = {
        "This product contains cryptographic features and is subject to United",
        "States and local country laws governing import, export, transfer and",
        "use. Delivery of Cisco cryptographic products does not imply",
        "third-party authority to import, export, distribute or use encryption.",
        "Importers, exporters, distributors and users are responsible for",
        "compliance with U.S. and local country laws. By using this product you",
        "agree to comply with applicable laws and regulations. If you are unable",
        "to comply with U.S. and local laws, return this product immediately.",
        "",
        "A summary of U.S. laws governing Cisco cryptographic products may be found at:",
        "http://www.cisco.com/wwl/export/crypto/tool/stqrg.html",
        "",
        "If you require further assistance please contact us by sending email to",
        "export@cisco.com.",
        "",
    };
}
