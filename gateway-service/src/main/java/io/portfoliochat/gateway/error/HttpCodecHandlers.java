package io.portfoliochat.gateway.error;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Places a shared handler of the gateway's right after Reactor Netty's HTTP codec on every connection. */
public final class HttpCodecHandlers {

    private HttpCodecHandlers() {
    }

    public static HttpServer addAfterHttpCodec(HttpServer server, String name, ChannelHandler handler) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(name) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, name, handler);
            }
        });
    }
}
