package io.portfoliochat.ai.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void asciiTextIsNormalisedExactlyAsTheFullUnicodePathWouldDoIt() {
        StringBuilder everyAsciiCharacter = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            everyAsciiCharacter.append(c);
        }
        String text = everyAsciiCharacter + " What does Budi use? Node.JS, C#, C++ and Spring-Boot 3.2";
        String fullPath = Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC), Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT);

        assertThat(Tokens.normalize(text)).isEqualTo(fullPath);
    }

    @Test
    void nonAsciiTextLosesAccentsZeroWidthCharactersAndCompatibilityForms() {
        assertThat(Tokens.normalize("Caf\u00E9 \uFB01le Jaka\u200Brta \uFF2A\uFF41\uFF56\uFF41")).isEqualTo("cafe file jakarta java");
    }

    @Test
    void tokensFoldPluralsAndSplitDottedTechNames() {
        assertThat(Tokens.of("Which technologies? Node.js")).containsExactly("which", "technology", "node.j", "node", "js");
    }
}
