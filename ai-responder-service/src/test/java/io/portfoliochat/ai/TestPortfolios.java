package io.portfoliochat.ai;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.Portfolio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public sample portfolio (shared/eval/portfolio-qa-sample.json), found from the module or the repository root. */
public final class TestPortfolios {

    private TestPortfolios() {
    }

    public static Path sharedSampleFile() {
        Path relative = Path.of("shared", "eval", "portfolio-qa-sample.json");
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            for (Path candidate : new Path[] {dir.resolve(relative), dir.resolve("..").resolve(relative).normalize()}) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Could not find " + relative + " from " + Path.of("").toAbsolutePath());
    }

    /** Rina Kusuma's portfolio from the public sample. */
    public static Portfolio rina() {
        EventCodec codec = new EventCodec();
        try {
            return codec.mapper().treeToValue(codec.mapper().readTree(Files.readAllBytes(sharedSampleFile())).get("portfolio"),
                    Portfolio.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
