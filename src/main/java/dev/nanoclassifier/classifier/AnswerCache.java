package dev.nanoclassifier.classifier;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import dev.nanoclassifier.result.ClassificationResult;

/**
 * The answers of this execution environment, by {@link CacheKey}: at most {@code maxSize}, the
 * least recently used dropped first, each kept for {@code ttl} after it was written. One lock:
 * a lookup is a hash-map access, far shorter than any model call it saves.
 */
final class AnswerCache {

    private final int maxSize;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Entry> entries;

    private record Entry(ClassificationResult result, long writtenAt) {
    }

    AnswerCache(int maxSize, Duration ttl, LongSupplier nanoClock) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("classifier.cache.max-size must not be negative, was " + maxSize);
        }
        this.maxSize = maxSize;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > AnswerCache.this.maxSize;
            }
        };
    }

    /** The answer kept for {@code key}, or null when there is none or it is older than the TTL. */
    synchronized ClassificationResult get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nanoClock.getAsLong() - entry.writtenAt() >= ttlNanos) {
            entries.remove(key);
            return null;
        }
        return entry.result();
    }

    synchronized void put(String key, ClassificationResult result) {
        if (maxSize > 0) {
            entries.put(key, new Entry(result, nanoClock.getAsLong()));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
