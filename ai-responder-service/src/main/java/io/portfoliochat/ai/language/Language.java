package io.portfoliochat.ai.language;

/** The languages the assistant answers in (seed 9.1: the visitor's language, Indonesian or English). */
public enum Language {
    EN, ID;

    public String code() {
        return this == EN ? "en" : "id";
    }
}
