package io.portfoliochat.ai.llm;

import java.util.List;
import java.util.stream.Collectors;

/** Bodies of the OpenAI chat completions API as a streaming server sends them (server-sent events). */
final class OpenAiStub {

    static final String MODEL = "gpt-4o-mini-2024-07-18";

    private OpenAiStub() {
    }

    static String stream(List<String> deltas, int promptTokens, int completionTokens) {
        StringBuilder body = new StringBuilder();
        body.append(event("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String delta : deltas) {
            body.append(event("{\"content\":" + json(delta) + "}", null));
        }
        body.append(event("{}", "\"stop\""));
        body.append("data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"")
                .append(MODEL).append("\",\"choices\":[],\"usage\":{\"prompt_tokens\":").append(promptTokens)
                .append(",\"completion_tokens\":").append(completionTokens).append(",\"total_tokens\":")
                .append(promptTokens + completionTokens).append("}}\n\n");
        body.append("data: [DONE]\n\n");
        return body.toString();
    }

    private static String event(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    static String json(String text) {
        return "\"" + text.chars().mapToObj(c -> switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            default -> String.valueOf((char) c);
        }).collect(Collectors.joining()) + "\"";
    }
}
