package dev.gatehouse.engine.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFieldTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "{\"model\":\"qwen-72b\",\"messages\":[]}                                  | qwen-72b",
            "{\"messages\":[{\"model\":\"nested\"}],\"stream\":true,\"model\":\"late\"} | late",
            "{\"messages\":[]}                                                         | NULL",
            "{\"model\":42}                                                            | NULL",
            "[\"model\",\"x\"]                                                         | NULL",
            "{\"model\":\"trunc                                                        | NULL",
            "not json at all                                                           | NULL",
    })
    void readsTheTopLevelModelOrNothing(String body, String expected) {
        byte[] bytes = body.trim().getBytes(StandardCharsets.UTF_8);
        assertThat(ModelField.read(bytes, 0, bytes.length)).isEqualTo(expected);
    }
}
