package io.portfoliochat.ai.context;

import io.portfoliochat.ai.language.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aliases and categories of technology and work vocabulary, English and Indonesian: "k8s" finds
 * Kubernetes, "database" finds PostgreSQL, "basis data" the same. Keys and values are folded tokens.
 */
final class TermSynonyms {

    private static final Map<String, Set<String>> RELATED = new HashMap<>();

    static {
        alias("k8s", "kubernetes", "kube", "gke", "eks", "aks");
        alias("golang", "go");
        alias("js", "javascript");
        alias("ts", "typescript");
        alias("postgres", "postgresql", "psql");
        alias("reactjs", "react");
        alias("nodejs", "node", "node.js");
        alias("vuejs", "vue");
        alias("nextjs", "next.js", "next");
        alias("py", "python");
        alias("ml", "machine", "learning", "model", "pytorch", "tensorflow", "scikit-learn", "sklearn");
        alias("ai", "ml", "llm", "model", "machine", "learning");
        alias("ui", "ux", "interface", "design", "figma");
        alias("ux", "ui", "usability", "research", "design");
        category("database", "postgresql", "mysql", "mariadb", "mongodb", "redis", "sqlite", "oracle", "sql", "bigquery",
                "elasticsearch", "dynamodb", "cassandra", "schema", "query", "db");
        category("db", "database", "postgresql", "mysql", "mongodb", "sql");
        category("data", "database", "sql", "analytic", "pipeline");
        category("frontend", "react", "vue", "angular", "svelte", "typescript", "javascript", "css", "html", "next.js",
                "tailwind", "front-end", "front", "web", "ui");
        category("front-end", "frontend", "react", "vue", "angular", "typescript", "javascript", "css", "html", "front");
        category("backend", "go", "java", "node.js", "node", "python", "spring", "kotlin", "rust", "ruby", "php", "api",
                "service", "server", "back-end", "microservice");
        category("back-end", "backend", "go", "java", "node.js", "api", "service", "server");
        category("cloud", "aws", "gcp", "gke", "azure", "kubernetes", "docker", "serverless", "cluster");
        category("devop", "kubernetes", "docker", "terraform", "ci", "cd", "gke", "aws", "cluster", "pipeline", "infrastructure");
        category("infrastructure", "kubernetes", "docker", "terraform", "cluster", "cloud");
        category("container", "docker", "kubernetes", "gke");
        category("mobile", "android", "ios", "flutter", "swift", "kotlin", "react-native");
        category("web", "react", "vue", "angular", "html", "css", "javascript", "typescript", "frontend", "page");
        category("test", "testing", "jest", "junit", "cypress", "selenium", "usability", "qa");
        category("design", "figma", "sketch", "framer", "adobe", "prototype", "prototyping", "ui", "ux");
        category("pipeline", "airflow", "etl", "orchestration", "orkestrasi", "pipeline");
        category("leadership", "lead", "mentored", "mentor", "managed", "led", "memimpin", "membimbing");
        category("mentoring", "mentored", "mentor", "membimbing", "coaching");
        category("fintech", "payment", "bank", "banking", "finance", "reconciliation");
        category("logistic", "shipment", "courier", "tracking", "delivery", "logistics");
        category("ecommerce", "e-commerce", "marketplace", "shop", "store");
        category("e-commerce", "ecommerce", "marketplace");
        // Indonesian
        alias("basis", "database");
        alias("pemrograman", "programming", "language");
        alias("proyek", "project");
        alias("projek", "project");
        alias("aplikasi", "app", "application");
        alias("perusahaan", "company");
        alias("pelatihan", "training", "course");
        alias("kuliah", "university", "degree", "study", "college");
        alias("universitas", "university", "college");
        alias("rekomendasi", "recommendation");
        alias("dasbor", "dashboard");
        alias("desain", "design");
        alias("keamanan", "security");
        alias("pembayaran", "payment");
        alias("pengiriman", "shipment", "delivery", "logistics");
    }

    private TermSynonyms() {
    }

    /** Related terms of a folded query token (not including itself). */
    static Set<String> of(String token) {
        return RELATED.getOrDefault(token, Set.of());
    }

    private static void alias(String key, String... related) {
        put(key, related);
        for (String other : related) {
            String folded = Tokens.fold(other);
            RELATED.merge(folded, Set.of(Tokens.fold(key)), TermSynonyms::union);
        }
    }

    private static void category(String key, String... members) {
        put(key, members);
    }

    private static void put(String key, String... related) {
        Set<String> folded = new java.util.HashSet<>();
        for (String term : related) {
            folded.add(Tokens.fold(term));
        }
        RELATED.merge(Tokens.fold(key), Set.copyOf(folded), TermSynonyms::union);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static List<String> keys() {
        return List.copyOf(RELATED.keySet());
    }
}
