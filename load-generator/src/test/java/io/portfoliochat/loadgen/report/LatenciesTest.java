package io.portfoliochat.loadgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int micros = 100_000; micros >= 1_000; micros -= 1_000) {
            latencies.add(micros);
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void noSamplesGiveNoNumbers() {
        assertThat(new Latencies().summary().p99()).isNaN();
    }
}
