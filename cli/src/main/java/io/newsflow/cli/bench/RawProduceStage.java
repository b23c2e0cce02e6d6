package io.newsflow.cli.bench;

import io.newsflow.cli.generator.WireItem;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Properties;

/** Raw Kafka: the records produced with a plain producer, acks=all; latency = send to acknowledgement. */
final class RawProduceStage {
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

    /** At a fixed rate. */
    Measurement paced(String topic, List<WireItem> items, double perSecond) {
        return run("raw produce", topic, items, new Pacer(perSecond));
    }

    private Measurement run(String name, String topic, List<WireItem> items, Pacer pacer) {
        Histogram latency = Measurement.newHistogram();
        long start;
        long end;
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic); // metadata before the clock starts
            start = System.nanoTime();
            for (WireItem item : items) {
                if (pacer != null) {
                    pacer.awaitNext();
                }
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, item.itemId(), item.body()), (md, e) -> {
                    if (e == null) {
                        synchronized (latency) {
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        }
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        return new Measurement(name, latency.getTotalCount(), items.size(), (end - start) / 1e9, latency);
    }
}
