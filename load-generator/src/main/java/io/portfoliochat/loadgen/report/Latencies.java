package io.portfoliochat.loadgen.report;

import java.util.Arrays;

/** Latency samples in microseconds, kept whole (a run has at most a few hundred thousand), for exact percentiles. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void add(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    public synchronized long[] sorted() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted;
    }

    public synchronized Summary summary() {
        return Summary.of(sorted());
    }

    /** Milliseconds; percentiles by the nearest-rank method. */
    public record Summary(int count, double p50, double p95, double p99, double p999, double max, double mean) {

        static Summary of(long[] sorted) {
            if (sorted.length == 0) {
                return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Summary(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.95)), ms(rank(sorted, 0.99)),
                    ms(rank(sorted, 0.999)), ms(sorted[sorted.length - 1]), ms((long) Arrays.stream(sorted).average().orElse(0)));
        }

        private static long rank(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }
}
