package io.portfoliochat.loadgen.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Latency distributions as CDFs (x: latency on a log scale, y: share of messages at or below it), one PNG per chart. */
public final class LatencyPlot {

    private static final int MAX_POINTS = 600;

    private LatencyPlot() {
    }

    /** @param series name → latencies in microseconds */
    public static void cdf(String title, Map<String, Latencies> series, Path png) {
        XYChart chart = new XYChartBuilder().width(1000).height(560).title(title)
                .xAxisTitle("latency (ms, log scale)").yAxisTitle("messages at or below (%)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setMarkerSize(0);
        series.forEach((name, latencies) -> {
            long[] sorted = latencies.sorted();
            if (sorted.length == 0) {
                return;
            }
            int points = Math.min(MAX_POINTS, sorted.length);
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) {
                int index = (int) Math.min(sorted.length - 1, Math.round((double) i * (sorted.length - 1) / Math.max(1, points - 1)));
                x[i] = Math.max(0.01, sorted[index] / 1000.0);
                y[i] = 100.0 * (index + 1) / sorted.length;
            }
            chart.addSeries(name + " (p99 " + String.format(java.util.Locale.ROOT, "%.1f", latencies.summary().p99()) + " ms)", x, y)
                    .setMarker(SeriesMarkers.NONE);
        });
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + png, e);
        }
    }
}
