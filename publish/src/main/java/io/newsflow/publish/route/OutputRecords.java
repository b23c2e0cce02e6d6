package io.newsflow.publish.route;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/**
 * What one enriched record becomes: the records to send in the same transaction, and whether it was
 * published (finished) or dead-lettered. The reason is set only when dead-lettered.
 */
public record OutputRecords(String articleId, List<ProducerRecord<byte[], byte[]>> records, boolean deadLettered,
                            String reason) {
}
