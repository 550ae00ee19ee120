package dev.gatehouse.engine.balance;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit string hash that places keys and virtual nodes on the consistent hash ring:
 * FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finalizer. FNV-1a alone leaves similar
 * strings ({@code 10.0.0.1:8000#1}, {@code #2}) close together in the high bits, which would
 * cluster virtual nodes; the finalizer spreads every input bit over the whole word.
 */
final class Hash64 {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hash64() {
    }

    static long hash(String value) {
        long h = FNV_OFFSET_BASIS;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** MurmurHash3's fmix64. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
