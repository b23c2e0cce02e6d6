package io.newsflow.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireTrafficModelTest {
    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<WireItem> generate(long seed, int n) {
        return WireTrafficModel.generate(seed, n, T0);
    }

    @Test
    void sameSeedSameTrafficOtherSeedOtherTraffic() {
        List<WireItem> a = generate(7, 500);
        List<WireItem> b = generate(7, 500);
        List<WireItem> c = generate(8, 500);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).body()).isEqualTo(b.get(i).body());
            assertThat(a.get(i).contentType()).isEqualTo(b.get(i).contentType());
        }
        long same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (java.util.Arrays.equals(a.get(i).body(), c.get(i).body())) {
                same++;
            }
        }
        assertThat(same).isLessThan(10);
    }

    @Test
    void mixOfKindsAndFormatsLooksLikeTheWires() {
        List<WireItem> items = generate(42, 5_000);
        Map<WireItem.Kind, Long> kinds = items.stream()
                .collect(Collectors.groupingBy(WireItem::kind, Collectors.counting()));
        Map<WireFormat, Long> formats = items.stream()
                .collect(Collectors.groupingBy(WireItem::format, Collectors.counting()));

        assertThat(kinds.get(WireItem.Kind.MALFORMED)).isBetween(50L, 200L);   // ~2 %
        assertThat(kinds.get(WireItem.Kind.WITHDRAWAL)).isBetween(20L, 100L);  // ~1 %
        assertThat(kinds.get(WireItem.Kind.UPDATE)).isBetween(400L, 800L);    // ~12 %
        assertThat(formats.get(WireFormat.NINJS)).isGreaterThan(items.size() / 2);
        assertThat(formats.get(WireFormat.RSS)).isGreaterThan(300L);
        assertThat(formats.get(WireFormat.NEWSML)).isGreaterThan(300L);
        assertThat(items.stream().map(WireItem::countryCode).distinct().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void severalAgenciesRewriteEachStoryWithTheirOwnHeadlineAndSharedFacts() throws Exception {
        List<WireItem> items = generate(42, 3_000);
        Map<String, List<WireItem>> byStory = new HashMap<>();
        for (WireItem item : items) {
            if (item.kind() == WireItem.Kind.NEW && item.format() == WireFormat.NINJS) {
                byStory.computeIfAbsent(item.storyKey(), k -> new ArrayList<>()).add(item);
            }
        }
        List<List<WireItem>> multi = byStory.values().stream().filter(l -> l.size() >= 3).toList();
        assertThat(multi).hasSizeGreaterThan(20);
        for (List<WireItem> takes : multi) {
            Set<String> agencies = new HashSet<>();
            Set<String> headlines = new HashSet<>();
            Set<String> datelines = new HashSet<>();
            for (WireItem take : takes) {
                JsonNode n = JSON.readTree(take.body());
                agencies.add(take.agency());
                headlines.add(n.get("headlines").get(0).get("value").asText());
                datelines.add(n.get("located").asText());
            }
            assertThat(agencies).as("one take per agency").hasSize(takes.size());
            assertThat(headlines).as("each desk writes its own headline").hasSize(takes.size());
            assertThat(datelines).as("same place, same dateline").hasSize(1);
        }
    }

    @Test
    void updatesKeepTheIdAndRaiseTheVersionWithdrawalsAreKillNotices() throws Exception {
        List<WireItem> items = generate(42, 3_000);
        Map<String, Integer> lastVersion = new HashMap<>();
        int updates = 0;
        int withdrawals = 0;
        for (WireItem item : items) {
            if (item.kind() == WireItem.Kind.MALFORMED) {
                assertThat(item.itemId()).isNull();
                continue;
            }
            Integer before = lastVersion.put(item.itemId(), item.version());
            switch (item.kind()) {
                case NEW -> assertThat(before).as("new ids are new").isNull();
                case UPDATE, WITHDRAWAL -> {
                    assertThat(before).as("updates and kills refer to an item sent before").isNotNull();
                    assertThat(item.version()).isEqualTo(before + 1);
                }
                default -> { }
            }
            if (item.kind() == WireItem.Kind.UPDATE) {
                updates++;
                assertThat(item.text()).contains("UPDATE " + (item.version() - 1) + ":");
            }
            if (item.kind() == WireItem.Kind.WITHDRAWAL) {
                withdrawals++;
                assertThat(item.format()).isNotEqualTo(WireFormat.RSS);
                assertThat(item.text()).containsAnyOf("\"pubstatus\":\"withheld\"", "qcode=\"stat:withheld\"");
            }
        }
        assertThat(updates).isGreaterThan(100);
        assertThat(withdrawals).isGreaterThan(5);
    }

    @Test
    void wellFormedItemsParseAndMalformedOnesDoNot() {
        List<WireItem> items = generate(42, 2_000);
        int bad = 0;
        for (WireItem item : items) {
            if (item.kind() == WireItem.Kind.MALFORMED) {
                bad++;
                assertThatThrownBy(() -> parse(item)).as("malformed item %s", item.text()).isInstanceOf(Exception.class);
            } else {
                org.assertj.core.api.Assertions.assertThatCode(() -> parse(item)).doesNotThrowAnyException();
            }
        }
        assertThat(bad).isPositive();
    }

    @Test
    void ninjsItemsCarryWhatIngestReads() throws Exception {
        WireItem item = generate(42, 50).stream()
                .filter(i -> i.kind() == WireItem.Kind.NEW && i.format() == WireFormat.NINJS).findFirst().orElseThrow();
        JsonNode n = JSON.readTree(item.body());
        assertThat(n.get("uri").asText()).isEqualTo(item.itemId());
        assertThat(n.get("standard").get("version").asText()).isEqualTo("2.0");
        assertThat(n.get("version").asText()).isEqualTo("1");
        assertThat(n.get("pubstatus").asText()).isEqualTo("usable");
        assertThat(n.get("bodies").get(0).get("value").asText()).startsWith(n.get("located").asText() + " (");
        assertThat(n.get("places").get(0).get("literal").asText()).isEqualTo("iso3166-1a2:" + item.countryCode());
        assertThat(item.contentType()).isEqualTo("application/vnd.iptc.ninjs+json");
    }

    private static void parse(WireItem item) throws Exception {
        if (item.format() == WireFormat.NINJS) {
            JsonNode n = JSON.readTree(item.body());
            if (!n.hasNonNull("uri")) {
                throw new IllegalArgumentException("no uri");
            }
            return;
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        Document doc = b.parse(new ByteArrayInputStream(item.body()));
        assertThat(doc.getDocumentElement().getLocalName()).isIn("rss", "newsItem");
    }
}
