package dev.ioslab.imageserver.ftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.AnonymousAuthentication;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * MINA FtpServer's {@link UserManager} for the image repository: {@code anonymous} (any password, as FTP clients and
 * IOS send {@code user@host}) reads the whole root; each {@link UploadUser} reads it too and may write below
 * {@code /upload/} only (MINA's {@link WritePermission} on that prefix). The list is fixed at construction: saving
 * and deleting are refused, and nobody is MINA's administrator (its {@code SITE} statistics commands stay closed).
 * Passwords are compared in constant time and kept nowhere else (the {@link User}s MINA sees carry none).
 *
 * <p>Threading: immutable, so any MINA worker may call it.
 */
final class ImageUserDirectory implements UserManager {

    /** The read-only login of every FTP server (RFC 1635). */
    static final String ANONYMOUS = "anonymous";
    /** Where upload users may write, as MINA's write permission sees paths (relative to the root). */
    static final String UPLOAD_PREFIX = "/" + FtpImageServer.UPLOAD_FOLDER + "/";

    private final Map<String, byte[]> passwords = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();

    ImageUserDirectory(Path root, List<UploadUser> uploadUsers) {
        // MINA counts logins against maxLogins itself; without this authority it refuses every login (USER command).
        Authority unlimited = new ConcurrentLoginPermission(0, 0);
        users.put(ANONYMOUS, user(ANONYMOUS, root, List.of(unlimited)));
        for (UploadUser upload : uploadUsers) {
            if (users.containsKey(upload.name())) {
                throw new IllegalArgumentException("FTP user " + upload.name() + " is configured twice");
            }
            passwords.put(upload.name(), upload.password().getBytes(StandardCharsets.UTF_8));
            users.put(upload.name(), user(upload.name(), root, List.of(unlimited, new WritePermission(UPLOAD_PREFIX))));
        }
    }

    private static User user(String name, Path root, List<Authority> authorities) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setHomeDirectory(root.toString());
        user.setEnabled(true);
        // 0: the listener's idle timeout applies (FtpIoSession.setMaxIdleTime).
        user.setMaxIdleTime(0);
        user.setAuthorities(authorities);
        return user;
    }

    @Override
    public User getUserByName(String name) {
        return users.get(name);
    }

    @Override
    public String[] getAllUserNames() {
        return new ArrayList<>(users.keySet()).toArray(new String[0]);
    }

    @Override
    public void delete(String name) throws FtpException {
        throw new FtpException("the image repository's users come from the daemon configuration");
    }

    @Override
    public void save(User user) throws FtpException {
        throw new FtpException("the image repository's users come from the daemon configuration");
    }

    @Override
    public boolean doesExist(String name) {
        return users.containsKey(name);
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        if (authentication instanceof AnonymousAuthentication) {
            return users.get(ANONYMOUS);
        }
        if (authentication instanceof UsernamePasswordAuthentication login && login.getUsername() != null) {
            byte[] expected = passwords.get(login.getUsername());
            byte[] given = login.getPassword() == null ? new byte[0]
                    : login.getPassword().getBytes(StandardCharsets.UTF_8);
            // Compare even for an unknown name, so the answer takes as long either way.
            boolean match = MessageDigest.isEqual(expected == null ? new byte[given.length + 1] : expected, given);
            if (expected != null && match) {
                return users.get(login.getUsername());
            }
        }
        throw new AuthenticationFailedException("Authentication failed");
    }

    /** No administrator: an empty name no client can log in as. */
    @Override
    public String getAdminName() {
        return "";
    }

    @Override
    public boolean isAdmin(String name) {
        return false;
    }
}
