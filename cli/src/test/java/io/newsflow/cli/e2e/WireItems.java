package io.newsflow.cli.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * ninjs 2.0 items as an agency would push them: distinct local stories in a few countries, each written so the
 * country it is about is plain (dateline, capital, demonym, country name), every fifth also mentioning Poland.
 */
final class WireItems {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MENTIONED = "PL";

    record Place(String code, String country, String capital, String dateline, String city, String demonym) {}

    /** One item as sent, with what the pipeline should make of it. */
    record Item(String id, long version, String focus, boolean mentionsPoland, ObjectNode json) {
        String idVersion() {
            return WireItems.idVersion(id, version);
        }
    }

    static final List<Place> PLACES = List.of(
            new Place("UA", "Ukraine", "Kyiv", "KYIV", "Kharkiv", "Ukrainian"),
            new Place("PE", "Peru", "Lima", "LIMA", "Cusco", "Peruvian"),
            new Place("KE", "Kenya", "Nairobi", "NAIROBI", "Mombasa", "Kenyan"),
            new Place("FR", "France", "Paris", "PARIS", "Marseille", "French"),
            new Place("JP", "Japan", "Tokyo", "TOKYO", "Osaka", "Japanese"),
            new Place("BR", "Brazil", "Brasilia", "BRASILIA", "Sao Paulo", "Brazilian"));

    private static final String[] AGENCIES = {"Reuters", "AP", "AFP"};
    private static final String[][] TOPICS = {
            {"city council", "approves budget item", "tram lines"},
            {"port authority", "reports record cargo in week", "container terminals"},
            {"regional court", "hears appeal number", "land registry"},
            {"health ministry", "opens clinic number", "vaccination centres"},
            {"central bank", "publishes survey number", "savings banks"},
            {"rail operator", "adds train service", "freight corridors"},
            {"university", "releases study number", "research institutes"},
            {"weather service", "issues storm warning", "coastal districts"}};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    private final String run;
    private final Instant start;

    /** @param run makes the ids of this run unique; @param start the first item's creation time */
    WireItems(String run, Instant start) {
        this.run = run;
        this.start = start;
    }

    static String idVersion(String id, long version) {
        return id + "#v" + version;
    }

    /** The n-th distinct story, version 1. */
    Item article(int n) {
        Place place = PLACES.get(n % PLACES.size());
        String[] topic = TOPICS[(n / PLACES.size()) % TOPICS.length];
        int number = 100 + n;
        boolean mentionsPoland = n % 5 == 0;
        String headline = capitalise(topic[0]) + " in " + place.capital() + " " + topic[1] + " " + number;
        String body = "The " + topic[0] + " in " + place.capital() + " " + topic[1] + " " + number + " on "
                + DAYS[n % DAYS.length] + ", officials said.\n\n"
                + place.demonym() + " officials expect the " + topic[2] + " in " + place.city()
                + " and the capital to follow within " + (2 + n % 7) + " months. " + place.country()
                + "'s government welcomed the decision."
                // one passing mention is not enough for the tagger to list a country: two are
                + (mentionsPoland ? "\n\nA delegation from Poland attended the session. Polish officials in Warsaw"
                        + " praised the plan." : "");
        Instant created = start.plusSeconds(n);
        ObjectNode item = ninjs("urn:newsflow:e2e:" + run + ":" + n, 1, created, created, AGENCIES[n % AGENCIES.length],
                place.dateline(), headline, body);
        return new Item(item.get("uri").asText(), 1, place.code(), mentionsPoland, item);
    }

    /** A corrected version 2 of an item: new text and a later version time, same id. */
    Item newVersion(Item old) {
        ObjectNode item = old.json().deepCopy();
        item.put("version", "2");
        item.put("versioncreated", Instant.parse(old.json().get("versioncreated").asText()).plusSeconds(600).toString());
        ArrayNode headlines = item.putArray("headlines");
        headlines.addObject().put("role", "main")
                .put("value", "UPDATE 1-" + old.json().get("headlines").get(0).get("value").asText());
        String body = old.json().get("bodies").get(0).get("value").asText()
                + "\n\nThe decision takes effect at once, a spokesperson added.";
        item.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/plain").put("value", body);
        return new Item(old.id(), 2, old.focus(), old.mentionsPoland(), item);
    }

    private static ObjectNode ninjs(String uri, int version, Instant created, Instant versionCreated, String agency,
                                    String dateline, String headline, String body) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", uri);
        ObjectNode standard = n.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", "2.0");
        standard.put("schema", "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json");
        n.put("type", "text");
        n.put("version", Integer.toString(version));
        n.put("firstcreated", created.toString());
        n.put("versioncreated", versionCreated.toString());
        n.put("pubstatus", "usable");
        n.put("language", "en");
        n.put("copyrightnotice", "(c) 2026 " + agency);
        n.put("by", "By " + agency + " staff");
        n.put("located", dateline);
        n.putArray("headlines").addObject().put("role", "main").put("value", headline);
        n.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/plain").put("value", body);
        n.putArray("infosources").addObject().put("name", agency);
        return n;
    }

    private static final java.net.http.HttpClient HTTP =
            java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** POSTs a ninjs body to the ingest on {@code port} as the feed holding {@code feedKey}. */
    static java.net.http.HttpResponse<String> post(int port, String feedKey, byte[] ninjs) throws Exception {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/articles"))
                        .header("Authorization", "Bearer " + feedKey).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(ninjs)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON array of items: one POST body. */
    static byte[] batch(List<Item> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(i -> array.add(i.json()));
        try {
            return JSON.writeValueAsBytes(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
