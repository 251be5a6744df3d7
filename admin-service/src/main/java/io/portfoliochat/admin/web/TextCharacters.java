package io.portfoliochat.admin.web;

/**
 * What stored text may not contain: control characters other than newline, carriage return and
 * tab (NUL, escape sequences, bells...), and halves of broken surrogate pairs. The same rule as a
 * visitor's message in chat-service; these texts reach every visitor and the assistant's context.
 */
final class TextCharacters {

    private TextCharacters() {
    }

    static boolean invalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
