package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The records waiting for the writer: bounded, and lock-free on the offering side, since every
 * event loop offers to it at the end of every request (a locked queue would make them wait on
 * each other and on the writer draining it). The one writer waits for records by parking briefly
 * rather than being signalled, so an offer never pays for a wake-up.
 */
final class RecordQueue {

    /** How long the idle writer sleeps between looks: well under any commit interval. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ConcurrentLinkedQueue<AccessRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    RecordQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the record unless the queue is full; never blocks. */
    boolean offer(AccessRecord record) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        records.offer(record);
        return true;
    }

    /** The next record, waiting up to {@code timeout} for one; null if none came. Writer only. */
    AccessRecord poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            AccessRecord record = records.poll();
            if (record != null) {
                size.decrementAndGet();
                return record;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            LockSupport.parkNanos(this, Math.min(left, IDLE_PARK_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Moves up to {@code max} waiting records into {@code into}; returns how many. Writer only. */
    int drainTo(Collection<AccessRecord> into, int max) {
        int moved = 0;
        AccessRecord record;
        while (moved < max && (record = records.poll()) != null) {
            into.add(record);
            moved++;
        }
        size.addAndGet(-moved);
        return moved;
    }

    int size() {
        return size.get();
    }

    boolean isEmpty() {
        return size.get() == 0;
    }

    /** Empties the queue; returns how many records it held. */
    int clear() {
        return drainTo(new java.util.ArrayList<>(), Integer.MAX_VALUE);
    }
}
