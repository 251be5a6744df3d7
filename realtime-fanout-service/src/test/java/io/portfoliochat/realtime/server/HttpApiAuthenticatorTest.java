package io.portfoliochat.realtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.support.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** HTTP API request signatures, checked against the test vector of Pusher's documentation. */
class HttpApiAuthenticatorTest {

    private static final String KEY = "278d425bdf160c739803";
    private static final String SECRET = "7ad3773142a6692b25b8";
    private static final byte[] BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNED_QUERY = "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
            + "&body_md5=ec365a775a4cd0599faeb73354201b6f"
            + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";

    private final HttpApiAuthenticator atTheVectorsTime = authenticatorAt(1353088179);

    private static HttpApiAuthenticator authenticatorAt(long epochSecond) {
        return new HttpApiAuthenticator(new PusherSignatures(KEY, SECRET), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsPushersDocumentedRequest() {
        assertThat(PusherSignatures.md5Hex(BODY)).isEqualTo("ec365a775a4cd0599faeb73354201b6f");
        assertThatCode(() -> atTheVectorsTime.verify("POST", "/apps/3/events", SIGNED_QUERY, BODY)).doesNotThrowAnyException();
    }

    @Test
    void buildsTheDocumentedStringToSign() {
        assertThat(HttpApiAuthenticator.stringToSign("POST", "/apps/3/events", HttpApiAuthenticator.parse(SIGNED_QUERY)))
                .isEqualTo("POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                        + "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
    }

    @Test
    void parameterKeysAreComparedLowercasedAndSorted() {
        String shuffled = "BODY_MD5=ec365a775a4cd0599faeb73354201b6f&auth_version=1.0"
                + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
                + "&Auth_Key=278d425bdf160c739803&auth_timestamp=1353088179";
        assertThatCode(() -> atTheVectorsTime.verify("POST", "/apps/3/events", shuffled, BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBodyPathMethodOrSignature() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("foo", "bar").getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> atTheVectorsTime.verify("POST", "/apps/3/events", SIGNED_QUERY, tampered), "body_md5");
        assertRefused(() -> atTheVectorsTime.verify("POST", "/apps/4/events", SIGNED_QUERY, BODY), "Invalid signature");
        assertRefused(() -> atTheVectorsTime.verify("GET", "/apps/3/events", SIGNED_QUERY, BODY), "Invalid signature");
        assertRefused(() -> atTheVectorsTime.verify("POST", "/apps/3/events",
                SIGNED_QUERY.replace("da4548", "da4549"), BODY), "Invalid signature");
        assertRefused(() -> atTheVectorsTime.verify("POST", "/apps/3/events",
                SIGNED_QUERY.replace("&body_md5=ec365a775a4cd0599faeb73354201b6f", ""), BODY), "body_md5 is required");
    }

    @Test
    void refusesAnotherKeyAVersionOtherThan10AndRequestsOlderOrNewerThanTenMinutes() {
        assertRefused(() -> atTheVectorsTime.verify("POST", "/apps/3/events", SIGNED_QUERY.replace("278d425bdf160c739803", "other"), BODY),
                "Unknown auth_key");
        assertRefused(() -> atTheVectorsTime.verify("POST", "/apps/3/events", SIGNED_QUERY.replace("auth_version=1.0", "auth_version=2.0"), BODY),
                "auth_version");
        assertRefused(() -> authenticatorAt(1353088179 + 601).verify("POST", "/apps/3/events", SIGNED_QUERY, BODY), "Timestamp expired");
        assertRefused(() -> authenticatorAt(1353088179 - 601).verify("POST", "/apps/3/events", SIGNED_QUERY, BODY), "Timestamp expired");
        assertThatCode(() -> authenticatorAt(1353088179 + 599).verify("POST", "/apps/3/events", SIGNED_QUERY, BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void malformedEncodingIsABadRequestNotAServerError() {
        assertThatThrownBy(() -> atTheVectorsTime.verify("GET", "/apps/3/channels", "auth_key=%zz", new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }

    private static void assertRefused(ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(401);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
