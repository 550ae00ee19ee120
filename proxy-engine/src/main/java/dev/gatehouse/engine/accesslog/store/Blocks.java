package dev.gatehouse.engine.accesslog.store;

/**
 * How the access log summarises its records by block, instead of one index entry per record and
 * dimension: records are numbered by the writer, and ids {@code b * SIZE} to {@code (b + 1) * SIZE - 1}
 * form block {@code b}. For every block the store keeps its oldest and newest start time
 * ({@code block_times}), which routes, models, consumers, upstream hosts, texts, status classes
 * and cache statuses occur in it
 * ({@code block_keys}, one row per block and value instead of per record), and a Bloom filter of
 * its trace and request ids ({@code block_ids}). Queries narrow a search to the blocks that can
 * hold a match, then read those id ranges.
 */
public final class Blocks {

    /** Records per block: a page of matches never needs more than about a hundred blocks of this size. */
    public static final int SIZE = 512;

    /**
     * The kinds of value a {@code block_keys.key} stands for, in its top bits. STATUS_CLASS keys
     * carry the class itself (1 to 5, 0 for anything else), the others a number from their table.
     */
    public static final int ROUTE = 1, MODEL = 2, CONSUMER = 3, UPSTREAM = 4, TEXT = 5, STATUS_CLASS = 6, CACHE = 7;

    /** Response types are numbered in {@code dim_values} under this kind for {@link BlockFacts}; no block keys. */
    public static final int RESPONSE_TYPE = 8;

    /** Bloom filter bits per block: 16 per id, two ids (trace and request) per record. */
    static final int BLOOM_BYTES = SIZE * 2 * 16 / 8;
    private static final int BLOOM_HASHES = 8;

    private Blocks() {
    }

    /** 1 to 5 for an HTTP status (5 for 5xx), 0 for anything outside 100 to 599. */
    public static int statusClass(int responseCode) {
        return responseCode >= 100 && responseCode <= 599 ? responseCode / 100 : 0;
    }

    public static long blockOf(long id) {
        return Math.floorDiv(id, SIZE);
    }

    public static long firstId(long block) {
        return block * SIZE;
    }

    public static long lastId(long block) {
        return block * SIZE + SIZE - 1;
    }

    /** A {@code block_keys.key}: the kind of value, and the value's number in {@code dim_values} or {@code texts}. */
    public static long key(int kind, long valueId) {
        return ((long) kind << 40) | valueId;
    }

    /** Sets the bits of {@code value} (a trace or request id) in a block's filter. */
    static void bloomAdd(byte[] bloom, String value) {
        long hash = hash(value);
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        int bits = bloom.length * 8;
        for (int i = 0; i < BLOOM_HASHES; i++) {
            int bit = Math.floorMod(h1 + i * h2, bits);
            bloom[bit >>> 3] |= (byte) (1 << (bit & 7));
        }
    }

    /** Whether a block whose filter is {@code bloom} may hold {@code value}: false means certainly not. */
    public static boolean bloomMayContain(byte[] bloom, String value) {
        long hash = hash(value);
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        int bits = bloom.length * 8;
        for (int i = 0; i < BLOOM_HASHES; i++) {
            int bit = Math.floorMod(h1 + i * h2, bits);
            if ((bloom[bit >>> 3] & (1 << (bit & 7))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the characters, then a 64-bit finaliser (SplitMix64) so that both halves are well mixed. */
    private static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
