package io.newsflow.publish.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SameEncodingTest {
    static byte[] wire(int id, byte... payload) {
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
    }

    @Test
    void theOtherTopicsValueIsTheFirstsWithItsOwnSchemaIdOnceTheyAreSeenToAgree() {
        SameEncoding same = new SameEncoding();
        AtomicInteger encodes = new AtomicInteger();
        byte[] first = same.forOther(wire(7, (byte) 1, (byte) 2), () -> {
            encodes.incrementAndGet();
            return wire(9, (byte) 1, (byte) 2);
        });
        assertThat(first).isEqualTo(wire(9, (byte) 1, (byte) 2));
        byte[] second = same.forOther(wire(7, (byte) 3, (byte) 4, (byte) 5), () -> {
            encodes.incrementAndGet();
            return wire(9, (byte) 3, (byte) 4, (byte) 5);
        });
        assertThat(second).isEqualTo(wire(9, (byte) 3, (byte) 4, (byte) 5));
        assertThat(encodes).as("encoded for the other topic once, when the id was new").hasValue(1);
    }

    @Test
    void anotherPayloadOrNoWireFormatIsEncodedInFullEveryTime() {
        SameEncoding same = new SameEncoding();
        AtomicInteger encodes = new AtomicInteger();
        // the other subject's serializer writes something else: never shared
        for (int i = 0; i < 3; i++) {
            assertThat(same.forOther(wire(7, (byte) 1), () -> {
                encodes.incrementAndGet();
                return wire(9, (byte) 1, (byte) 0);
            })).isEqualTo(wire(9, (byte) 1, (byte) 0));
        }
        assertThat(encodes).hasValue(3);
        byte[] plain = {42, 1, 2};
        assertThat(same.forOther(plain, () -> new byte[] {42, 1, 2, 3})).containsExactly(42, 1, 2, 3);
    }
}
