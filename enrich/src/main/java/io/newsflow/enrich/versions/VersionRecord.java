package io.newsflow.enrich.versions;

import io.newsflow.enrich.serde.BinaryCodecSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What enrich remembers of the newest version of an article it let through.
 *
 * @param version   the source's version number, -1 when it has none
 * @param updatedMs {@code updated} (else {@code created}) in ms, -1 when absent
 * @param contentHash {@link ContentHash} of that version
 * @param killed    the source withdrew or canceled it
 * @param feed      the feed the article first came from, its owner: no other feed may replace or withdraw it;
 *                  null when not known (an operator's replay, state written before owners were kept)
 */
public record VersionRecord(long version, long updatedMs, long contentHash, boolean killed, String feed) {

    public VersionRecord(long version, long updatedMs, long contentHash, boolean killed) {
        this(version, updatedMs, contentHash, killed, null);
    }

    /** The same record with its owner. */
    public VersionRecord ownedBy(String owner) {
        return new VersionRecord(version, updatedMs, contentHash, killed, owner);
    }

    public static final class Serde extends BinaryCodecSerde<VersionRecord> {
        public Serde() {
            super(2);
        }

        @Override
        protected void write(DataOutputStream out, VersionRecord v) throws IOException {
            out.writeLong(v.version);
            out.writeLong(v.updatedMs);
            out.writeLong(v.contentHash);
            out.writeBoolean(v.killed);
            writeNullableString(out, v.feed);
        }

        @Override
        protected VersionRecord read(DataInputStream in, int format) throws IOException {
            // layout 1 had no owner
            return new VersionRecord(in.readLong(), in.readLong(), in.readLong(), in.readBoolean(),
                    format >= 2 ? readNullableString(in) : null);
        }
    }
}
