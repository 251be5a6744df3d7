package io.portfoliochat.system.security;

import java.util.List;

/**
 * Texts that look like attacks or are merely unusual but are legitimate chat messages: the system
 * must store and return them exactly as sent (escaping is the display's job, and a parameterised
 * query makes an SQL-looking string just text).
 */
final class AcceptedInputs {

    private AcceptedInputs() {
    }

    record AcceptedInput(String name, String content, String visitorName, String visitorEmail) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<AcceptedInput> all() {
        return List.of(
                message("emoji with skin tone", "Halo \uD83D\uDC4B\uD83C\uDFFD boleh tanya? \uD83D\uDE80\uD83D\uDD25"),
                message("emoji joined into a family", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 family time"),
                message("2000 emoji (4000 UTF-16 units)", "\uD83D\uDE00".repeat(2000)),
                message("SQL injection: drop table", "'; DROP TABLE message; --"),
                message("SQL injection: always true", "1' OR '1'='1' /* admin */"),
                message("script tag", "<script>alert('xss')</script>"),
                message("image with onerror", "<img src=x onerror=alert(document.cookie)>"),
                message("javascript URL", "javascript:alert(1)//"),
                message("template expressions", "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>"),
                message("JSON that looks like an envelope", "{\"success\":false,\"error\":\"fake\"}"),
                message("Arabic, right to left", "\u0645\u0631\u062D\u0628\u0627\u060C \u0647\u0644 \u064A\u0645\u0643\u0646\u0646\u064A \u0623\u0646 \u0623\u0633\u0623\u0644\u061F"),
                message("right-to-left override inside a word", "invoice\u202Efdp.exe please check"),
                message("zero-width characters inside words", "hel\u200Blo wor\u200Dld"),
                message("combining marks (Zalgo)", "Z\u0337\u0322a\u0338l\u0334g\u0335o\u0336 text"),
                message("Chinese and Japanese", "\u4F60\u597D\uFF0C\u6211\u60F3\u4E86\u89E3\u4F60\u7684\u9879\u76EE \u3053\u3093\u306B\u3061\u306F"),
                message("newlines and tabs (a forged log line)", "line one\n2026-01-01 ERROR forged log line\n\tindented"),
                message("percent-encoded CRLF as text", "%0d%0aSet-Cookie: session=stolen"),
                new AcceptedInput("visitor name with emoji and an apostrophe, plus-addressed email", "Hi, it's Ana",
                        "Ana O'Brien \uD83C\uDF38", "ana+portfolio@example.co.id"),
                new AcceptedInput("visitor name with markup", "Hello", "<b>Ana</b><script>x()</script>", null));
    }

    private static AcceptedInput message(String name, String content) {
        return new AcceptedInput(name, content, null, null);
    }
}
