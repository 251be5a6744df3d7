package io.portfoliochat.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.EventDecodingException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientFailuresTest {

    @Test
    void anUnreachableDatabaseIsWorthWaitingOut() {
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("down"))).isTrue();
        assertThat(TransientFailures.isTransient(
                new ListenerExecutionFailedException("listener failed", new IllegalStateException("wrapped",
                        new SQLTransientConnectionException("pool timeout"))))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aBadRecordIsNot() {
        assertThat(TransientFailures.isTransient(new EventDecodingException("not an envelope"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad value"))).isFalse();
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
                new NullPointerException()))).isFalse();
    }
}
