package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code admin.token}: random on first start, owner-only, reused later. */
class AdminTokenTest {

    @TempDir
    Path dir;

    @Test
    void firstStartWritesARandomTokenOnlyTheOwnerCanReadOrWrite() throws Exception {
        Path config = dir.resolve("config");

        String token = AdminToken.loadOrCreate(config);

        Path file = config.resolve("admin.token");
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(config).map(p -> p.getFileName().toString())).containsExactly("admin.token");
    }

    @Test
    void laterStartsReuseTheToken() throws Exception {
        String first = AdminToken.loadOrCreate(dir);

        assertThat(AdminToken.loadOrCreate(dir)).isEqualTo(first);
    }

    @Test
    void twoHomesGetDifferentTokens() throws Exception {
        assertThat(AdminToken.loadOrCreate(dir.resolve("a"))).isNotEqualTo(AdminToken.loadOrCreate(dir.resolve("b")));
    }

    @Test
    void aTokenFileOthersCanReadIsKeptButMadeOwnerOnly() throws Exception {
        Path file = dir.resolve("admin.token");
        Files.writeString(file, "my-own-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(AdminToken.loadOrCreate(dir)).isEqualTo("my-own-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anEmptyTokenFileIsReplacedByANewToken() throws Exception {
        Files.writeString(dir.resolve("admin.token"), "\n");

        String token = AdminToken.loadOrCreate(dir);

        assertThat(token).hasSize(43);
        assertThat(Files.readString(dir.resolve("admin.token")).strip()).isEqualTo(token);
    }
}
