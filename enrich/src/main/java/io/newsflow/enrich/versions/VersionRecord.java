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
 */
public record VersionRecord(long version, long updatedMs, long contentHash, boolean killed) {

    public static final class Serde extends BinaryCodecSerde<VersionRecord> {
        public Serde() {
            super(1);
        }

        @Override
        protected void write(DataOutputStream out, VersionRecord v) throws IOException {
            out.writeLong(v.version);
            out.writeLong(v.updatedMs);
            out.writeLong(v.contentHash);
            out.writeBoolean(v.killed);
        }

        @Override
        protected VersionRecord read(DataInputStream in, int format) throws IOException {
            return new VersionRecord(in.readLong(), in.readLong(), in.readLong(), in.readBoolean());
        }
    }
}
