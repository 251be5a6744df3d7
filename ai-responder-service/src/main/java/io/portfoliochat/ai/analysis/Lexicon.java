package io.portfoliochat.ai.analysis;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The English and Indonesian words and phrases that reveal what a message is about. Phrases are
 * matched on normalised text padded with spaces, so " free time " never matches inside a word.
 */
final class Lexicon {

    private static final Map<Topic, List<Cue>> TOPIC_CUES = new EnumMap<>(Topic.class);

    static {
        cues(Topic.LOCATION, 1.0, "based", "live", "lives", "living", "located", "location", "city", "country", "reside",
                "resides", "domicile", "hometown", "home town", "come from", "comes from", "tinggal", "domisili", "berdomisili",
                "lokasi", "kota", "asal", "berasal", "berbasis", "negara", "alamat kota");
        cues(Topic.LOCATION, 0.5, "where", "di mana", "dimana", "mana", "from");
        cues(Topic.SKILLS, 1.0, "tech", "stack", "technology", "technologies", "skill", "skills", "programming", "language",
                "languages", "framework", "frameworks", "tool", "tools", "tooling", "library", "libraries", "proficient",
                "expertise", "expert", "familiar", "good at", "specialize", "specialise", "specialty", "strength",
                "teknologi", "keahlian", "kemampuan", "skillset", "bahasa pemrograman", "dikuasai", "menguasai", "kuasai",
                "mahir", "paham", "keterampilan", "alat", "kompetensi", "know how to", "knows", "know");
        cues(Topic.SKILLS, 0.6, "use", "uses", "using", "used", "work with", "worked with", "works with", "bisa", "pakai",
                "memakai", "menggunakan", "gunakan", "dipakai", "digunakan");
        cues(Topic.EXPERIENCE, 1.0, "work", "worked", "works", "working", "job", "jobs", "career", "experience",
                "experiences", "experienced", "company", "companies", "employer", "employers", "role", "roles", "position",
                "positions", "employed", "occupation", "profession", "timeline", "work history", "employment", "do at",
                "did at", "doing at", "do for a living", "kerja", "bekerja",
                "pekerjaan", "karier", "karir", "pengalaman", "berpengalaman", "perusahaan", "kantor", "jabatan", "posisi",
                "peran", "profesi", "riwayat", "berkarier", "berkarir");
        cues(Topic.EXPERIENCE, 0.5, "before", "after", "previously", "current", "currently", "now", "sebelum", "setelah",
                "sekarang", "saat ini", "pernah", "sebelumnya");
        cues(Topic.PROJECTS, 1.0, "project", "projects", "built", "build", "builds", "building", "product", "products",
                "app", "apps", "application", "applications", "portfolio piece", "shipped", "created", "developed",
                "made", "work samples", "case study", "case studies", "proyek", "projek", "aplikasi", "dibuat",
                "membuat", "bikin", "dibikin", "dikembangkan", "mengembangkan", "membangun", "dibangun", "karya", "produk");
        cues(Topic.PROJECTS, 0.6, "buat");
        cues(Topic.ACHIEVEMENTS, 1.0, "achievement", "achievements", "achieved", "achieve", "accomplishment",
                "accomplishments", "accomplished", "impact", "results", "proud", "highlight", "highlights", "success",
                "successes", "pencapaian", "prestasi", "capaian", "hasil", "dampak", "berhasil", "membanggakan");
        cues(Topic.HOBBIES, 1.0, "hobby", "hobbies", "interest", "interests", "interested in", "free time", "spare time",
                "for fun", "outside work", "outside of work", "weekend", "weekends", "pastime", "passion", "passions",
                "enjoy", "enjoys", "like to do", "likes to do", "hobi", "minat", "ketertarikan", "waktu luang",
                "kegemaran", "gemar", "senang melakukan", "suka melakukan", "di luar kerja", "di luar pekerjaan", "akhir pekan");
        cues(Topic.VALUES, 1.0, "value", "values", "principle", "principles", "believe", "believes", "belief", "beliefs",
                "philosophy", "care about", "cares about", "approach", "motto", "mindset", "ethic", "ethics", "nilai",
                "nilai-nilai", "prinsip", "filosofi", "percaya", "pegang", "dipegang", "pandangan", "pedoman hidup");
        cues(Topic.EDUCATION, 1.0, "education", "study", "studied", "studies", "degree", "university", "college", "school",
                "graduate", "graduated", "bachelor", "master", "masters", "phd", "diploma", "major", "certification",
                "certifications", "certified", "course", "courses", "bootcamp", "pendidikan", "kuliah", "kampus",
                "universitas", "sekolah", "gelar", "lulusan", "lulus", "sarjana", "jurusan", "sertifikasi", "sertifikat",
                "belajar", "studi");
        cues(Topic.ABOUT, 1.0, "who is", "who's", "about her", "about him", "about them", "about yourself", "background",
                "summary", "introduce", "introduction", "profile", "bio", "tell me about", "siapa", "tentang dia",
                "tentang", "profil", "latar belakang", "perkenalkan", "ceritakan");
        cues(Topic.ABOUT, 0.6, "title", "do for a living", "what does", "gelar profesional");
    }

    static final List<String> GREETINGS = List.of("hi", "hello", "hey", "hiya", "howdy", "yo", "halo", "hallo", "hai",
            "helo", "good morning", "good afternoon", "good evening", "selamat pagi", "selamat siang", "selamat sore",
            "selamat malam", "assalamualaikum", "assalamu alaikum", "salam", "permisi", "greetings", "hola");
    static final List<String> THANKS = List.of("thanks", "thank you", "thx", "ty", "cheers", "appreciate it", "terima kasih",
            "makasih", "trims", "tengkyu", "thank u", "bye", "goodbye", "see you", "sampai jumpa", "dadah", "great thanks",
            "oke makasih", "mantap");
    private static final List<Pattern> BOT = List.of(
            Pattern.compile(" (are|r) (you|u) (a |an )?(bot|robot|ai|human|real|person|chatbot|machine|automated|rina|live)"),
            Pattern.compile(" (is|am) (this|i) (talking|chatting|speaking)? ?(to|with)? ?(a |an )?(bot|robot|ai|human|real person|machine)"),
            Pattern.compile(" am i (talking|chatting|speaking) (to|with) "),
            Pattern.compile(" who (are|r) (you|u) "),
            Pattern.compile(" what (are|r) (you|u) "),
            Pattern.compile(" (kamu|anda|kau|ini) (itu )?(bot|robot|ai|manusia|orang|mesin|asli|siapa) "),
            Pattern.compile(" (apakah|apa) (kamu|anda|ini) (itu )?(bot|robot|ai|manusia|orang asli|mesin|asisten) "),
            Pattern.compile(" (siapa|apa) (kamu|anda|ini) "),
            Pattern.compile(" (saya|aku|gue|gw) (lagi )?(bicara|ngobrol|chat|chatting) (dengan|sama|ama) (siapa|bot|robot|ai|manusia) "));
    private static final List<Pattern> HUMAN = List.of(
            Pattern.compile(" (talk|speak|chat|connect|transfer|escalate|put|hand|pass)( me)?( over)? (to|with|me to|me with) "
                    + "(a |an |the |some )?(real |actual |live )?(human|person|people|someone|somebody|agent|admin|owner|operator|support|staff|representative|her|him|them|OWNER)"),
            Pattern.compile(" (real|actual|live) (human|person|agent|people) "),
            Pattern.compile(" (human|person|agent|admin) please "),
            Pattern.compile(" (can|could|may) i (talk|speak|chat) (to|with) (OWNER|her|him|them|you directly|someone) "),
            Pattern.compile(" (i )?(want|would like|wanna|need|'d like|d like) to (talk|speak|chat) (to|with) "),
            Pattern.compile(" not (a |an |the )?(bot|ai|robot|machine) "),
            Pattern.compile(" (bicara|berbicara|ngobrol|mengobrol|chat|chatting|ngomong|bincang|berbincang|hubungkan|sambungkan|"
                    + "terhubung|disambungkan|dihubungkan|oper|alihkan)( saya| aku)? (dengan|sama|ama|ke|kepada) "
                    + "(admin|orang|manusia|pemilik|owner|petugas|cs|OWNER|dia|beliau|yang punya|orangnya)"),
            Pattern.compile(" (mau|ingin|pengen|pingin|bisa|boleh|minta) (bicara|ngobrol|berbicara|chat|ngomong) (langsung|dengan|sama|ama|ke) "),
            Pattern.compile(" (minta|panggil|panggilkan|mana) (admin|orangnya|manusia|pemiliknya|OWNER) "),
            Pattern.compile(" (orang|manusia) (asli|beneran|sungguhan) "),
            Pattern.compile(" (OWNER) langsung "),
            Pattern.compile(" bukan (bot|robot|ai|mesin) "));
    private static final List<Pattern> CONTACT = List.of(
            Pattern.compile(" (contact|reach|email|e-mail|mail|dm|call her|call him|phone|hire|hiring|recruit|get in touch|"
                    + "collaborate|collaboration|work with (her|him|them|you)|linkedin|whatsapp|wa|telegram|cv|resume|available for|"
                    + "availability|freelance|contract work|open to work|job offer|offer (her|him) a job) "),
            Pattern.compile(" (hubungi|menghubungi|kontak|dihubungi|email|surel|telepon|telpon|nomor|wa|whatsapp|rekrut|merekrut|"
                    + "mempekerjakan|kerja sama|kerjasama|bekerja sama|berkolaborasi|kolaborasi|tawaran kerja|lowongan|"
                    + "menawarkan pekerjaan|freelance|cv|resume) "));
    private static final List<Pattern> OFF_TOPIC = List.of(
            Pattern.compile(" (write|compose|generate|create|draft|make|give) (me |us )?(a |an |some |the )?(poem|poetry|story|essay|"
                    + "song|lyrics|joke|haiku|limerick|letter|cover letter|email|speech|script|code|program|function|class|"
                    + "sql query|regex|algorithm|homework|assignment|recipe|article|blog|tweet|summary of the news)"),
            Pattern.compile(" (solve|calculate|compute|translate|debug|fix|refactor|explain|summari[sz]e|convert) "
                    + "(this|my|the following|these|it for me|an?|the) ?(equation|math|problem|homework|assignment|code|bug|"
                    + "function|error|text|sentence|paragraph|document|integral|exercise)"),
            Pattern.compile(" (tell|give) me a (joke|story|fun fact|riddle) "),
            Pattern.compile(" (what is|what's|whats) (the )?(weather|time|date|capital|meaning of life|square root|\\d+ ?[-+*/x] ?\\d+)"),
            Pattern.compile(" \\d+ ?[-+*/x^] ?\\d+ "),
            Pattern.compile(" (my homework|my assignment|my essay|my code|help me with my|help me write|help me code|"
                    + "help me solve|help me fix|can you code|can you program|write code|write a program|write a function|"
                    + "write me|who won|latest news|stock price|bitcoin|crypto price|recipe for|how do i cook|how to cook)"),
            Pattern.compile(" (buatkan|buatin|tuliskan|tulisin|kerjakan|kerjain|hitungkan|hitung|terjemahkan|translate|jelaskan|"
                    + "ringkas|rangkum) (saya |aku |gue )?(sebuah |satu |dong )?(puisi|cerita|cerpen|esai|essay|lagu|pantun|"
                    + "lelucon|surat|kode|code|program|fungsi|script|skrip|pr|tugas|soal|resep|artikel|makalah|skripsi|"
                    + "matematika|kalimat|teks)"),
            Pattern.compile(" (pr saya|pr aku|tugas saya|tugas sekolah|tugas kuliah|tugasku|prku|cuaca|ramalan cuaca|resep masakan|"
                    + "harga saham|harga bitcoin|berita terbaru|ibu kota|ibukota) "));

    static final Set<String> OWNER_PRONOUNS = words("she", "he", "her", "his", "him", "hers", "they", "their", "them",
            "dia", "ia", "beliau", "doi");

    /** Subjects a portfolio does not answer and the assistant must not guess at. */
    static final Set<String> SENSITIVE = words("salary", "salaries", "pay", "paid", "wage", "wages", "income", "earn",
            "earns", "earning", "earnings", "rate", "rates", "fee", "fees", "price", "pricing", "cost", "costs",
            "compensation", "expectation", "expectations", "money", "age", "how old", "birthday", "born",
            "married", "marriage", "wife", "husband", "spouse", "girlfriend", "boyfriend", "dating",
            "children", "kids", "family", "religion", "religious", "muslim", "christian", "politics", "political",
            "vote", "health", "sick", "disease", "address", "home address", "ethnicity", "weight", "height",
            "gaji", "penghasilan", "pendapatan", "bayaran", "tarif", "biaya", "harga", "honor", "upah", "umur", "usia",
            "lahir", "ulang tahun", "menikah", "nikah", "istri", "suami", "pacar", "anak", "keluarga", "agama",
            "politik", "sakit", "penyakit", "alamat rumah", "suku", "berat badan", "tinggi badan", "ekspektasi");

    /** Well-known technologies: an unknown one is a real topic the portfolio is silent on. */
    static final Set<String> TECHNOLOGIES = words("java", "kotlin", "scala", "groovy", "rust", "c", "c++", "c#", ".net",
            "dotnet", "go", "golang", "python", "ruby", "rails", "php", "laravel", "symfony", "perl", "haskell", "elixir",
            "erlang", "clojure", "swift", "objective-c", "dart", "flutter", "react", "vue", "angular", "svelte",
            "next.js", "nuxt", "django", "flask", "fastapi", "spring", "express", "nestjs", "node", "node.js", "deno",
            "bun", "typescript", "javascript", "html", "css", "sass", "tailwind", "bootstrap", "jquery", "graphql",
            "grpc", "kafka", "rabbitmq", "spark", "hadoop", "flink", "airflow", "dbt", "snowflake", "databricks",
            "bigquery", "redshift", "postgresql", "postgres", "mysql", "mariadb", "mongodb", "redis", "cassandra",
            "elasticsearch", "dynamodb", "sqlite", "oracle", "aws", "gcp", "azure", "docker", "kubernetes", "k8s",
            "terraform", "ansible", "jenkins", "linux", "unity", "unreal", "blender", "figma", "sketch", "photoshop",
            "illustrator", "tensorflow", "pytorch", "keras", "pandas", "numpy", "matlab", "r", "julia", "solidity",
            "blockchain", "android", "ios", "xamarin", "electron", "webassembly", "wasm", "cobol", "fortran", "assembly",
            "lua", "zig", "nim", "ocaml", "f#", "power bi", "tableau", "excel", "sap", "salesforce", "wordpress",
            "shopify", "webflow", "framer", "maze", "jira", "notion", "llm", "openai", "langchain", "selenium", "cypress",
            "jest", "junit", "playwright", "nginx", "apache", "vercel", "netlify", "heroku", "firebase", "supabase");

    /** Words that carry no topic of their own in a question. */
    static final Set<String> FILLER = words("kind", "kinds", "type", "types", "sort", "thing", "things", "stuff", "lot",
            "lots", "well", "good", "great", "nice", "cool", "best", "really", "actually", "maybe", "something",
            "anything", "everything", "way", "ways", "make", "made", "do", "does", "doing", "done", "did", "tell",
            "say", "said", "think", "much", "many", "few", "some", "also", "still", "ever", "never", "yet", "already",
            "recently", "right", "ok", "okay", "yeah", "yes", "no", "please", "pls", "plz", "hello", "hi", "thanks",
            "like", "likes", "want", "wants", "need", "needs", "get", "got", "give", "show", "share", "explain",
            "describe", "list", "mention", "name", "names", "detail", "details", "more", "info", "information",
            "question", "questions", "ask", "answer", "help", "other", "others", "different", "main", "mainly",
            "specific", "particular", "exactly", "currently", "now", "today", "time", "times", "year", "years",
            "month", "months", "long", "often", "usually", "who", "whom", "whose", "which", "what", "where", "when",
            "why", "how", "does", "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being",
            "can", "could", "would", "should", "will", "shall", "might", "must", "may", "any", "all", "every", "each",
            "both", "either", "neither", "one", "ones", "someone", "anyone", "people", "person", "me", "my", "mine",
            "you", "your", "yours", "we", "our", "us", "i", "im", "i'm", "it", "its", "this", "that", "these", "those",
            "there", "here", "then", "than", "so", "very", "too", "just", "only", "even", "about", "around", "at",
            "to", "of", "in", "on", "for", "with", "by", "from", "into", "as", "and", "or", "but", "if", "the", "a",
            "an", "not", "dont", "don't", "doesn't", "doesnt", "isn't", "hmm", "um", "uh", "wow", "oh", "ah", "eh",
            "lol", "haha", "apa", "saja", "aja", "yang", "bisa", "dong", "ya", "yah", "kok", "deh", "nih", "tuh", "gitu",
            "begitu", "gimana", "seperti", "macam", "jenis", "hal", "banget", "sekali", "biasanya", "tahu", "tau",
            "kasih", "tolong", "mohon", "coba", "ceritain", "jelaskan", "sebutkan", "info", "informasi", "lebih",
            "lengkap", "detail", "sih", "kah", "pun", "lah", "nya", "punya", "mempunyai", "memiliki", "miliki",
            "ada", "adakah", "tahun", "bulan", "lama", "berapa", "banyak", "sering", "selama", "hari", "hai", "halo");

    private Lexicon() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    private static void cues(Topic topic, double weight, String... phrases) {
        List<Cue> list = TOPIC_CUES.computeIfAbsent(topic, ignored -> new java.util.ArrayList<>());
        for (String phrase : phrases) {
            list.add(new Cue(" " + phrase + " ", weight));
        }
    }

    /** How strongly each topic is asked about (sum of matched cue weights). */
    static Map<Topic, Double> topics(String padded) {
        Map<Topic, Double> scores = new EnumMap<>(Topic.class);
        TOPIC_CUES.forEach((topic, cues) -> {
            for (Cue cue : cues) {
                if (padded.contains(cue.phrase())) {
                    scores.merge(topic, cue.weight(), Double::sum);
                }
            }
        });
        return scores;
    }

    /** Every single word that is part of a topic cue: such words are not the focus of a question. */
    static Set<String> cueWords() {
        Set<String> words = new HashSet<>();
        TOPIC_CUES.values().forEach(cues -> cues.forEach(cue -> {
            for (String word : cue.phrase().trim().split(" ")) {
                words.add(word);
            }
        }));
        return words;
    }

    static boolean containsAny(String padded, List<String> phrases) {
        return phrases.stream().anyMatch(phrase -> padded.contains(" " + phrase + " "));
    }

    static boolean asksIfBot(String padded) {
        return matchesAny(padded, BOT, null);
    }

    static boolean asksForHuman(String padded, String ownerFirstName) {
        return matchesAny(padded, HUMAN, ownerFirstName);
    }

    static boolean asksForContact(String padded) {
        return matchesAny(padded, CONTACT, null);
    }

    static boolean asksForOffTopicTask(String padded) {
        return matchesAny(padded, OFF_TOPIC, null);
    }

    private static boolean matchesAny(String padded, List<Pattern> patterns, String ownerFirstName) {
        for (Pattern pattern : patterns) {
            String regex = pattern.pattern();
            if (regex.contains("OWNER")) {
                if (ownerFirstName == null || ownerFirstName.isBlank()) {
                    regex = regex.replace("|OWNER", "").replace("(OWNER)", "(\\b\\B)");
                } else {
                    regex = regex.replace("OWNER", Pattern.quote(ownerFirstName));
                }
                if (Pattern.compile(regex).matcher(padded).find()) {
                    return true;
                }
            } else if (pattern.matcher(padded).find()) {
                return true;
            }
        }
        return false;
    }

    private record Cue(String phrase, double weight) {
    }
}
