package io.portfoliochat.realtime.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature test vectors of Pusher's documentation (PUSHER-PROTOCOL.md). */
class PusherSignaturesTest {

    private final PusherSignatures signatures = new PusherSignatures("278d425bdf160c739803", "7ad3773142a6692b25b8");

    @Test
    void privateChannelAuthMatchesTheDocumentedVector() {
        assertThat(signatures.channelAuth("1234.1234", "private-foobar"))
                .isEqualTo("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
    }

    @Test
    void presenceChannelAuthSignsTheExactChannelDataString() {
        assertThat(signatures.presenceAuth("1234.1234", "presence-foobar", "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Pusher\"}}"))
                .isEqualTo("278d425bdf160c739803:afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c");
    }

    @Test
    void userSigninAuthMatchesTheDocumentedVector() {
        assertThat(signatures.userAuth("1234.1234", "{\"id\":\"12345\"}"))
                .isEqualTo("278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
    }

    @Test
    void httpApiSignatureMatchesTheDocumentedVector() {
        assertThat(signatures.sign("POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                + "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f"))
                .isEqualTo("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
    }

    @Test
    void signaturesDependOnSocketChannelAndSecret() {
        String auth = signatures.channelAuth("1234.1234", "private-foobar");
        assertThat(signatures.channelAuth("1234.1235", "private-foobar")).isNotEqualTo(auth);
        assertThat(signatures.channelAuth("1234.1234", "private-foobaz")).isNotEqualTo(auth);
        assertThat(new PusherSignatures("278d425bdf160c739803", "another-secret").channelAuth("1234.1234", "private-foobar"))
                .isNotEqualTo(auth);
        assertThat(PusherSignatures.matches(auth, auth)).isTrue();
        assertThat(PusherSignatures.matches(auth, auth.substring(0, auth.length() - 1) + "0")).isFalse();
        assertThat(PusherSignatures.matches(auth, null)).isFalse();
    }

    @Test
    void socketIdsLookLikeTwoNumbersJoinedByADot() {
        assertThat(PusherSignatures.isValidSocketId("1234.5678")).isTrue();
        assertThat(PusherSignatures.isValidSocketId("1234")).isFalse();
        assertThat(PusherSignatures.isValidSocketId("a.b")).isFalse();
        assertThat(PusherSignatures.isValidSocketId("1.2\n")).isFalse();
        assertThat(PusherSignatures.isValidSocketId(null)).isFalse();
    }
}
