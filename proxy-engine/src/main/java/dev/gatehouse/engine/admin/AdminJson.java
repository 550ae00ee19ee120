package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.GatewayConfig;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The JSON of the admin API, shared by its REST face and the remote client: records as objects,
 * instants as ISO text, and a {@link GatewayConfig} in exactly the form of a config file (through
 * {@link ConfigCodec}, so a config read here is as strictly checked as one read from disk).
 */
public final class AdminJson {

    private AdminJson() {
    }

    /** A new mapper; mappers are thread-safe, so callers keep one. */
    public static ObjectMapper mapper() {
        ConfigCodec codec = new ConfigCodec();
        ObjectMapper plain = new ObjectMapper();
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new SimpleModule("gatehouse-admin")
                        .addSerializer(Instant.class, ToStringSerializer.instance)
                        .addDeserializer(Instant.class, new InstantDeserializer())
                        .addSerializer(GatewayConfig.class, new ConfigSerializer(codec, plain))
                        .addDeserializer(GatewayConfig.class, new ConfigDeserializer(codec)))
                .build();
    }

    /** The config errors that made reading a request fail, if a config in it was the problem. */
    public static Optional<ConfigException> invalidConfigIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigJson invalid) {
                return Optional.of(invalid.config);
            }
        }
        return Optional.empty();
    }

    /** Carries the codec's errors (with their field paths) through Jackson. */
    private static final class InvalidConfigJson extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        private final transient ConfigException config;

        InvalidConfigJson(JsonParser parser, ConfigException config) {
            super(parser, config.getMessage(), config);
            this.config = config;
        }
    }

    private static final class ConfigSerializer extends StdSerializer<GatewayConfig> {
        private static final long serialVersionUID = 1L;
        private final transient ConfigCodec codec;
        private final transient ObjectMapper plain;

        ConfigSerializer(ConfigCodec codec, ObjectMapper plain) {
            super(GatewayConfig.class);
            this.codec = codec;
            this.plain = plain;
        }

        @Override
        public void serialize(GatewayConfig value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeTree(plain.readTree(codec.write(value)));
        }
    }

    private static final class ConfigDeserializer extends StdDeserializer<GatewayConfig> {
        private static final long serialVersionUID = 1L;
        private final transient ConfigCodec codec;

        ConfigDeserializer(ConfigCodec codec) {
            super(GatewayConfig.class);
            this.codec = codec;
        }

        @Override
        public GatewayConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            try {
                return codec.parse(tree.toString());
            } catch (ConfigException e) {
                throw new InvalidConfigJson(p, e);
            }
        }
    }

    private static final class InstantDeserializer extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return Instant.parse(p.getValueAsString(""));
            } catch (java.time.format.DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "expected an ISO-8601 instant");
            }
        }
    }
}
