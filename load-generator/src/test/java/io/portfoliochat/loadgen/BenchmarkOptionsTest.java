package io.portfoliochat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfoliochat.stack.StackService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void theFullBenchmarkIsAThousandVisitorsAtOneHundredThenOneThousandMessagesPerSecond() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[0]);

        assertThat(options.visitors()).isEqualTo(1000);
        assertThat(options.rates()).containsExactly(100.0, 1000.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.scenarios()).extracting(scenario -> scenario.name())
                .containsExactly("1000 visitors, 100 msg/s", "1000 visitors, 1000 msg/s");
    }

    @Test
    void quickIsASmallShortRunThatOtherOptionsStillAdjust() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--quick", "--visitors=10"});

        assertThat(options.visitors()).isEqualTo(10);
        assertThat(options.rates()).containsExactly(20.0);
        assertThat(options.warmup().plus(options.duration())).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void extraEnvironmentIsPerService() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--env=ai-responder-service:PORTFOLIOCHAT_AI_BURSTWINDOW=250ms"});

        assertThat(options.extraEnvironment().get(StackService.AI_RESPONDER))
                .containsEntry("PORTFOLIOCHAT_AI_BURSTWINDOW", "250ms");
    }

    @Test
    void unknownOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--visitor=3"}))
                .hasMessageContaining("Unknown option --visitor").hasMessageContaining("Usage: ./bench.sh");
    }
}
