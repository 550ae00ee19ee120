package dev.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.sim.cloud.DemoAccount;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CloudSimCommandIntegrationTest {

    @Test
    void printsItsUrlAndDemoAccountWhichSignInAndFindTheBackends() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CloudSimCommand command = new CloudSimCommand(new PrintStream(out, true, StandardCharsets.UTF_8), err);
        CommandLine line = CommandLine.parse(new String[] {"--listen", "127.0.0.1:0", "--region", "ap-southeast-1"},
                Set.of("--listen", "--region"), Set.of());

        try (CloudSimCommand.Running running = command.start(line)) {
            String printed = out.toString(StandardCharsets.UTF_8);
            Matcher url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)").matcher(printed);
            assertThat(url.find()).isTrue();
            assertThat(printed).contains("IAM user " + DemoAccount.USER + ", password " + DemoAccount.PASSWORD)
                    .contains("region        ap-southeast-1");
            try (HuaweiCloud cloud = HuaweiCloud.connect(CloudEndpoints.allAt("ap-southeast-1", URI.create(url.group(1))),
                    new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD))) {
                assertThat(cloud.signIn()).isEqualTo(DemoAccount.PROJECT_ID);
                assertThat(cloud.modelArts().hostEndpoints(DemoAccount.SERVICE_ID)).extracting(HostEndpoint::port)
                        .containsExactlyElementsOf(running.backends().stream().map(b -> b.port()).toList());
            }
        }
    }

    @Test
    void unknownArgumentIsRefusedWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"cloud-sim", "extra"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument \"extra\"")
                .contains("Usage: gatehouse cloud-sim");
    }
}
