package dev.ioslab.imageserver.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.usermanager.AnonymousAuthentication;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WriteRequest;
import org.junit.jupiter.api.Test;

class ImageUserDirectoryTest {

    private final ImageUserDirectory users = new ImageUserDirectory(Path.of("/srv/images"),
            List.of(new UploadUser("device", "s3cret")));

    @Test
    void anonymousLogsInWithAnyPasswordAndMayWriteNothing() throws Exception {
        User anonymous = users.authenticate(new AnonymousAuthentication());
        assertThat(anonymous.getName()).isEqualTo("anonymous");
        assertThat(anonymous.getHomeDirectory()).isEqualTo("/srv/images");
        assertThat(anonymous.authorize(new WriteRequest("/upload/x.bin"))).isNull();
        assertThat(anonymous.authorize(new WriteRequest("/x.bin"))).isNull();
    }

    @Test
    void anUploadUserWritesUnderUploadOnly() throws Exception {
        User device = users.authenticate(new UsernamePasswordAuthentication("device", "s3cret"));
        assertThat(device.authorize(new WriteRequest("/upload/x.bin"))).isNotNull();
        assertThat(device.authorize(new WriteRequest("/upload/sub/x.bin"))).isNotNull();
        assertThat(device.authorize(new WriteRequest("/x.bin"))).isNull();
        assertThat(device.authorize(new WriteRequest("/upload"))).isNull();
        assertThat(device.authorize(new WriteRequest("/uploads/x.bin"))).isNull();
        assertThat(device.getPassword()).as("MINA's user carries no password").isNull();
    }

    @Test
    void refusesWrongPasswordsUnknownUsersAndAMissingPassword() {
        for (UsernamePasswordAuthentication wrong : List.of(new UsernamePasswordAuthentication("device", "S3cret"),
                new UsernamePasswordAuthentication("device", "s3cret "), new UsernamePasswordAuthentication("device",
                        null), new UsernamePasswordAuthentication("admin", "admin"),
                new UsernamePasswordAuthentication("anonymous", "x"))) {
            assertThatThrownBy(() -> users.authenticate(wrong)).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void isReadOnlyAndHasNoAdministrator() throws Exception {
        assertThat(users.getAllUserNames()).containsExactly("anonymous", "device");
        assertThat(users.isAdmin("device")).isFalse();
        assertThat(users.isAdmin("admin")).isFalse();
        assertThat(users.doesExist(users.getAdminName())).isFalse();
        BaseUser intruder = new BaseUser();
        intruder.setName("intruder");
        assertThatThrownBy(() -> users.save(intruder)).isInstanceOf(FtpException.class);
        assertThatThrownBy(() -> users.delete("device")).isInstanceOf(FtpException.class);
    }
}
