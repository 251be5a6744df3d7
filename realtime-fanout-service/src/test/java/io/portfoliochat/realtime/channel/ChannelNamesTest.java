package io.portfoliochat.realtime.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelNamesTest {

    @Test
    void acceptsPushersCharacterSetUpTo164Characters() {
        assertThat(ChannelNames.isValid("private-conversation-42")).isTrue();
        assertThat(ChannelNames.isValid("a_b-c=d@e,f.g;h")).isTrue();
        assertThat(ChannelNames.isValid("x".repeat(164))).isTrue();
        assertThat(ChannelNames.problemWith("x".repeat(165))).hasValueSatisfying(problem -> assertThat(problem).contains("164"));
        assertThat(ChannelNames.isValid("#server-to-user-1")).isFalse();
        assertThat(ChannelNames.isValid("with space")).isFalse();
        assertThat(ChannelNames.isValid("")).isFalse();
        assertThat(ChannelNames.isValid(null)).isFalse();
    }

    @Test
    void tellsChannelTypesApartByPrefix() {
        assertThat(ChannelNames.typeOf("presence-admin-chat")).isEqualTo(ChannelType.PRESENCE);
        assertThat(ChannelNames.typeOf("private-encrypted-x")).isEqualTo(ChannelType.PRIVATE_ENCRYPTED);
        assertThat(ChannelNames.typeOf("private-admin-notifications")).isEqualTo(ChannelType.PRIVATE);
        assertThat(ChannelNames.typeOf("news")).isEqualTo(ChannelType.PUBLIC);
    }

    @Test
    void readsTheConversationIdOfConversationChannelsOnly() {
        assertThat(ChannelNames.conversationIdOf("private-conversation-42")).contains(42L);
        assertThat(ChannelNames.conversationIdOf("private-conversation-042")).isEmpty();
        assertThat(ChannelNames.conversationIdOf("private-conversation-42-extra")).isEmpty();
        assertThat(ChannelNames.conversationIdOf("private-conversation-")).isEmpty();
        assertThat(ChannelNames.conversationIdOf("private-admin-notifications")).isEmpty();
        assertThat(ChannelNames.conversationIdOf(null)).isEmpty();
    }
}
