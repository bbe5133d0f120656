package dev.nanoclassifier.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import dev.nanoclassifier.event.InboundMessage;

/**
 * The order rules of a batch of messages, apart from how one is answered. Records are named by
 * their index in the batch. Standard queue: every record is its own lane, so all may run at once.
 * FIFO: one lane per message group, in batch order; after a failure in a group its later records
 * are failures without being processed, and SQS is told of them too, so the group is delivered
 * again from its first failure on.
 */
final class SqsLanes {

    private final List<InboundMessage> batch;
    private final Map<String, List<Integer>> lanes = new LinkedHashMap<>();

    SqsLanes(List<InboundMessage> batch) {
        this.batch = batch;
        for (int i = 0; i < batch.size(); i++) {
            InboundMessage message = batch.get(i);
            String lane = message.messageGroupId() == null ? "record:" + i : "group:" + message.messageGroupId();
            lanes.computeIfAbsent(lane, key -> new ArrayList<>()).add(i);
        }
    }

    /** The lanes in the order of their first record; each lane's record indexes in batch order. */
    Collection<List<Integer>> lanes() {
        return lanes.values();
    }

    /**
     * One lane's records in order, each end handed to {@code ended} as soon as it is known. After a
     * {@code failed} end, or once the thread is interrupted (time is up), the remaining records end
     * as {@code notProcessed} without being processed.
     */
    static <T> void processInOrder(List<Integer> lane, IntFunction<T> process, Predicate<T> failed,
            IntFunction<T> notProcessed, BiConsumer<Integer, T> ended) {
        boolean groupFailed = false;
        for (int index : lane) {
            T end = groupFailed || Thread.currentThread().isInterrupted() ? notProcessed.apply(index) : process.apply(index);
            groupFailed |= failed.test(end);
            ended.accept(index, end);
        }
    }

    /** Failed ids in batch order, each once; in a FIFO group, every record after a failed one fails too. */
    List<String> failedInBatchOrder(Set<String> failed) {
        Set<String> all = new HashSet<>(failed);
        for (List<Integer> lane : lanes.values()) {
            boolean after = false;
            for (int index : lane) {
                InboundMessage message = batch.get(index);
                after |= failed.contains(message.messageId());
                if (after && message.messageGroupId() != null) {
                    all.add(message.messageId());
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (InboundMessage message : batch) {
            if (all.contains(message.messageId())) {
                ordered.add(message.messageId());
            }
        }
        return List.copyOf(ordered);
    }
}
