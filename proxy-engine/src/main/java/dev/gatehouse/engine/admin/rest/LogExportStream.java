package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.GatewayControl;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.util.Map;

/**
 * {@code POST /admin/logs/export}: the records as a chunked CSV or JSON Lines body, written as the
 * database yields them, with the record count in the trailer. Stops when the client goes away.
 */
final class LogExportStream {

    /** Trailer: how many records the body holds. */
    static final String RECORDS_TRAILER = "X-Gatehouse-Export-Records";

    private LogExportStream() {
    }

    static String contentType(ExportFormat format) {
        return format == ExportFormat.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    }

    /**
     * Runs the export on the calling (blocking) thread. Failures before the first byte are thrown,
     * to be answered as a JSON error; after it, the connection is closed to cut the answer short.
     */
    static void run(GatewayControl control, ExportRequest request, Channel channel, boolean keepAlive) throws Exception {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType(request.format()))
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.TRAILER, RECORDS_TRAILER);
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, keepAlive);
        ChunkedChannelOutput out = new ChunkedChannelOutput(channel, head);
        try {
            ExportResult result = control.exportLogs(request, out, new ExportProgress() {
                @Override
                public boolean cancelled() {
                    return !channel.isActive();
                }
            });
            out.finish(Map.of(RECORDS_TRAILER, Long.toString(result.records())));
        } catch (Exception e) {
            if (out.started()) {
                channel.close();
                return;
            }
            throw e;
        }
        if (keepAlive) {
            channel.config().setAutoRead(true);
        } else {
            channel.close();
        }
    }
}
