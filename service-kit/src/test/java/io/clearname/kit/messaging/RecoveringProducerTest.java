package io.clearname.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RecoveringProducerTest {

    private final List<MockProducer<String, String>> created = new ArrayList<>();
    private final RecoveringProducer<String, String> producer = new RecoveringProducer<>("test", () -> {
        var mock = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
        created.add(mock);
        return mock;
    });

    @Test
    void createsTheProducerAtFirstUseAndKeepsIt() {
        assertThat(created).isEmpty();
        var first = producer.get();
        assertThat(producer.get()).isSameAs(first);
        assertThat(created).hasSize(1);
    }

    @Test
    void aFatalErrorOfASendClosesTheProducerAndTheNextUseGetsANewOne() throws Exception {
        var first = producer.get();
        Future<RecordMetadata> ack = first.send(new ProducerRecord<>("clear-requested", "acc-1", "{}"));
        created.get(0).errorNext(new OutOfOrderSequenceException("sequence"));
        ExecutionException failure = failureOf(ack);

        assertThat(producer.failed(first, new IllegalStateException("broker refused", failure.getCause())))
                .isTrue();

        assertThat(created.get(0).closed()).isTrue();
        var second = producer.get();
        assertThat(second).isNotSameAs(first);
        assertThat(created).hasSize(2);
        assertThat(producer.discarded()).isEqualTo(1);
    }

    @Test
    void aProducerInItsErrorStateIsReplaced() {
        var first = producer.get();
        // What an idempotent producer throws on every send after a fatal error.
        var refused = new KafkaException(
                "Cannot perform send because at least one previous transactional or idempotent request has failed"
                        + " with errors.",
                new ProducerFencedException("fenced"));

        assertThat(producer.failed(first, refused)).isTrue();
        assertThat(producer.get()).isNotSameAs(first);
    }

    @Test
    void retriableErrorsKeepTheProducer() throws Exception {
        var first = producer.get();
        Future<RecordMetadata> ack = first.send(new ProducerRecord<>("clear-requested", "acc-1", "{}"));
        created.get(0).errorNext(new NotEnoughReplicasException("replicas"));

        assertThat(producer.failed(first, failureOf(ack))).isFalse();
        assertThat(producer.failed(first, new TimeoutException("delivery timeout")))
                .isFalse();

        assertThat(producer.get()).isSameAs(first);
        assertThat(created.get(0).closed()).isFalse();
        assertThat(producer.discarded()).isZero();
    }

    @Test
    void errorsAboutOneRecordAndErrorsThatAreNotKafkasKeepTheProducer() {
        var first = producer.get();

        assertThat(producer.failed(first, new RecordTooLargeException("too large")))
                .isFalse();
        assertThat(producer.failed(first, new IllegalStateException("database down", new java.sql.SQLException())))
                .isFalse();

        assertThat(producer.get()).isSameAs(first);
    }

    @Test
    void aFailureReportedForAnOlderProducerDoesNotDiscardItsSuccessor() {
        var first = producer.get();
        assertThat(producer.failed(first, new ClusterAuthorizationException("denied")))
                .isTrue();
        var second = producer.get();

        assertThat(producer.failed(first, new ClusterAuthorizationException("denied")))
                .isFalse();

        assertThat(producer.get()).isSameAs(second);
        assertThat(producer.discarded()).isEqualTo(1);
    }

    @Test
    void closeClosesTheCurrentProducerAndRefusesLaterUse() {
        producer.get();

        producer.close();

        assertThat(created.get(0).closed()).isTrue();
        assertThatThrownBy(producer::get).isInstanceOf(IllegalStateException.class);
    }

    private static ExecutionException failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (ExecutionException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the send did not fail");
    }
}
