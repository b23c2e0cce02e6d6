package io.newsflow.enrich;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EngagementEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Stream time follows the news, not the broker: articles by event time, engagement by its {@code at}. */
public class ArticleTimestampExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object v = record.value();
        long fallback = record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
        if (v instanceof Article a) return ArticleTime.eventTimeMs(a, fallback);
        if (v instanceof EngagementEvent e && e.getAt() != null) return e.getAt().toEpochMilli();
        return fallback;
    }
}
