package io.portfoliochat.ai.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

class InOrderAcknowledgmentsTest {

    private final InOrderAcknowledgments acknowledgments = new InOrderAcknowledgments();
    private final List<String> acknowledged = new ArrayList<>();

    @Test
    void aRecordFinishedEarlyWaitsForTheUnansweredOnesBeforeItOnItsPartition() {
        InOrderAcknowledgments.Tracked first = track(0, 10);
        InOrderAcknowledgments.Tracked second = track(0, 11);
        InOrderAcknowledgments.Tracked third = track(0, 12);

        third.done();
        second.done();
        assertThat(acknowledged).isEmpty();

        first.done();
        assertThat(acknowledged).containsExactly("0@12");
        assertThat(acknowledgments.outstanding()).isZero();
    }

    @Test
    void partitionsDoNotWaitForEachOther() {
        InOrderAcknowledgments.Tracked slow = track(0, 5);
        InOrderAcknowledgments.Tracked fast = track(1, 7);

        fast.done();

        assertThat(acknowledged).containsExactly("1@7");
        slow.done();
        assertThat(acknowledged).containsExactly("1@7", "0@5");
    }

    @Test
    void aForgottenRecordIsNeverAcknowledgedButNoLongerHoldsTheEarlierOnesBack() {
        InOrderAcknowledgments.Tracked answered = track(2, 1);
        InOrderAcknowledgments.Tracked stillAnswering = track(2, 2);
        answered.done();
        assertThat(acknowledged).containsExactly("2@1");

        InOrderAcknowledgments.Tracked pendingBefore = track(2, 3);
        InOrderAcknowledgments.Tracked failing = track(2, 4);
        failing.forget();
        assertThat(acknowledged).containsExactly("2@1");
        stillAnswering.done();
        pendingBefore.done();

        assertThat(acknowledged).containsExactly("2@1", "2@2", "2@3");
        assertThat(acknowledgments.outstanding()).isZero();
    }

    private InOrderAcknowledgments.Tracked track(int partition, long offset) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("chat.conversation-events", partition, offset, "key", new byte[0]);
        Acknowledgment acknowledgment = () -> acknowledged.add(partition + "@" + offset);
        return acknowledgments.track(record, acknowledgment);
    }
}
