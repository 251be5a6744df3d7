package io.portfoliochat.admin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body accepted (the portfolio document is the biggest; its
 *                    event must also stay well below Kafka's default 1 MB record limit)
 */
@ConfigurationProperties("portfoliochat.request")
record RequestProperties(DataSize maxBodySize) {

    RequestProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
    }
}
