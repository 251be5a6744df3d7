package io.portfoliochat.gateway.routing;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.portfoliochat.gateway.error.HttpCodecHandlers;
import io.portfoliochat.support.web.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request targets the gateway cannot read the way a service would, before Reactor Netty
 * parses them: bytes outside printable ASCII, broken percent-escapes ({@code %ZZ}), and escapes that
 * do not decode to UTF-8 ({@code %C3%28}). Spring never sees such a request — it would answer an
 * empty 400 for the first two, and forward the third to a service that fails on it — so this
 * answers 400 with the envelope and closes the connection.
 */
@ChannelHandler.Sharable
final class RequestTargetCheck extends ChannelInboundHandlerAdapter implements NettyServerCustomizer {

    static final String INVALID_PATH = "The request path is not valid";
    static final String INVALID_QUERY = "The query string is not valid: it must be percent-encoded UTF-8";
    private static final String HANDLER_NAME = "portfoliochat.requestTargetCheck";

    private final JsonMapper jsonMapper;

    RequestTargetCheck(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return HttpCodecHandlers.addAfterHttpCodec(server, HANDLER_NAME, this);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            Optional<String> problem = problemWith(request.uri());
            if (problem.isPresent()) {
                ReferenceCountUtil.release(message);
                refuse(context, problem.get());
                return;
            }
        }
        context.fireChannelRead(message);
    }

    private void refuse(ChannelHandlerContext context, String problem) {
        byte[] body = jsonMapper.writeValueAsBytes(ApiResponse.failure(problem));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // The rest of the request (a body) is not read: the connection ends with the answer.
        context.channel().config().setAutoRead(false);
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** What is wrong with a request target, if anything. */
    static Optional<String> problemWith(String target) {
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        String query = queryStart < 0 ? null : target.substring(queryStart + 1);
        if (!readable(path)) {
            return Optional.of(INVALID_PATH);
        }
        if (query != null && !readable(query)) {
            return Optional.of(INVALID_QUERY);
        }
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            return Optional.of(queryStart >= 0 && e.getIndex() > queryStart ? INVALID_QUERY : INVALID_PATH);
        }
        return Optional.empty();
    }

    /** Printable ASCII only, every {@code %} followed by two hex digits, and the escapes decode to UTF-8. */
    private static boolean readable(String part) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return false;
                }
                decoded.write(Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16));
                i += 2;
            } else {
                decoded.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
