package dev.gatehouse.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatehouseHomeTest {

    private static final Path USER = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgWithItsDefaults() {
        GatehouseHome home = GatehouseHome.forPlatform("Linux", Map.of(), USER);
        assertThat(home.config()).isEqualTo(Path.of("/home/ada/.config/gatehouse"));
        assertThat(home.data()).isEqualTo(Path.of("/home/ada/.local/share/gatehouse"));
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        GatehouseHome home = GatehouseHome.forPlatform("Linux",
                Map.of("XDG_CONFIG_HOME", "/etc/ada", "XDG_DATA_HOME", "relative/data"), USER);
        assertThat(home.config()).isEqualTo(Path.of("/etc/ada/gatehouse"));
        assertThat(home.data()).isEqualTo(Path.of("/home/ada/.local/share/gatehouse"));
    }

    @Test
    void windowsAndMacUseTheirApplicationDataFolders() {
        assertThat(GatehouseHome.forPlatform("Windows 11", Map.of("APPDATA", "C:/Users/ada/AppData/Roaming"), USER).config())
                .isEqualTo(Path.of("C:/Users/ada/AppData/Roaming/Gatehouse"));
        assertThat(GatehouseHome.forPlatform("Mac OS X", Map.of(), USER).config())
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Gatehouse"));
    }

    @Test
    void windowsKeepsTheAccessLogOutOfTheRoamingProfile() {
        GatehouseHome home = GatehouseHome.forPlatform("Windows 11",
                Map.of("APPDATA", "C:/Users/ada/AppData/Roaming", "LOCALAPPDATA", "D:/local"), USER);
        assertThat(home.config()).isEqualTo(Path.of("C:/Users/ada/AppData/Roaming/Gatehouse"));
        assertThat(home.data()).isEqualTo(Path.of("D:/local/Gatehouse/data"));
        assertThat(GatehouseHome.forPlatform("Windows 11", Map.of(), USER).data())
                .isEqualTo(Path.of("/home/ada/AppData/Local/Gatehouse/data"));
    }

    @Test
    void homeOptionPutsEverythingUnderOneFolder() {
        GatehouseHome home = GatehouseHome.under(Path.of("/tmp/gh"));
        assertThat(home.config()).isEqualTo(Path.of("/tmp/gh/config"));
        assertThat(home.data()).isEqualTo(Path.of("/tmp/gh/data"));
    }
}
