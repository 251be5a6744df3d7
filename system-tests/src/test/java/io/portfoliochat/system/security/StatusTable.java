package io.portfoliochat.system.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** A matrix of expected statuses: one row per route or channel, one column per {@link MatrixCaller}. */
final class StatusTable {

    private StatusTable() {
    }

    /** One test case per row and caller. */
    static <R> Stream<Arguments> everyRowForEveryCaller(List<R> rows) {
        List<Arguments> cases = new ArrayList<>();
        for (R row : rows) {
            for (MatrixCaller caller : MatrixCaller.values()) {
                cases.add(Arguments.of(row, caller));
            }
        }
        return cases.stream();
    }

    /** The matrix as a Markdown table (as docs/security.md shows it). */
    static <R> String markdown(String firstColumn, List<R> rows, Function<R, String> name, Function<R, List<Integer>> statuses) {
        StringBuilder table = new StringBuilder("| " + firstColumn + " | " + Stream.of(MatrixCaller.values())
                .map(MatrixCaller::label).collect(Collectors.joining(" | ")) + " |\n|---|"
                + "---|".repeat(MatrixCaller.values().length) + "\n");
        rows.forEach(row -> table.append("| `").append(name.apply(row)).append("` | ")
                .append(statuses.apply(row).stream().map(String::valueOf).collect(Collectors.joining(" | "))).append(" |\n"));
        return table.toString();
    }
}
