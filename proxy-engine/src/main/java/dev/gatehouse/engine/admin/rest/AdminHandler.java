package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.admin.AdminJson;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.ControlException.Kind;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.MetricsSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Answers admin requests: checks the bearer token and finds the route on the event loop, then
 * reads the body, runs the control call and writes the JSON on the blocking executor. Reading
 * pauses while a request is served, so answers go out in request order.
 */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final System.Logger LOG = System.getLogger(AdminHandler.class.getName());

    private final GatewayControl control;
    private final List<AdminRoute<?>> routes;
    private final MetricsSource metrics;
    private final Executor blocking;
    private final ObjectMapper json = AdminJson.mapper();
    private final AdminResponses responses = new AdminResponses(json);

    /** Requests reach it with their token already checked ({@link TokenGate}, ahead of it in the pipeline). */
    AdminHandler(GatewayControl control, MetricsSource metrics, Executor blocking) {
        this.control = control;
        this.routes = AdminRoutes.of(control);
        this.metrics = metrics;
        this.blocking = blocking;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        ctx.channel().config().setAutoRead(false);
        if (!request.decoderResult().isSuccess()) {
            fail(ctx, false, new ControlException(Kind.BAD_REQUEST, "malformed HTTP request"));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = request.method();
        if (path.equals(AdminPaths.METRICS)) {
            if (!method.equals(HttpMethod.GET)) {
                fail(ctx, keepAlive, new ControlException(Kind.METHOD_NOT_ALLOWED, "use GET " + path));
                return;
            }
            runBlocking(ctx, keepAlive, () -> responses.text(metrics.render(), AdminResponses.PROMETHEUS_TEXT));
            return;
        }
        if (path.equals(AdminPaths.LOG_EXPORT) && method.equals(HttpMethod.POST)) {
            byte[] body = ByteBufUtil.getBytes(request.content());
            runStreaming(ctx, keepAlive, () -> {
                LogExportStream.run(control, read(ExportRequest.class, path, body), ctx.channel(), keepAlive);
                return null;
            });
            return;
        }
        AdminRoute<?> route = find(method, path, ctx, keepAlive);
        if (route != null) {
            byte[] body = ByteBufUtil.getBytes(request.content());
            runBlocking(ctx, keepAlive, () -> responses.ok(route.invoke(read(route, body))));
        }
    }

    private AdminRoute<?> find(HttpMethod method, String path, ChannelHandlerContext ctx, boolean keepAlive) {
        AdminRoute<?> samePath = null;
        for (AdminRoute<?> route : routes) {
            if (route.path().equals(path)) {
                if (route.method().equals(method)) {
                    return route;
                }
                samePath = route;
            }
        }
        fail(ctx, keepAlive, samePath != null
                ? new ControlException(Kind.METHOD_NOT_ALLOWED, "use " + samePath.method() + " " + path)
                : new ControlException(Kind.NOT_FOUND, "no admin API at " + path));
        return null;
    }

    private Object read(AdminRoute<?> route, byte[] body) {
        return route.body() == null ? null : read(route.body(), route.path(), body);
    }

    private <T> T read(Class<T> type, String path, byte[] body) {
        if (body.length == 0) {
            throw new ControlException(Kind.BAD_REQUEST, path + " needs a JSON body");
        }
        try {
            return json.readValue(body, type);
        } catch (java.io.IOException e) {
            var config = AdminJson.invalidConfigIn(e);
            if (config.isPresent()) {
                throw ControlException.invalidConfig(config.get().errors());
            }
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new ControlException(Kind.BAD_REQUEST, "malformed JSON body: " + detail, e);
        }
    }

    private void runBlocking(ChannelHandlerContext ctx, boolean keepAlive, Callable<FullHttpResponse> work) {
        try {
            blocking.execute(() -> {
                FullHttpResponse response;
                try {
                    response = work.call();
                } catch (ControlException e) {
                    response = responses.error(e);
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "admin call failed", e);
                    response = responses.error(new ControlException(Kind.INTERNAL, "admin call failed: " + e, e));
                }
                if (response != null) { // null: the work answered itself
                    write(ctx, keepAlive, response);
                }
            });
        } catch (RejectedExecutionException e) {
            fail(ctx, keepAlive, new ControlException(Kind.UNAVAILABLE, "the admin API is busy, try again"));
        }
    }

    /** Like {@link #runBlocking}, for work that writes its own answer; only its errors are written here. */
    private void runStreaming(ChannelHandlerContext ctx, boolean keepAlive, Callable<Void> work) {
        runBlocking(ctx, keepAlive, () -> {
            work.call();
            return null;
        });
    }

    private void fail(ChannelHandlerContext ctx, boolean keepAlive, ControlException e) {
        write(ctx, keepAlive, responses.error(e));
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) future -> {
            if (!keepAlive || !future.isSuccess()) {
                future.channel().close();
            } else {
                future.channel().config().setAutoRead(true);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "admin connection failed", cause);
        ctx.close();
    }
}
