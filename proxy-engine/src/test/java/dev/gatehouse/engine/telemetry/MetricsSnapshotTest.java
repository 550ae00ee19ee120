package dev.gatehouse.engine.telemetry;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.gatehouse.engine.telemetry.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsSnapshotTest {

    @Test
    void aSnapshotTravelsAsJsonAndComesBackEqual() throws Exception {
        Telemetry telemetry = new Telemetry(new MutableClock("2026-11-25T12:00:00Z"));
        telemetry.accept(request().firstTokenMillis(40).cache("hit").build());
        telemetry.accept(request().model("llama").status(503, "no_healthy_upstream").build());
        MetricsSnapshot snapshot = telemetry.snapshot();
        // Instants as ISO text, as the admin API writes them.
        ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule()
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                    @Override
                    protected Instant _deserialize(String value, DeserializationContext context) {
                        return Instant.parse(value);
                    }
                }));

        String text = json.writeValueAsString(snapshot);
        MetricsSnapshot back = json.readValue(text, MetricsSnapshot.class);

        assertThat(back).isEqualTo(snapshot);
        assertThat(json.readTree(text).at("/models/llama/gatewayErrors/no_healthy_upstream").asLong()).isEqualTo(1);
        assertThat(json.readTree(text).at("/total/firstToken/count").asLong()).isEqualTo(1);
    }
}
