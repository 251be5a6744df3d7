package io.portfoliochat.realtime.channel;

import java.util.Optional;
import java.util.regex.Pattern;

/** The channels of the system and Pusher's rules for channel names. */
public final class ChannelNames {

    public static final String ADMIN_NOTIFICATIONS = "private-admin-notifications";
    public static final String ADMIN_PRESENCE = "presence-admin-chat";
    public static final String CONVERSATION_PREFIX = "private-conversation-";
    public static final int MAX_LENGTH = 164;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");
    private static final Pattern CONVERSATION = Pattern.compile("private-conversation-([1-9][0-9]{0,17})");

    private ChannelNames() {
    }

    public static String conversation(long conversationId) {
        return CONVERSATION_PREFIX + conversationId;
    }

    /** Empty when the name is valid, else why not. */
    public static Optional<String> problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("channel name is required");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("channel name is longer than " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(name).matches()) {
            return Optional.of("channel name may only contain letters, digits and _ - = @ , . ;");
        }
        return Optional.empty();
    }

    public static boolean isValid(String name) {
        return problemWith(name).isEmpty();
    }

    public static ChannelType typeOf(String name) {
        if (name.startsWith("presence-")) {
            return ChannelType.PRESENCE;
        }
        if (name.startsWith("private-encrypted-")) {
            return ChannelType.PRIVATE_ENCRYPTED;
        }
        if (name.startsWith("private-")) {
            return ChannelType.PRIVATE;
        }
        return ChannelType.PUBLIC;
    }

    /** The conversation id of a {@code private-conversation-{id}} channel. */
    public static Optional<Long> conversationIdOf(String name) {
        var matcher = CONVERSATION.matcher(name == null ? "" : name);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
