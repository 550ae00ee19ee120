package dev.gatehouse.engine.accesslog.store;

import java.nio.ByteBuffer;

/**
 * A block's records as a histogram filters and counts them ({@code block_facts}): per record a
 * 14-byte entry with its minute, status class, the numbers of its route, model, consumer,
 * upstream host, cache status and response type, and whether it was rate-limited or fell back.
 * A histogram over a day of millions of records under any mix of those filters then reads about
 * 3 % of what the table holds. A record that does not fit (a value numbered past 65,535, a status
 * outside 100 to 599, a block spanning more than 22 days) marks its block incomplete, and
 * queries read that block's records instead.
 */
public final class BlockFacts {

    /** State byte (0 empty, 1 complete, 2 incomplete), then the minute entries count from (an int). */
    private static final int HEADER = 5;
    private static final int ENTRY = 14;
    static final int BYTES = HEADER + Blocks.SIZE * ENTRY;
    private static final byte EMPTY = 0, COMPLETE = 1, INCOMPLETE = 2;
    private static final int PRESENT = 0x80, RATE_LIMITED = 0x40, FALLBACK = 0x20;

    /** Receives matching records: a minute (epoch minutes), a status class (1 to 5) and how many. */
    @FunctionalInterface
    public interface Counts {
        void add(long minute, int statusClass, long requests);
    }

    /**
     * Which records count: per field the number ({@code dim_values.id}) a record must have, 0 for
     * one without a value, -1 for any; the status classes as bits (bit 1 for 1xx... bit 5 for
     * 5xx); the flags, null for either.
     */
    public record Filter(long route, long model, long consumer, long upstream, long cache, long type, int classes,
                         Boolean rateLimited, Boolean fallback) {
    }

    private BlockFacts() {
    }

    static byte[] empty() {
        return new byte[BYTES];
    }

    /** Facts that never count: their block's records are read instead. */
    static byte[] incomplete() {
        byte[] facts = empty();
        facts[0] = INCOMPLETE;
        return facts;
    }

    /** Records the record numbered {@code id} (of this block) in {@code facts}; value numbers are 0 for none. */
    static void put(byte[] facts, long id, long minute, int responseCode, long route, long model, long consumer,
                    long upstream, long cache, long type, boolean rateLimited, boolean fallback) {
        ByteBuffer buffer = ByteBuffer.wrap(facts);
        if (facts[0] == INCOMPLETE) {
            return;
        }
        if (facts[0] == EMPTY) {
            facts[0] = COMPLETE;
            buffer.putInt(1, (int) minute);
        }
        long delta = minute - buffer.getInt(1);
        if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE || responseCode < 100 || responseCode > 599
                || Math.max(Math.max(route, model), Math.max(consumer, upstream)) > 0xFFFF || cache > 0xFF || type > 0xFF) {
            facts[0] = INCOMPLETE;
            return;
        }
        int at = HEADER + (int) Math.floorMod(id, Blocks.SIZE) * ENTRY;
        buffer.putShort(at, (short) delta);
        buffer.putShort(at + 2, (short) route);
        buffer.putShort(at + 4, (short) model);
        buffer.putShort(at + 6, (short) consumer);
        buffer.putShort(at + 8, (short) upstream);
        facts[at + 10] = (byte) cache;
        facts[at + 11] = (byte) type;
        facts[at + 12] = (byte) (PRESENT | (rateLimited ? RATE_LIMITED : 0) | (fallback ? FALLBACK : 0)
                | Blocks.statusClass(responseCode));
    }

    /** Whether {@code facts} (as stored) hold every record written to their block. */
    public static boolean complete(byte[] facts) {
        return facts != null && facts.length == BYTES && facts[0] != INCOMPLETE;
    }

    /** Counts the records of a {@link #complete} block matching {@code filter} that started in minutes [first, end). */
    public static void count(byte[] facts, Filter filter, long firstMinute, long endMinute, Counts into) {
        if (facts[0] == EMPTY) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(facts);
        long base = buffer.getInt(1);
        int required = PRESENT | (Boolean.TRUE.equals(filter.rateLimited()) ? RATE_LIMITED : 0)
                | (Boolean.TRUE.equals(filter.fallback()) ? FALLBACK : 0);
        int checked = PRESENT | (filter.rateLimited() != null ? RATE_LIMITED : 0) | (filter.fallback() != null ? FALLBACK : 0);
        // Records come about in time order: sums per class of the current minute, handed on when it changes.
        long[] classes = new long[8];
        long current = Long.MIN_VALUE;
        for (int at = HEADER; at < BYTES; at += ENTRY) {
            int flags = facts[at + 12] & 0xFF;
            if ((flags & checked) != required || (filter.classes() & (1 << (flags & 7))) == 0
                    || !matches(filter.route(), buffer.getShort(at + 2) & 0xFFFF)
                    || !matches(filter.model(), buffer.getShort(at + 4) & 0xFFFF)
                    || !matches(filter.consumer(), buffer.getShort(at + 6) & 0xFFFF)
                    || !matches(filter.upstream(), buffer.getShort(at + 8) & 0xFFFF)
                    || !matches(filter.cache(), facts[at + 10] & 0xFF) || !matches(filter.type(), facts[at + 11] & 0xFF)) {
                continue;
            }
            long minute = base + buffer.getShort(at);
            if (minute >= firstMinute && minute < endMinute) {
                if (minute != current) {
                    handOn(current, classes, into);
                    current = minute;
                }
                classes[flags & 7]++;
            }
        }
        handOn(current, classes, into);
    }

    private static void handOn(long minute, long[] classes, Counts into) {
        for (int statusClass = 0; statusClass < classes.length; statusClass++) {
            if (classes[statusClass] > 0) {
                into.add(minute, statusClass, classes[statusClass]);
                classes[statusClass] = 0;
            }
        }
    }

    private static boolean matches(long wanted, int value) {
        return wanted < 0 || wanted == value;
    }
}
