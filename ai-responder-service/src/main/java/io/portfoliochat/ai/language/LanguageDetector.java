package io.portfoliochat.ai.language;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells Indonesian from English by their function words, which every sentence is full of and
 * which the two languages barely share. Undecided (a name, "ok", "Go?") stays empty so the caller
 * can fall back on the conversation's earlier messages.
 */
public final class LanguageDetector {

    static final Set<String> ENGLISH = Set.copyOf(List.of(
            "the", "a", "an", "is", "are", "was", "were", "be", "been", "am", "what", "where", "who", "whom", "which",
            "how", "why", "when", "does", "do", "did", "has", "have", "had", "her", "his", "she", "he", "him", "you",
            "your", "of", "in", "on", "at", "for", "with", "to", "and", "or", "about", "can", "could", "would",
            "should", "will", "tell", "me", "i", "my", "any", "there", "this", "that", "it", "its", "from", "please",
            "know", "not", "no", "yes", "thanks", "thank", "hello", "hi", "hey", "they", "them", "their", "we", "our",
            "us", "if", "but", "so", "than", "then", "just", "like", "some", "into", "by", "as", "here", "i'm", "im",
            "don't", "dont", "isn't", "won't", "want", "talk", "speak", "work", "worked", "currently", "now", "also",
            "more", "much", "many", "very", "other", "anyone", "someone", "person", "real", "these", "those", "whose",
            "doing", "does", "being", "get", "got", "out", "up", "all", "only", "over", "before", "after", "since"));

    static final Set<String> INDONESIAN = Set.copyOf(List.of(
            "apa", "apakah", "siapa", "dimana", "di", "mana", "yang", "dan", "atau", "ini", "itu", "dengan", "untuk",
            "dari", "ke", "pada", "saja", "sudah", "pernah", "bisa", "ada", "tidak", "bukan", "kamu", "anda", "saya",
            "aku", "dia", "ia", "punya", "mau", "ingin", "bagaimana", "gimana", "kapan", "berapa", "kenapa", "mengapa",
            "sebelum", "sesudah", "setelah", "sekarang", "juga", "tentang", "tolong", "dong", "sih", "kah", "gak",
            "nggak", "ga", "enggak", "udah", "sama", "kerja", "bekerja", "adalah", "akan", "sedang", "lagi", "masih",
            "belum", "boleh", "harus", "oleh", "karena", "jadi", "tapi", "tetapi", "namun", "jika", "kalau", "kalo",
            "seperti", "saat", "waktu", "tahun", "bahwa", "agar", "supaya", "para", "sebagai", "secara", "terima",
            "kasih", "makasih", "halo", "hai", "selamat", "pagi", "siang", "sore", "malam", "langsung", "orang",
            "bicara", "ngobrol", "mas", "mbak", "kak", "pak", "bu", "nya", "lah", "pun", "kami", "kita", "mereka",
            "beliau", "antara", "lain", "saja", "banyak", "sedikit", "semua", "tiap", "setiap", "dalam", "luar",
            "atas", "bawah", "apa-apa", "maaf", "silakan", "mohon", "hanya", "sangat", "lebih", "paling", "pula"));

    private LanguageDetector() {
    }

    /** A function word of either language ("the", "yang"...): never the topic of a question. */
    public static boolean isFunctionWord(String lowerCaseWord) {
        return ENGLISH.contains(lowerCaseWord) || INDONESIAN.contains(lowerCaseWord);
    }

    public static Optional<Language> detect(String text) {
        int english = 0;
        int indonesian = 0;
        for (String word : Tokens.words(text)) {
            if (ENGLISH.contains(word)) {
                english++;
            }
            if (INDONESIAN.contains(word)) {
                indonesian++;
            }
            if (word.length() > 5 && word.endsWith("nya")) {
                indonesian++;
            }
        }
        if (english == indonesian) {
            return Optional.empty();
        }
        return Optional.of(indonesian > english ? Language.ID : Language.EN);
    }

    /** The language of the newest text that has one; {@code fallback} when none does. */
    public static Language detectLatest(List<String> newestFirst, Language fallback) {
        for (String text : newestFirst) {
            Optional<Language> language = detect(text);
            if (language.isPresent()) {
                return language.get();
            }
        }
        return fallback;
    }
}
