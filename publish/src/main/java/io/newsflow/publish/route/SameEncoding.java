package io.newsflow.publish.route;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Avro encoding of an article for two topics. In Confluent's wire format a value is a magic byte, the writer
 * schema's id under the topic's subject, then the Avro binary; the same record under another subject differs only
 * in that id (the same schema may have another id there). The first time an id is seen, the value for the other
 * topic is encoded in full and kept only if it is the same bytes but the id; from then on it is the first value
 * with the other subject's id written in. Anything else (no wire format, another payload) is encoded in full.
 */
final class SameEncoding {
    private static final byte MAGIC = 0;
    private static final int HEADER = 5;
    /** writer schema id under the first subject -> its id under the second; -1: encode in full every time */
    private final Map<Integer, Integer> otherId = new ConcurrentHashMap<>();

    /** The value for the other topic, from {@code encoded} (the first topic's) when they can share their bytes. */
    byte[] forOther(byte[] encoded, Supplier<byte[]> encodeForOther) {
        if (encoded == null || encoded.length < HEADER || encoded[0] != MAGIC) return encodeForOther.get();
        int id = ByteBuffer.wrap(encoded, 1, 4).getInt();
        Integer other = otherId.get(id);
        if (other == null) {
            byte[] fresh = encodeForOther.get();
            boolean samePayload = fresh != null && fresh.length == encoded.length && fresh[0] == MAGIC
                    && Arrays.equals(fresh, HEADER, fresh.length, encoded, HEADER, encoded.length);
            otherId.put(id, samePayload ? ByteBuffer.wrap(fresh, 1, 4).getInt() : -1);
            return fresh;
        }
        if (other < 0) return encodeForOther.get();
        byte[] copy = encoded.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(other);
        return copy;
    }
}
