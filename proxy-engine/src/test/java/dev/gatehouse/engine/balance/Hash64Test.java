package dev.gatehouse.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class Hash64Test {

    @Test
    void hashIsFnv1aOfUtf8BytesThenMurmurFinalizer() {
        // Published FNV-1a 64 test vectors, so that every gateway instance and every future
        // version places the same key on the same endpoint.
        assertThat(Hash64.hash("a")).isEqualTo(Hash64.mix(0xaf63dc4c8601ec8cL));
        assertThat(Hash64.hash("foobar")).isEqualTo(Hash64.mix(0x85944171f73967e8L));
        // UTF-8, not the platform charset: ü is the two bytes C3 BC.
        assertThat(Hash64.hash("ü")).isEqualTo(Hash64.mix(0x0ac20a07b71807eaL));
        assertThat(Hash64.hash("user-1")).isEqualTo(0x41a2fca5c68401c5L);
    }

    @Test
    void similarKeysLandFarApartOnTheRing() {
        // Virtual node names differ only in their last characters; each high bit must still be
        // set about half the time, or the nodes would cluster on one arc of the ring.
        long[] hashes = IntStream.range(0, 10_000).mapToLong(i -> Hash64.hash("10.0.0.1:8000#" + i)).toArray();
        for (int bit = 63; bit >= 56; bit--) {
            int b = bit;
            long set = Arrays.stream(hashes).filter(h -> (h >>> b & 1) == 1).count();
            assertThat(set).as("bit %d", bit).isBetween(4_700L, 5_300L);
        }
    }
}
