package dev.gatehouse.engine.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * Builds the JSON body of the gateway's own errors, shaped like OpenAI's so that SDKs show the
 * message: {@code {"error":{"message":..,"type":..,"code":<status>,"request_id":..}}}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static FullHttpResponse json(ByteBufAllocator alloc, GatewayError error, String message, String requestId) {
        StringBuilder json = new StringBuilder(96 + message.length());
        json.append("{\"error\":{\"message\":");
        appendQuoted(json, message);
        json.append(",\"type\":\"").append(error.type()).append("\",\"code\":").append(error.status().code());
        if (requestId != null) {
            json.append(",\"request_id\":");
            appendQuoted(json, requestId);
        }
        json.append("}}");
        ByteBuf body = alloc.buffer(json.length());
        body.writeCharSequence(json, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, error.status(), body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (requestId != null) {
            response.headers().set(ProxyHeaders.X_REQUEST_ID, requestId);
        }
        return response;
    }

    static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
