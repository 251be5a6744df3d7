package io.portfoliochat.loadgen.traffic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Errors seen by the clients (failed sends, closed sockets, protocol errors): counted, the first few kept. */
public final class Problems {

    private static final int SAMPLES = 20;

    private final AtomicLong count = new AtomicLong();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final List<String> samples = new CopyOnWriteArrayList<>();

    public void record(String kind, String detail) {
        count.incrementAndGet();
        byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (samples.size() < SAMPLES) {
            samples.add(kind + ": " + detail);
        }
    }

    public long count() {
        return count.get();
    }

    public Map<String, Long> byKind() {
        Map<String, Long> copy = new TreeMap<>();
        byKind.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    public List<String> samples() {
        return List.copyOf(samples);
    }
}
