package dev.ioslab.commands;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.commands.config.AccessListCommand;
import dev.ioslab.commands.config.BannerMotdCommand;
import dev.ioslab.commands.config.BootSystemCommand;
import dev.ioslab.commands.config.ConfigRegisterCommand;
import dev.ioslab.commands.config.EnableSecretCommand;
import dev.ioslab.commands.config.EndCommand;
import dev.ioslab.commands.config.ExitModeCommand;
import dev.ioslab.commands.config.FilePromptCommand;
import dev.ioslab.commands.config.FileVerifyAutoCommand;
import dev.ioslab.commands.config.HostnameCommand;
import dev.ioslab.commands.config.InterfaceCommand;
import dev.ioslab.commands.config.IpDomainLookupCommand;
import dev.ioslab.commands.config.IpDomainNameCommand;
import dev.ioslab.commands.config.IpFtpPassiveCommand;
import dev.ioslab.commands.config.IpFtpPasswordCommand;
import dev.ioslab.commands.config.IpFtpSourceInterfaceCommand;
import dev.ioslab.commands.config.IpFtpUsernameCommand;
import dev.ioslab.commands.config.IpHostCommand;
import dev.ioslab.commands.config.IpNameServerCommand;
import dev.ioslab.commands.config.IpScpServerCommand;
import dev.ioslab.commands.config.IpSshAuthenticationRetriesCommand;
import dev.ioslab.commands.config.IpSshPubkeyChainCommand;
import dev.ioslab.commands.config.IpSshTimeOutCommand;
import dev.ioslab.commands.config.IpTftpBlocksizeCommand;
import dev.ioslab.commands.config.IpTftpSourceInterfaceCommand;
import dev.ioslab.commands.config.KeyDataCommand;
import dev.ioslab.commands.config.KeyHashCommand;
import dev.ioslab.commands.config.KeyStringCommand;
import dev.ioslab.commands.config.KeyStringExitCommand;
import dev.ioslab.commands.config.LineCommand;
import dev.ioslab.commands.config.LoggingCommand;
import dev.ioslab.commands.config.LoginBlockForCommand;
import dev.ioslab.commands.config.PlatformDefaultsCommand;
import dev.ioslab.commands.config.PubkeyUsernameCommand;
import dev.ioslab.commands.config.ServicePasswordEncryptionCommand;
import dev.ioslab.commands.config.UsernameCommand;
import dev.ioslab.commands.exec.CdCommand;
import dev.ioslab.commands.exec.ClearLineCommand;
import dev.ioslab.commands.exec.ConfigureTerminalCommand;
import dev.ioslab.commands.exec.CopyCommand;
import dev.ioslab.commands.exec.DebugSoftwareAuthenticityCommand;
import dev.ioslab.commands.exec.DeleteCommand;
import dev.ioslab.commands.exec.DirCommand;
import dev.ioslab.commands.exec.DisableCommand;
import dev.ioslab.commands.exec.EnableCommand;
import dev.ioslab.commands.exec.EraseFileSystemCommand;
import dev.ioslab.commands.exec.EraseStartupConfigCommand;
import dev.ioslab.commands.exec.ExitCommand;
import dev.ioslab.commands.exec.FormatCommand;
import dev.ioslab.commands.exec.LogoutCommand;
import dev.ioslab.commands.exec.MkdirCommand;
import dev.ioslab.commands.exec.MoreCommand;
import dev.ioslab.commands.exec.PwdCommand;
import dev.ioslab.commands.exec.ReloadCommand;
import dev.ioslab.commands.exec.RenameCommand;
import dev.ioslab.commands.exec.RmdirCommand;
import dev.ioslab.commands.exec.ShowBootvarCommand;
import dev.ioslab.commands.exec.ShowClockCommand;
import dev.ioslab.commands.exec.ShowDebuggingCommand;
import dev.ioslab.commands.exec.ShowFileSystemsCommand;
import dev.ioslab.commands.exec.ShowFlashCommand;
import dev.ioslab.commands.exec.ShowHistoryCommand;
import dev.ioslab.commands.exec.ShowInterfacesCommand;
import dev.ioslab.commands.exec.ShowInventoryCommand;
import dev.ioslab.commands.exec.ShowLineCommand;
import dev.ioslab.commands.exec.ShowLineVtyCommand;
import dev.ioslab.commands.exec.ShowLoginCommand;
import dev.ioslab.commands.exec.ShowIpInterfaceBriefCommand;
import dev.ioslab.commands.exec.ShowIpSshCommand;
import dev.ioslab.commands.exec.ShowSshCommand;
import dev.ioslab.commands.exec.ShowMemoryStatisticsCommand;
import dev.ioslab.commands.exec.ShowPrivilegeCommand;
import dev.ioslab.commands.exec.ShowProcessesCpuCommand;
import dev.ioslab.commands.exec.ShowReloadCommand;
import dev.ioslab.commands.exec.ShowRunningConfigCommand;
import dev.ioslab.commands.exec.ShowSoftwareAuthenticityFileCommand;
import dev.ioslab.commands.exec.ShowSoftwareAuthenticityKeysCommand;
import dev.ioslab.commands.exec.ShowSoftwareAuthenticityRunningCommand;
import dev.ioslab.commands.exec.ShowSoftwareAuthenticityUpgradeStatusCommand;
import dev.ioslab.commands.exec.ShowStartupConfigCommand;
import dev.ioslab.commands.exec.ShowTerminalCommand;
import dev.ioslab.commands.exec.ShowUsersCommand;
import dev.ioslab.commands.exec.ShowVersionCommand;
import dev.ioslab.commands.exec.SignatureVerification;
import dev.ioslab.commands.exec.SoftwareAuthenticityKeyAddProductionCommand;
import dev.ioslab.commands.exec.SoftwareAuthenticityKeyAddSpecialCommand;
import dev.ioslab.commands.exec.SoftwareAuthenticityKeyRevokeProductionCommand;
import dev.ioslab.commands.exec.SoftwareAuthenticityKeyRevokeSpecialCommand;
import dev.ioslab.commands.exec.TerminalCommand;
import dev.ioslab.commands.exec.UndebugAllCommand;
import dev.ioslab.commands.exec.UpgradeRomMonitorFileCommand;
import dev.ioslab.commands.exec.VerifyCommand;
import dev.ioslab.commands.exec.VerifyImageCommand;
import dev.ioslab.commands.exec.WriteMemoryCommand;
import dev.ioslab.commands.iface.DescriptionCommand;
import dev.ioslab.commands.iface.DuplexSpeedCommand;
import dev.ioslab.commands.iface.IpAddressCommand;
import dev.ioslab.commands.iface.ShutdownCommand;
import dev.ioslab.commands.line.AccessClassCommand;
import dev.ioslab.commands.line.ExecTimeoutCommand;
import dev.ioslab.commands.line.LengthCommand;
import dev.ioslab.commands.line.LoginCommand;
import dev.ioslab.commands.line.PasswordCommand;
import dev.ioslab.commands.line.PrivilegeLevelCommand;
import dev.ioslab.commands.line.SessionTimeoutCommand;
import dev.ioslab.commands.line.TransportInputCommand;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The command set of the emulated IOS: every command of every mode registered in one catalog. Called once by the
 * composition root; {@code fileIo} runs the blocking file work of commands such as {@code write memory}.
 */
public final class CommandSets {

    private CommandSets() {
    }

    /**
     * A catalog with every command registered and a verification pool of its own, sized to the cores, whose
     * workers start at its first use.
     */
    public static CommandCatalog standard(Executor fileIo) {
        return standard(fileIo, new VerificationPool(Math.max(1, Runtime.getRuntime().availableProcessors())));
    }

    /** A catalog with every command registered; hashing goes to the shared {@code pool}; no remote transfers. */
    public static CommandCatalog standard(Executor fileIo, VerificationPool pool) {
        return standard(fileIo, pool, new TransferService(Map.of()), TransferSettings.defaults());
    }

    /**
     * A catalog with every command registered: hashing goes to the shared {@code pool}, {@code copy} to and from
     * servers through {@code transfers} with {@code transferSettings} as the daemon's defaults.
     */
    public static CommandCatalog standard(Executor fileIo, VerificationPool pool, TransferService transfers,
                                          TransferSettings transferSettings) {
        CommandCatalog c = new CommandCatalog();
        c.describe(CliMode.EXEC, "show", "Show running system information");
        c.describe(CliMode.EXEC, "no", "Disable debugging functions (see also 'undebug')");
        c.describe(CliMode.CONFIG, "no", "Negate a command or set its defaults");
        c.describe(CliMode.CONFIG, "ip", "Global IP configuration subcommands");
        c.describe(CliMode.CONFIG_LINE, "no", "Negate a command or set its defaults");
        c.describe(CliMode.CONFIG_IF, "no", "Negate a command or set its defaults");
        c.register(new EnableCommand())
                .register(new DisableCommand())
                .register(new ExitCommand())
                .register(new LogoutCommand())
                .register(new ConfigureTerminalCommand())
                .register(new TerminalCommand())
                .register(new ShowVersionCommand())
                .register(new ShowRunningConfigCommand())
                .register(new ShowStartupConfigCommand())
                .register(new WriteMemoryCommand(fileIo))
                .register(new CopyCommand(fileIo, pool, transfers, transferSettings))
                .register(new EraseStartupConfigCommand(fileIo))
                .register(new ShowClockCommand())
                .register(new ShowUsersCommand())
                .register(new ClearLineCommand())
                .register(new ShowLineCommand())
                .register(new ShowLineVtyCommand())
                .register(new ShowLoginCommand())
                .register(new ShowIpSshCommand())
                .register(new ShowSshCommand())
                .register(new ShowHistoryCommand())
                .register(new ShowPrivilegeCommand())
                .register(new ShowMemoryStatisticsCommand())
                .register(new ShowInventoryCommand())
                .register(new ShowIpInterfaceBriefCommand())
                .register(new ShowInterfacesCommand())
                .register(new ShowTerminalCommand())
                .register(new ShowProcessesCpuCommand())
                .register(new DirCommand())
                .register(new ShowFlashCommand())
                .register(new ShowFileSystemsCommand())
                .register(new CdCommand())
                .register(new PwdCommand())
                .register(new MkdirCommand())
                .register(new RmdirCommand())
                .register(new DeleteCommand(fileIo))
                .register(new RenameCommand())
                .register(new MoreCommand(fileIo))
                .register(new VerifyCommand(pool))
                .register(new FormatCommand(fileIo))
                .register(new EraseFileSystemCommand(fileIo))
                .register(new ShowBootvarCommand())
                .register(new ReloadCommand(fileIo, new SignatureVerification(pool)))
                .register(new ShowReloadCommand());
        SignatureVerification signatures = new SignatureVerification(pool);
        c.register(new VerifyImageCommand(signatures))
                .register(new ShowSoftwareAuthenticityFileCommand(signatures))
                .register(new ShowSoftwareAuthenticityRunningCommand(signatures))
                .register(new ShowSoftwareAuthenticityKeysCommand())
                .register(new ShowSoftwareAuthenticityUpgradeStatusCommand(fileIo, signatures))
                .register(new SoftwareAuthenticityKeyAddProductionCommand(fileIo))
                .register(new SoftwareAuthenticityKeyRevokeProductionCommand(fileIo))
                .register(new SoftwareAuthenticityKeyAddSpecialCommand(fileIo))
                .register(new SoftwareAuthenticityKeyRevokeSpecialCommand(fileIo))
                .register(UpgradeRomMonitorFileCommand.withTransfers(signatures, fileIo, pool, transfers,
                        transferSettings))
                .register(new DebugSoftwareAuthenticityCommand())
                .register(new UndebugAllCommand())
                .register(new ShowDebuggingCommand());
        c.register(new HostnameCommand())
                .register(new IpDomainNameCommand())
                .register(new IpDomainLookupCommand())
                .register(new IpHostCommand())
                .register(new IpNameServerCommand())
                .register(new UsernameCommand())
                .register(new EnableSecretCommand())
                .register(new ServicePasswordEncryptionCommand())
                .register(new BannerMotdCommand())
                .register(new LineCommand())
                .register(new InterfaceCommand())
                .register(new BootSystemCommand())
                .register(new ConfigRegisterCommand())
                .register(new FilePromptCommand())
                .register(new FileVerifyAutoCommand())
                .register(new IpFtpUsernameCommand())
                .register(new IpFtpPasswordCommand())
                .register(new IpFtpPassiveCommand())
                .register(new IpFtpSourceInterfaceCommand())
                .register(new IpTftpBlocksizeCommand())
                .register(new IpTftpSourceInterfaceCommand())
                .register(new IpScpServerCommand())
                .register(new LoggingCommand())
                .register(new PlatformDefaultsCommand())
                .register(new LoginBlockForCommand())
                .register(new AccessListCommand());
        c.register(new LoginCommand())
                .register(new PasswordCommand())
                .register(new TransportInputCommand())
                .register(new ExecTimeoutCommand())
                .register(new PrivilegeLevelCommand())
                .register(new AccessClassCommand())
                .register(new SessionTimeoutCommand())
                .register(new LengthCommand());
        c.register(new IpAddressCommand())
                .register(new DescriptionCommand())
                .register(new ShutdownCommand())
                .register(new DuplexSpeedCommand());
        c.register(new IpSshPubkeyChainCommand())
                .register(new IpSshTimeOutCommand())
                .register(new IpSshAuthenticationRetriesCommand())
                .register(new PubkeyUsernameCommand())
                .register(new KeyHashCommand())
                .register(new KeyStringCommand())
                .register(new KeyDataCommand())
                .register(new KeyStringExitCommand());
        for (CliMode m : new CliMode[] {CliMode.CONFIG, CliMode.CONFIG_LINE, CliMode.CONFIG_IF,
            CliMode.CONFIG_SSH_PUBKEY, CliMode.CONFIG_SSH_PUBKEY_USER}) {
            c.register(new EndCommand(m)).register(new ExitModeCommand(m));
        }
        c.register(new EndCommand(CliMode.CONFIG_SSH_PUBKEY_DATA));
        return c;
    }
}
