package io.portfoliochat.realtime.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pusher's signatures: lowercase hex HMAC-SHA256 with the app secret. Channel authorizations are
 * {@code key:signature} over {@code socket_id:channel} (private) or {@code socket_id:channel:channel_data}
 * (presence); user sign-in over {@code socket_id::user::user_data}; HTTP API calls over
 * {@code METHOD\nPATH\nQUERY}.
 */
public final class PusherSignatures {

    private static final Pattern SOCKET_ID = Pattern.compile("\\d{1,20}\\.\\d{1,20}");
    private static final HexFormat HEX = HexFormat.of();

    private final String key;
    private final SecretKeySpec secret;

    public PusherSignatures(String key, String secret) {
        this.key = key;
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static boolean isValidSocketId(String socketId) {
        return socketId != null && SOCKET_ID.matcher(socketId).matches();
    }

    public String key() {
        return key;
    }

    /** {@code key:signature} authorizing a socket on a private (or encrypted) channel. */
    public String channelAuth(String socketId, String channel) {
        return key + ":" + sign(socketId + ":" + channel);
    }

    /** {@code key:signature} authorizing a socket on a presence channel with exactly this channel_data string. */
    public String presenceAuth(String socketId, String channel, String channelData) {
        return key + ":" + sign(socketId + ":" + channel + ":" + channelData);
    }

    /** {@code key:signature} for {@code pusher:signin}. */
    public String userAuth(String socketId, String userData) {
        return key + ":" + sign(socketId + "::user::" + userData);
    }

    /** Lowercase hex HMAC-SHA256 of the text. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time, so response timing does not leak how much of a signature was right. */
    public static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
