package io.clearname.kit.outbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions as Kafka does, except that the first record keyed with {@link #KEY_PROPERTY}'s value is refused with a
 * {@link ProducerFencedException}: thrown during a send, it puts an idempotent producer in its fatal error state, in
 * which it refuses every later send, as a real fencing would.
 */
public class FencingPartitioner implements Partitioner {

    /** JVM-wide, so the test and the producer's class loader agree on it. */
    static final String KEY_PROPERTY = "clearname.test.fence-key";

    private static final Set<String> FENCED = ConcurrentHashMap.newKeySet();

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        if (key != null && key.equals(System.getProperty(KEY_PROPERTY)) && FENCED.add(key.toString())) {
            throw new ProducerFencedException("fenced by the test");
        }
        int partitions = cluster.partitionsForTopic(topic).size();
        return keyBytes == null
                ? ThreadLocalRandom.current().nextInt(partitions)
                : Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
    }

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
