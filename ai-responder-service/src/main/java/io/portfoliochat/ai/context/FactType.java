package io.portfoliochat.ai.context;

/** What part of the portfolio a fact comes from; answers are phrased per type. */
public enum FactType {
    NAME, TITLE, LOCATION, NARRATIVE, VALUE, INTERESTS, TECH, CAREER, PROJECT, KEY_PROJECT, ACHIEVEMENT
}
