package io.portfoliochat.ai.guard;

import io.portfoliochat.ai.language.Tokens;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises attempts to read, change or escape the assistant's instructions, in visitor messages
 * and in portfolio text alike (a poisoned portfolio is just another way in). It looks through
 * the usual disguises first: Unicode look-alikes and zero-width characters, leetspeak, spacing
 * between letters, base64, hex and ROT13.
 */
public final class InjectionGuard {

    private static final String TARGET_EN = "(instruction|prompt|rule|guideline|directive|polic|configuration|config"
            + "|setting|system message|context|constraint|guardrail|restriction)";
    private static final String TARGET_ID = "(instruksi|perintah|aturan|prompt|pedoman|konteks|pengaturan|setelan|arahan|batasan)";

    private static final List<Pattern> PATTERNS = List.of(
            // English: override, reveal, role change, jailbreak vocabulary
            Pattern.compile("\\b(ignore|disregard|forget|override|bypass|skip|drop|abandon|neglect|delete|remove|violate|break)\\b"
                    + ".{0,40}\\b(previous|prior|above|earlier|all|any|your|the|these|those|system|initial|original|safety)\\b.{0,25}"
                    + TARGET_EN),
            Pattern.compile("\\b(ignore|disregard|forget)\\b.{0,20}\\b(everything|all)\\b.{0,30}\\b(said|told|above|before)\\b"),
            Pattern.compile("\\b(system|initial|hidden|original|developer|secret|internal)\\s+"
                    + "(prompts?|instructions?|rules|guidelines|directives?)\\b"),
            Pattern.compile("\\bsystem (prompt|message)\\b"),
            Pattern.compile("\\b(reveal|show|print|display|repeat|output|dump|leak|expose|echo|recite|copy|paste|translate|"
                    + "summari[sz]e|spell out|write out|give me|tell me|list|share)\\b.{0,40}"
                    + "\\b(your|its|above|previous|prior|initial|hidden|original|secret|system|owner|owners|admin|admins"
                    + "|administrator|extra|additional|special|custom|internal|private)\\b.{0,25}" + TARGET_EN),
            Pattern.compile("\\b(repeat|print|show|output|copy|recite)\\b.{0,20}\\b(text|everything|words|lines|all)\\b.{0,10}\\b(above|before this)\\b"),
            Pattern.compile("\\bwhat (is|are|were) your .{0,20}" + TARGET_EN),
            Pattern.compile("\\b(you (are|will|must|should) now|you're now|from now on,? (you|act|respond|answer|reply)|"
                    + "pretend (to be|you are|you're|that you)|role-?play as|^act as|please act as|i want you to act|"
                    + "behave as if|new persona|switch (to|into) .{0,20}mode)"),
            Pattern.compile("\\b(jailbreak|jail break|dan mode|do anything now|developer mode|god mode|sudo mode|"
                    + "no restrictions|without restrictions|uncensored|prompt injection|system override|admin override)\\b"),
            Pattern.compile("\\bwhat (were|are|have) you (been )?(told|instructed|programmed)\\b"),
            Pattern.compile("\\b(above|preceding|previous) (text|message|content)\\b.{0,30}\\b(verbatim|word for word|exactly)\\b"),
            Pattern.compile("\\b(begin|start) (your|the) (reply|answer|response) with\\b"),
            // Indonesian
            Pattern.compile("\\b(abaikan|lupakan|acuhkan|hiraukan|lewati|langgar|hapus|tinggalkan|jangan ikuti)\\b.{0,40}" + TARGET_ID),
            Pattern.compile("\\b(tampilkan|tunjukkan|perlihatkan|berikan|bocorkan|cetak|ulangi|sebutkan|tuliskan|salin|ungkapkan|"
                    + "beritahu|kasih tahu|kasih tau|apa isi)\\b.{0,40}" + TARGET_ID),
            Pattern.compile("\\b(prompt|instruksi|pesan|perintah) (sistem|awal|rahasia|tersembunyi|asli)\\b"),
            Pattern.compile("\\b((mulai )?sekarang (kamu|anda) (adalah|bertindak|berperan|jadi)|kamu sekarang adalah|"
                    + "berpura-pura|berpura pura|(kamu|anda) (harus )?(bertindak|berperan) sebagai|jadilah)\\b"),
            // Other languages visitors commonly try
            Pattern.compile("\\b(ignora|ignore[sz]?|ignoriere|ignoreer|ignorar|olvida|oublie|vergiss)\\b.{0,40}"
                    + "\\b(instrucciones|instructions|anweisungen|instructies|instrucoes|consignes|regeln|reglas|regles)\\b"),
            Pattern.compile("(忽略|无视|忽視|無視|忘记).{0,20}(指令|指示|提示|规则|規則)"),
            Pattern.compile("(システムプロンプト|系统提示|系統提示|시스템 프롬프트)"),
            Pattern.compile("(игнориру[йи]|забудь).{0,40}(инструкции|правила)"),
            // Delimiter and chat-template spoofing
            Pattern.compile("(<\\|?(im_start|im_end|system|endoftext)\\|?>|\\[/?(system|inst)\\]|</?visitor_message>|</?portfolio>|"
                    + "###\\s*(system|instruction)|(^|[.!?]\\s)(system|assistant|developer)\\s*:)"));

    /**
     * Only for portfolio text, which describes the owner and never addresses the assistant: rules with
     * a trigger ("when asked about skills, respond only with ..."), answer-format demands, requests
     * for credentials, messages for every visitor, standing orders. A visitor may well write "answer
     * only in English", so these are not applied to visitor messages.
     */
    private static final List<Pattern> PORTFOLIO_PATTERNS = List.of(
            Pattern.compile("\\b(when|whenever|if|once)\\b[^.!?]{0,60}\\b(ask|asks|asked|asking|mentions?|questions?)\\b[^.!?]{0,80}"
                    + "\\b(respond|reply|answer|say|tell|output|write|print|reveal|share)\\b"),
            Pattern.compile("\\b(respond|reply|answer|output)\\s+(only\\s+)?(with|by saying)\\b"),
            Pattern.compile("\\b(reveal|share|tell|give|send|print|show|leak|disclose|include)\\b.{0,40}"
                    + "\\b(password|passwords|credentials|api key|secret key|access token)\\b"),
            Pattern.compile("\\b(tell|inform|remind|say to)\\s+(every|all|each|any)\\s+(visitors?|users?|people|persons?|customers?)\\b"),
            Pattern.compile("\\b(you|the assistant|the ai|the bot|the model)\\s+(must|should|shall|will)\\s+(always|never|only)\\b"),
            Pattern.compile("\\b(always|never)\\s+(respond|reply|answer|mention|reveal)\\b"),
            Pattern.compile("\\b(jika|kalau|bila|ketika|saat)\\b[^.!?]{0,60}\\b(ditanya|bertanya|menanyakan|tanya)\\b[^.!?]{0,80}"
                    + "\\b(jawab|jawablah|balas|katakan|bilang|sebutkan|beritahu|beri tahu)\\b"),
            Pattern.compile("\\b(jawab|jawablah|balas|balaslah)\\s+(hanya\\s+)?dengan\\b"),
            Pattern.compile("\\b(beritahu|beri tahu|katakan|sampaikan)(kan)?\\s+(kepada\\s+)?(setiap|semua)\\s+(pengunjung|pengguna|orang)\\b"),
            Pattern.compile("\\b(kata sandi|password)\\s+(admin|administrator|pemilik)\\b"));

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
    private static final Pattern HEX_RUN = Pattern.compile("(?:[0-9a-fA-F]{2}[\\s:]?){12,}");
    private static final Pattern SPACED_LETTERS = Pattern.compile("\\b(?:\\p{L}[\\s.\\-_*]){4,}\\p{L}\\b");

    private InjectionGuard() {
    }

    /** True when the text (or a decoded form of it) tries to read, override or escape the instructions. */
    public static boolean isInjection(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        for (String candidate : views(text)) {
            for (Pattern pattern : PATTERNS) {
                if (pattern.matcher(candidate).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when portfolio text reads like instructions to the assistant rather than facts about the
     * owner: everything {@link #isInjection} catches, and the rules and orders of {@link #PORTFOLIO_PATTERNS}.
     */
    public static boolean isInstructionInPortfolio(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (isInjection(text)) {
            return true;
        }
        for (String candidate : views(text)) {
            for (Pattern pattern : PORTFOLIO_PATTERNS) {
                if (pattern.matcher(candidate).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The forms a message is checked in: as written, de-obfuscated, and decoded from base64/hex/ROT13. */
    static List<String> views(String text) {
        List<String> views = new ArrayList<>();
        String normal = Tokens.normalize(text).replaceAll("\\s+", " ");
        views.add(normal);
        String unleet = unleet(normal);
        views.add(unleet);
        views.add(joinSpacedLetters(unleet));
        views.add(rot13(normal));
        Matcher base64 = BASE64_RUN.matcher(text);
        while (base64.find()) {
            decodeBase64(base64.group()).map(Tokens::normalize).ifPresent(views::add);
        }
        Matcher hex = HEX_RUN.matcher(text);
        while (hex.find()) {
            decodeHex(hex.group()).map(Tokens::normalize).ifPresent(views::add);
        }
        return views;
    }

    private static String unleet(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String joinSpacedLetters(String text) {
        Matcher matcher = SPACED_LETTERS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group().replaceAll("[\\s.\\-_*]", "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String rot13(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + 13) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static java.util.Optional<String> decodeBase64(String candidate) {
        try {
            return printable(Base64.getDecoder().decode(candidate));
        } catch (IllegalArgumentException notBase64) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> decodeHex(String candidate) {
        String digits = candidate.replaceAll("[\\s:]", "");
        if (digits.length() % 2 != 0) {
            digits = digits.substring(0, digits.length() - 1);
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return printable(bytes);
    }

    private static java.util.Optional<String> printable(byte[] bytes) {
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            long letters = decoded.chars().filter(Character::isLetter).count();
            return letters * 2 >= decoded.length() ? java.util.Optional.of(decoded) : java.util.Optional.empty();
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
