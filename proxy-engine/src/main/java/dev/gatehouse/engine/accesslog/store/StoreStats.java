package dev.gatehouse.engine.accesslog.store;

/**
 * What the access log store has done since it was opened, for the dashboard and the admin API.
 *
 * @param written          records committed to the database
 * @param dropped          records lost: the queue was full, the store was closed, or a write failed
 * @param queueDepth       records accepted and not yet written
 * @param queueCapacity    the most records the queue holds before it drops
 * @param lastCommitMillis when the last transaction committed (epoch milliseconds), 0 before the first
 * @param databaseBytes    the database file and its write-ahead log, in bytes
 * @param filesSetAside    corrupt database files moved aside and replaced by a new one
 * @param retentionDeleted records deleted by age or size retention
 * @param lastError        the last write or retention failure, null if none
 */
public record StoreStats(long written, long dropped, int queueDepth, int queueCapacity, long lastCommitMillis,
                         long databaseBytes, int filesSetAside, long retentionDeleted, String lastError) {
}
