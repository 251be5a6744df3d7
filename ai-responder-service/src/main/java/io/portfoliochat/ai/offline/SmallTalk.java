package io.portfoliochat.ai.offline;

import static io.portfoliochat.ai.offline.Phrasing.pick;

import io.portfoliochat.ai.analysis.Act;
import io.portfoliochat.ai.language.Language;

/**
 * Replies that need no portfolio lookup: greetings, thanks, the honest "I'm an AI assistant",
 * the way to the contact page, and polite refusals that reveal nothing about the instructions.
 */
public final class SmallTalk {

    private SmallTalk() {
    }

    public static String reply(Act act, Language lang, String owner) {
        return switch (act) {
            case GREETING -> pick(lang,
                    "Hi! I'm " + owner + "'s AI assistant. Ask me anything about " + owner + "'s skills, experience or projects.",
                    "Halo! Saya asisten AI " + owner + ". Silakan tanya apa saja tentang keahlian, pengalaman, atau proyek " + owner + ".");
            case THANKS -> pick(lang,
                    "You're welcome! Let me know if there's anything else you'd like to know about " + owner + ".",
                    "Sama-sama! Kabari saya jika ada hal lain yang ingin Anda ketahui tentang " + owner + ".");
            case BOT_QUESTION -> pick(lang,
                    "I'm an AI assistant, not " + owner + " — I answer from " + owner + "'s portfolio. If you'd like to talk to "
                            + owner + " directly, just say so and I'll pass the conversation on.",
                    "Saya asisten AI, bukan " + owner + " — saya menjawab berdasarkan portofolio " + owner + ". Jika Anda ingin "
                            + "bicara langsung dengan " + owner + ", katakan saja dan saya akan meneruskan percakapan ini.");
            case CONTACT -> pick(lang,
                    "The best way to reach " + owner + " is the contact page of this site. You can also leave a message here and "
                            + owner + " will see it.",
                    "Cara terbaik menghubungi " + owner + " adalah lewat halaman kontak di situs ini. Anda juga bisa meninggalkan "
                            + "pesan di sini dan " + owner + " akan melihatnya.");
            case INJECTION -> pick(lang,
                    "I can't share or change how I work, but I'm happy to answer questions about " + owner
                            + "'s experience, skills and projects.",
                    "Maaf, saya tidak bisa membagikan atau mengubah cara saya bekerja, tetapi saya senang menjawab pertanyaan "
                            + "tentang pengalaman, keahlian, dan proyek " + owner + ".");
            case OFF_TOPIC -> pick(lang,
                    "Sorry, I can only help with questions about " + owner + "'s work, such as " + owner
                            + "'s skills, experience or projects. What would you like to know?",
                    "Maaf, saya hanya bisa membantu menjawab pertanyaan seputar " + owner + ", misalnya keahlian, pengalaman "
                            + "kerja, atau proyeknya. Ada yang ingin Anda ketahui?");
            case UNCLEAR, QUESTION, HUMAN_REQUEST -> pick(lang,
                    "Could you tell me what you'd like to know? I can tell you about " + owner
                            + "'s skills, experience, projects or interests.",
                    "Boleh dijelaskan apa yang ingin Anda ketahui? Saya bisa bercerita tentang keahlian, pengalaman, proyek, "
                            + "atau minat " + owner + ".");
        };
    }
}
