package io.newsflow.enrich.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.versions.VersionGate.Verdict;
import org.junit.jupiter.api.Test;

class VersionGateTest {
    static VersionRecord rec(long version, long updated, long hash) {
        return new VersionRecord(version, updated, hash, false);
    }

    @Test
    void judgesNewDuplicateNewerAndStale() {
        VersionRecord v2 = rec(2, 200, 7);
        assertThat(VersionGate.judge(null, v2)).isEqualTo(Verdict.NEW);
        assertThat(VersionGate.judge(v2, rec(2, 200, 7))).isEqualTo(Verdict.DUPLICATE);
        assertThat(VersionGate.judge(v2, rec(3, 300, 8))).isEqualTo(Verdict.REPLACES);
        assertThat(VersionGate.judge(v2, rec(1, 100, 9))).isEqualTo(Verdict.STALE);
        // version numbers outrank timestamps when both sides have one
        assertThat(VersionGate.judge(v2, rec(1, 999, 9))).isEqualTo(Verdict.STALE);
        // without version numbers, updated decides
        assertThat(VersionGate.judge(rec(-1, 200, 7), rec(-1, 150, 9))).isEqualTo(Verdict.STALE);
        assertThat(VersionGate.judge(rec(-1, 200, 7), rec(-1, 250, 9))).isEqualTo(Verdict.REPLACES);
    }

    @Test
    void unchangedResendWithBumpedVersionIsDroppedButRaisesTheBar() {
        VersionRecord v2 = rec(2, 200, 7);
        VersionRecord resent = rec(3, 300, 7);
        assertThat(VersionGate.judge(v2, resent)).isEqualTo(Verdict.DUPLICATE);
        VersionRecord remembered = VersionGate.remember(v2, resent, Verdict.DUPLICATE);
        assertThat(remembered.version()).isEqualTo(3);
        // a v2 copy with other content now counts as stale
        assertThat(VersionGate.judge(remembered, rec(2, 200, 99))).isEqualTo(Verdict.STALE);
    }

    @Test
    void killNoticeAlwaysPassesOnceEvenWithAnOlderStamp() {
        VersionRecord v3 = rec(3, 300, 7);
        VersionRecord kill = new VersionRecord(2, 200, 11, true);
        assertThat(VersionGate.judge(v3, kill)).isEqualTo(Verdict.REPLACES);
        VersionRecord remembered = VersionGate.remember(v3, kill, Verdict.REPLACES);
        assertThat(remembered.killed()).isTrue();
        assertThat(remembered.version()).isEqualTo(3);
        assertThat(VersionGate.judge(remembered, kill)).isEqualTo(Verdict.STALE);
        // a newer usable version republishes
        assertThat(VersionGate.judge(remembered, rec(4, 400, 12))).isEqualTo(Verdict.REPLACES);
    }

    @Test
    void stateRoundTripsThroughItsSerde() {
        VersionRecord.Serde serde = new VersionRecord.Serde();
        VersionRecord r = new VersionRecord(5, 123456789L, -42L, true);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", r))).isEqualTo(r);
    }

    @Test
    void anArticleIsItsFirstFeedsNoOtherFeedMayReplaceOrWithdrawIt() {
        VersionRecord fromA = new VersionRecord(1, 100, 7, false, "wire-a");
        VersionRecord owned = VersionGate.remember(null, fromA, Verdict.NEW);
        assertThat(owned.feed()).isEqualTo("wire-a");
        assertThat(VersionGate.judge(owned, new VersionRecord(2, 200, 8, false, "wire-b"))).isEqualTo(Verdict.FOREIGN);
        assertThat(VersionGate.judge(owned, new VersionRecord(2, 200, 8, true, "wire-b"))).as("a kill notice too")
                .isEqualTo(Verdict.FOREIGN);
        assertThat(VersionGate.judge(owned, new VersionRecord(2, 200, 8, false, null))).as("no feed at all")
                .isEqualTo(Verdict.FOREIGN);
        assertThat(VersionGate.remember(owned, new VersionRecord(2, 200, 8, false, "wire-b"), Verdict.FOREIGN)).isSameAs(owned);
        VersionRecord update = new VersionRecord(2, 200, 8, false, "wire-a");
        assertThat(VersionGate.judge(owned, update)).isEqualTo(Verdict.REPLACES);
        assertThat(VersionGate.remember(owned, update, Verdict.REPLACES).feed()).isEqualTo("wire-a");
    }

    @Test
    void anArticleWhoseOwnerIsNotKnownIsClaimedByTheFirstFeedThatSendsIt() {
        VersionRecord unknown = rec(1, 100, 7); // kept before owners were, or replayed by an operator
        VersionRecord fromB = new VersionRecord(2, 200, 8, false, "wire-b");
        assertThat(VersionGate.judge(unknown, fromB)).isEqualTo(Verdict.REPLACES);
        VersionRecord claimed = VersionGate.remember(unknown, fromB, Verdict.REPLACES);
        assertThat(claimed.feed()).isEqualTo("wire-b");
        assertThat(VersionGate.judge(claimed, new VersionRecord(3, 300, 9, false, "wire-a"))).isEqualTo(Verdict.FOREIGN);
    }

    @Test
    void ownersSurviveTheChangelogAndTheFirstLayoutStillReads() {
        VersionRecord.Serde serde = new VersionRecord.Serde();
        VersionRecord owned = new VersionRecord(4, 400, 11, true, "wire-a");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", owned))).isEqualTo(owned);
        // layout 1: format byte, version, updated, hash, killed; no owner
        java.nio.ByteBuffer v1 = java.nio.ByteBuffer.allocate(1 + 8 + 8 + 8 + 1);
        v1.put((byte) 1).putLong(4).putLong(400).putLong(11).put((byte) 1);
        assertThat(serde.deserializer().deserialize("t", v1.array())).isEqualTo(new VersionRecord(4, 400, 11, true, null));
    }
}
