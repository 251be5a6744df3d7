package io.portfoliochat.support.kafka;

import java.util.List;
import java.util.Objects;

/**
 * Failures of the infrastructure (the database restarting, a connection dropped) rather than of the
 * record: worth waiting out, never a reason to dead-letter a good event.
 */
final class TransientFailures {

    private static final List<Class<?>> TRANSIENT = List.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "java.net.ConnectException").stream()
            .map(TransientFailures::load).filter(Objects::nonNull).toList();

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type : TRANSIENT) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TransientFailures.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
    }
}
