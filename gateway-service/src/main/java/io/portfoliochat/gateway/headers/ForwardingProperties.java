package io.portfoliochat.gateway.headers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far the gateway believes forwarded headers.
 *
 * @param trustedProxies a regular expression matching the IP addresses of proxies in front of the
 *                       gateway whose {@code X-Forwarded-*} headers are believed (e.g.
 *                       {@code 10\.0\.0\.\d+}); empty means the gateway is the edge and believes none
 */
@ConfigurationProperties("portfoliochat.gateway.forwarding")
record ForwardingProperties(String trustedProxies) {
}
