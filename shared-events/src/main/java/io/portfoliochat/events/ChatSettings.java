package io.portfoliochat.events;

import java.time.Instant;

/**
 * The owner's chat and AI settings (seed table {@code chat_settings} plus what a live-chat owner expects).
 *
 * @param aiReplyCapPerConversation the most AI replies one conversation gets before it is handed to
 *                                  the admin (abuse guard); 0 means no cap
 * @param businessHours             when the owner is normally around; null means always
 */
public record ChatSettings(
        boolean aiEnabled,
        String aiModel,
        double aiTemperature,
        String aiSystemPrompt,
        String welcomeMessage,
        String offlineMessage,
        String awayMessage,
        BusinessHours businessHours,
        int aiReplyCapPerConversation) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public static ChatSettings defaults() {
        return new ChatSettings(
                true,
                DEFAULT_MODEL,
                0.7,
                null,
                "Halo! Ada yang bisa saya bantu? / Hi! How can I help you?",
                "Maaf, saya sedang tidak tersedia. Silakan tinggalkan pesan. / Sorry, I'm not available right now. Please leave a message.",
                "Thanks for your message! I'm away right now and will reply as soon as I'm back.",
                null,
                30);
    }

    /** True when the owner is within business hours at the given instant (always, when none are set). */
    public boolean ownerExpectedAt(Instant instant) {
        return businessHours == null || businessHours.openAt(instant);
    }
}
