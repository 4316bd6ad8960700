package dev.ioslab.imageserver.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootBoundaryTest {

    @TempDir
    Path folder;
    private Path root;
    private Path outside;
    private RootBoundary boundary;

    @BeforeEach
    void createFolders() throws Exception {
        root = Files.createDirectories(folder.resolve("images")).toRealPath();
        outside = Files.createDirectories(folder.resolve("outside")).toRealPath();
        Files.writeString(outside.resolve("secret"), "x");
        boundary = new RootBoundary(root);
    }

    @Test
    void acceptsFilesFoldersAndNotYetExistingPathsInside() throws Exception {
        Files.createDirectories(root.resolve("upload"));
        Files.writeString(root.resolve("a.bin"), "a");
        assertThat(boundary.resolve(root)).contains(root);
        assertThat(boundary.resolve(root.resolve("a.bin"))).contains(root.resolve("a.bin"));
        assertThat(boundary.resolve(root.resolve("upload/new/deeper.bin"))).contains(root.resolve(
                "upload/new/deeper.bin"));
    }

    @Test
    void followsLinksThatStayInside() throws Exception {
        Files.writeString(root.resolve("v2.bin"), "2");
        Files.createSymbolicLink(root.resolve("latest.bin"), Path.of("v2.bin"));
        assertThat(boundary.resolve(root.resolve("latest.bin"))).contains(root.resolve("v2.bin"));
    }

    @Test
    void refusesLinksToFilesAndFoldersOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("file-link"), outside.resolve("secret"));
        Files.createSymbolicLink(root.resolve("dir-link"), outside);
        Files.createSymbolicLink(root.resolve("up-link"), Path.of(".."));
        assertThat(boundary.contains(root.resolve("file-link"))).isFalse();
        assertThat(boundary.contains(root.resolve("dir-link"))).isFalse();
        assertThat(boundary.contains(root.resolve("dir-link/secret"))).isFalse();
        assertThat(boundary.contains(root.resolve("dir-link/not-yet"))).as("an upload through the link").isFalse();
        assertThat(boundary.contains(root.resolve("up-link/outside/secret"))).isFalse();
    }

    @Test
    void refusesDanglingLinksAndPathsOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("dangling"), folder.resolve("gone"));
        assertThat(boundary.contains(root.resolve("dangling"))).isFalse();
        assertThat(boundary.contains(outside.resolve("secret"))).isFalse();
        assertThat(boundary.contains(folder)).isFalse();
        assertThat(boundary.contains(root.resolve("missing/../../outside/secret"))).isFalse();
    }

    @Test
    void aLinkChangedAfterwardsIsJudgedAsItIsNow() throws Exception {
        Path link = Files.createSymbolicLink(root.resolve("moving"), root);
        assertThat(boundary.contains(link)).isTrue();
        Files.delete(link);
        Files.createSymbolicLink(link, outside);
        assertThat(boundary.contains(link)).isFalse();
    }
}
