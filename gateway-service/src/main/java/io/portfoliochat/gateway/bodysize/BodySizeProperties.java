package io.portfoliochat.gateway.bodysize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a routed request may carry unless its route's
 *                    {@code max-body-size} metadata says otherwise
 */
@ConfigurationProperties("portfoliochat.gateway.request")
record BodySizeProperties(DataSize maxBodySize) {

    BodySizeProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    }
}
