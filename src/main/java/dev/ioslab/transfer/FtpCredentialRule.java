package dev.ioslab.transfer;

import dev.ioslab.fs.RemoteUrl;
import java.util.Optional;

/**
 * IOS's rule for the FTP login ("Loading and Managing System Images", FTP Username and Password). The username is the
 * first of: the one in the {@code copy} URL, {@code ip ftp username}, {@code anonymous}. The password is the first
 * of: the one in the URL, {@code ip ftp password}, and otherwise one the router forms as
 * {@code <session username>@<hostname>.<ip domain name>} (without the domain part when none is configured).
 * Stateless.
 */
public final class FtpCredentialRule {

    /** The user IOS logs in as when neither the URL nor {@code ip ftp username} names one. */
    public static final String ANONYMOUS = "anonymous";

    private FtpCredentialRule() {
    }

    /**
     * The login for {@code url}.
     *
     * @param url                the URL as typed (its user and password, when present, win)
     * @param configuredUser     {@code ip ftp username}, if configured
     * @param configuredPassword {@code ip ftp password} in clear text, if configured
     * @param sessionUser        the user of the CLI session running the copy
     * @param hostname           the device's host name
     * @param domain             {@code ip domain name}, if configured
     */
    public static Credentials resolve(RemoteUrl url, Optional<String> configuredUser,
                                      Optional<String> configuredPassword, String sessionUser, String hostname,
                                      Optional<String> domain) {
        String user = url.user().or(() -> configuredUser).orElse(ANONYMOUS);
        String password = url.password().or(() -> configuredPassword)
                .orElseGet(() -> sessionUser + "@" + hostname + domain.map(d -> "." + d).orElse(""));
        return new Credentials(user, password);
    }
}
