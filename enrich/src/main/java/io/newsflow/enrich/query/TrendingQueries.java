package io.newsflow.enrich.query;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.trending.TrendingJson;
import io.newsflow.enrich.trending.TrendingProcessor;
import io.newsflow.schemas.avro.TrendingList;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "what is trending in region R" from whichever instance owns the lists: locally when this
 * instance hosts the newsroom task, else by forwarding once to the owner Kafka Streams names
 * (application.server); a standby copy here answers when the owner cannot.
 */
public final class TrendingQueries {
    public static final Pattern REGION = Pattern.compile("global|[A-Z]{2}");
    private static final Logger log = LoggerFactory.getLogger(TrendingQueries.class);

    /** HTTP status and JSON body. */
    public record Answer(int status, String json) {}

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // plain HTTP/1.1 between instances: no h2c upgrade round trip
            .connectTimeout(Duration.ofSeconds(2)).build();

    public TrendingQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public Answer query(String region, boolean forwarded) {
        if (region == null || !REGION.matcher(region).matches()) {
            return error(400, "region must be 'global' or an ISO 3166-1 alpha-2 code such as RU, got '" + region + "'");
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(TrendingProcessor.LISTS_STORE, EnrichTopology.NEWSROOM_KEY,
                Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return error(503, "trending lists are not available yet (rebalancing or starting); retry shortly");
        }
        if (owner.activeHost().equals(self)) return local(region, owner.partition(), false);
        if (!forwarded) {
            try {
                return forward(owner.activeHost(), region);
            } catch (Exception e) {
                log.warn("owner {} of the trending lists did not answer: {}", owner.activeHost(), e.toString());
            }
        }
        if (owner.standbyHosts().contains(self)) return local(region, owner.partition(), true);
        return error(503, "the owner of the trending lists (" + owner.activeHost() + ") is not reachable; retry shortly");
    }

    private Answer local(String region, int partition, boolean stale) {
        try {
            StoreQueryParameters<ReadOnlyKeyValueStore<String, TrendingList>> params = StoreQueryParameters
                    .fromNameAndType(TrendingProcessor.LISTS_STORE, QueryableStoreTypes.<String, TrendingList>keyValueStore())
                    .withPartition(partition);
            ReadOnlyKeyValueStore<String, TrendingList> store = streams.store(stale ? params.enableStaleStores() : params);
            var body = TrendingJson.region(region, store.get(region));
            body.put("served_by", self.host() + ":" + self.port());
            body.put("stale", stale);
            return new Answer(200, body.toString());
        } catch (InvalidStateStoreException e) {
            return error(503, "trending lists are moving between instances; retry shortly");
        }
    }

    private Answer forward(HostInfo owner, String region) throws Exception {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/trending?forwarded=true&region="
                + URLEncoder.encode(region, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500) throw new IllegalStateException("HTTP " + r.statusCode() + " from " + uri);
        return new Answer(r.statusCode(), r.body());
    }

    private static Answer error(int status, String message) {
        var n = TrendingJson.MAPPER.createObjectNode();
        n.put("error", message);
        return new Answer(status, n.toString());
    }
}
