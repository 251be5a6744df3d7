package io.portfoliochat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/chat/send", "/apps/app-1/events", "/chat/", "/api/chat/conversations/42",
            "/assets/app.v2.js", "/api/chat/messages"})
    void ordinaryPathsPass(String path) {
        assertThat(PathNormalizationWebFilter.isNormalised(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/../internal/x", "/app/./x", "/api/..", "/api/%2E%2E/internal", "/api/chat%2fsend",
            "/api/chat%5Csend", "/api\\chat", "/api/portfolio;a=b", "//internal", "/api/x%00"})
    void pathsAServiceCouldReadDifferentlyAreRefused(String path) {
        assertThat(PathNormalizationWebFilter.isNormalised(path)).isFalse();
    }
}
