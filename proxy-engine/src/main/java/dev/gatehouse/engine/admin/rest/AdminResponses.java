package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.ErrorBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/** Builds the admin API's responses: JSON results, JSON errors, Prometheus text. */
final class AdminResponses {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ObjectMapper json;

    AdminResponses(ObjectMapper json) {
        this.json = json;
    }

    FullHttpResponse ok(Object result) throws JsonProcessingException {
        return response(HttpResponseStatus.OK, json.writeValueAsBytes(result), HttpHeaderValues.APPLICATION_JSON.toString());
    }

    FullHttpResponse text(String body, String contentType) {
        return response(HttpResponseStatus.OK, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    FullHttpResponse error(ControlException e) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(ErrorBody.of(e));
        } catch (JsonProcessingException impossible) {
            body = ("{\"kind\":\"" + e.kind() + "\",\"message\":\"error\"}").getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse response = response(HttpResponseStatus.valueOf(e.kind().httpStatus()), body,
                HttpHeaderValues.APPLICATION_JSON.toString());
        if (e.kind() == ControlException.Kind.UNAUTHORIZED) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"gatehouse-admin\"");
        }
        return response;
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return response;
    }
}
