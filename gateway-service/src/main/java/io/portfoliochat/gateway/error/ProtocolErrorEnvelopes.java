package io.portfoliochat.gateway.error;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.portfoliochat.support.web.ApiResponse;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the HTTP server refuses before Spring sees them — a request line or headers too long
 * (414, 431), an unparsable request (400) — get the JSON envelope as well, instead of an empty
 * body. Such refusals are the only responses Reactor Netty writes whole, empty and with
 * {@code Connection: close}; everything else passes untouched.
 */
@ChannelHandler.Sharable
final class ProtocolErrorEnvelopes extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

    private static final String HANDLER_NAME = "portfoliochat.protocolErrorEnvelopes";

    private final Map<HttpResponseStatus, byte[]> envelopes;

    ProtocolErrorEnvelopes(JsonMapper jsonMapper) {
        this.envelopes = Map.of(
                HttpResponseStatus.BAD_REQUEST, envelope(jsonMapper, "The request is malformed"),
                HttpResponseStatus.REQUEST_URI_TOO_LONG, envelope(jsonMapper, "The request URL is too long"),
                HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, envelope(jsonMapper, "The request headers are too large"));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return HttpCodecHandlers.addAfterHttpCodec(server, HANDLER_NAME, this);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        if (message instanceof FullHttpResponse response && isEmptyRefusal(response)) {
            byte[] body = envelopes.get(response.status());
            FullHttpResponse withEnvelope = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                    Unpooled.wrappedBuffer(body));
            withEnvelope.headers().set(response.headers())
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.release();
            context.write(withEnvelope, promise);
            return;
        }
        context.write(message, promise);
    }

    private boolean isEmptyRefusal(FullHttpResponse response) {
        return envelopes.containsKey(response.status())
                && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }

    private static byte[] envelope(JsonMapper jsonMapper, String message) {
        return jsonMapper.writeValueAsBytes(ApiResponse.failure(message));
    }
}
