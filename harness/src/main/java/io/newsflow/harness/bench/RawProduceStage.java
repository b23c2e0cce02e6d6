package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Raw Kafka: the records produced with a plain producer, acks=all; latency = send to acknowledgement. Each record
 * carries its send time in a header, which the pass-through hop forwards: the hop's latency is measured from it,
 * whatever timestamp type the hop's output topic has.
 */
final class RawProduceStage {
    static final String SENT_AT_HEADER = "newsflow.bench.sent_at";

    private final String bootstrap;

    RawProduceStage(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // the same durability the pipeline's services use
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // modest batching, as a service would configure
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return p;
    }

    /** As fast as the producer goes. */
    Measurement flat(String topic, List<WireItem> items) {
        return run("raw produce", topic, items, null);
    }

    /** A first flat pass on a topic of its own: class loading and JIT are not charged to the measured pass. */
    Measurement warmUp(String topic, List<WireItem> items) {
        return run("raw produce warm-up", topic, items, null);
    }

    /** At a fixed rate. */
    Measurement paced(String topic, List<WireItem> items, double perSecond) {
        return run("raw produce", topic, items, new Pacer(perSecond));
    }

    private Measurement run(String name, String topic, List<WireItem> items, Pacer pacer) {
        Histogram latency = Measurement.newHistogram();
        long start;
        long end;
        long startMillis;
        long endMillis;
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic); // metadata before the clock starts
            startMillis = System.currentTimeMillis();
            start = System.nanoTime();
            for (WireItem item : items) {
                if (pacer != null) {
                    pacer.awaitNext();
                }
                long sent = System.nanoTime();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, item.itemId(), item.body());
                record.headers().add(SENT_AT_HEADER,
                        Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
                producer.send(record, (md, e) -> {
                    if (e == null) {
                        synchronized (latency) {
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        }
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
            endMillis = System.currentTimeMillis();
        }
        return Measurement.wallClock(name, latency.getTotalCount(), items.size(), start, end, startMillis, endMillis,
                latency);
    }
}
