package io.portfoliochat.ai.analysis;

/** What part of the owner's portfolio a question is about. */
public enum Topic {
    ABOUT, LOCATION, SKILLS, EXPERIENCE, PROJECTS, ACHIEVEMENTS, HOBBIES, VALUES, EDUCATION
}
