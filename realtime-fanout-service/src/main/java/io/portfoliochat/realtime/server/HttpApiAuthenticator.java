package io.portfoliochat.realtime.server;

import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.support.web.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Verifies Pusher HTTP API request signatures: {@code auth_key}, {@code auth_timestamp} within ten minutes,
 * {@code auth_version=1.0}, {@code body_md5} of the raw body, and {@code auth_signature} = HMAC-SHA256 of
 * {@code METHOD\nPATH\nQUERY} (all other parameters, keys lowercased and sorted, {@code k=v} joined by {@code &}).
 */
final class HttpApiAuthenticator {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(600);

    private final PusherSignatures signatures;
    private final Clock clock;

    HttpApiAuthenticator(PusherSignatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    /** @throws ApiException 401 saying what was wrong */
    void verify(String method, String path, String rawQuery, byte[] body) {
        Map<String, String> parameters = parse(rawQuery);
        if (!signatures.key().equals(parameters.get("auth_key"))) {
            throw ApiException.unauthorized("Unknown auth_key");
        }
        if (!"1.0".equals(parameters.get("auth_version"))) {
            throw ApiException.unauthorized("auth_version must be 1.0");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(parameters.getOrDefault("auth_timestamp", ""));
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("auth_timestamp must be the request time in seconds since the epoch");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW.toSeconds()) {
            throw ApiException.unauthorized("Timestamp expired: " + timestamp + " is more than " + MAX_CLOCK_SKEW.toSeconds()
                    + " s from the server time " + now);
        }
        String bodyMd5 = parameters.get("body_md5");
        if (body.length > 0 || bodyMd5 != null) {
            if (bodyMd5 == null) {
                throw ApiException.unauthorized("body_md5 is required with a request body");
            }
            if (!PusherSignatures.matches(PusherSignatures.md5Hex(body), bodyMd5.toLowerCase(Locale.ROOT))) {
                throw ApiException.unauthorized("body_md5 does not match the request body");
            }
        }
        String signed = stringToSign(method, path, parameters);
        String decodedPath = decode(path);
        String given = parameters.get("auth_signature");
        if (!PusherSignatures.matches(signatures.sign(signed), given)
                && !PusherSignatures.matches(signatures.sign(stringToSign(method, decodedPath, parameters)), given)) {
            throw ApiException.unauthorized("Invalid signature: expected HMAC-SHA256 hex of \""
                    + signed.replace("\n", "\\n") + "\" with the app secret");
        }
    }

    static String stringToSign(String method, String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals("auth_signature"))
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + query;
    }

    /** Query parameters URL-decoded, keys lowercased and sorted; the first value of a repeated key wins. */
    static Map<String, String> parse(String rawQuery) {
        Map<String, String> parameters = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed URL encoding in the request");
        }
    }
}
