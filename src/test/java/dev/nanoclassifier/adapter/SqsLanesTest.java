package dev.nanoclassifier.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nanoclassifier.event.InboundMessage;

/** The order rules of an SQS batch (standard and FIFO) without Quarkus, threads or a model. */
class SqsLanesTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aStandardQueueBatchIsOneLanePerRecord() {
        List<InboundMessage> batch = List.of(standard("m1"), standard("m2"), standard("m3"));

        SqsLanes lanes = new SqsLanes(batch);

        assertEquals(List.of(List.of("m1"), List.of("m2"), List.of("m3")), ids(batch, lanes));
    }

    @Test
    void aFifoBatchIsOneLanePerGroupInBatchOrder() {
        List<InboundMessage> batch = List.of(fifo("a1", "A"), fifo("b1", "B"), fifo("a2", "A"), fifo("c1", "C"),
                fifo("b2", "B"), fifo("a3", "A"));

        SqsLanes lanes = new SqsLanes(batch);

        assertEquals(List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("c1")), ids(batch, lanes));
    }

    @Test
    void standardRecordsWithTheSameMessageIdStillGetALaneEach() {
        // SQS may deliver one message twice in a batch (at-least-once); each delivery is processed.
        List<InboundMessage> batch = List.of(standard("m1"), standard("m1"));

        assertEquals(2, new SqsLanes(batch).lanes().size());
    }

    @Test
    void aLaneIsProcessedInOrderAndStopsAtItsFirstFailure() {
        List<Integer> processed = new ArrayList<>();
        Map<Integer, String> ends = new LinkedHashMap<>();

        SqsLanes.processInOrder(List.of(0, 1, 2, 3), index -> {
            processed.add(index);
            return index == 1 ? "failed" : "ok";
        }, end -> end.equals("failed"), index -> "not processed", ends::put);

        assertEquals(List.of(0, 1), processed, "records after a failure in the group must not be processed");
        assertEquals(Map.of(0, "ok", 1, "failed", 2, "not processed", 3, "not processed"), ends);
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(ends.keySet()), "each end is reported in lane order");
    }

    @Test
    void aLaneWithoutFailureIsProcessedWhole() {
        Map<Integer, String> ends = new LinkedHashMap<>();

        SqsLanes.processInOrder(List.of(2, 5), index -> "ok" + index, end -> false, index -> "not processed", ends::put);

        assertEquals(Map.of(2, "ok2", 5, "ok5"), ends);
    }

    @Test
    void onceTheThreadIsInterruptedNoFurtherRecordIsProcessed() {
        Map<Integer, String> ends = new LinkedHashMap<>();

        SqsLanes.processInOrder(List.of(0, 1, 2), index -> {
            if (index == 0) {
                Thread.currentThread().interrupt(); // the batch ran out of time while record 0 was answered
            }
            return "ok";
        }, end -> false, index -> "not processed", ends::put);

        assertEquals(Map.of(0, "ok", 1, "not processed", 2, "not processed"), ends);
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is left for the caller to see");
    }

    @Test
    void aFailureInAFifoGroupFailsEveryLaterRecordOfThatGroupOnly() {
        List<InboundMessage> batch = List.of(fifo("a1", "A"), fifo("b1", "B"), fifo("a2", "A"), fifo("b2", "B"),
                fifo("a3", "A"));

        List<String> failures = new SqsLanes(batch).failedInBatchOrder(Set.of("a2"));

        assertEquals(List.of("a2", "a3"), failures);
    }

    @Test
    void recordsOfAGroupBeforeItsFailureAreNotRedelivered() {
        List<InboundMessage> batch = List.of(fifo("a1", "A"), fifo("a2", "A"), fifo("a3", "A"));

        assertEquals(List.of("a3"), new SqsLanes(batch).failedInBatchOrder(Set.of("a3")));
    }

    @Test
    void inAStandardQueueOnlyTheFailedRecordsAreRedelivered() {
        List<InboundMessage> batch = List.of(standard("m1"), standard("m2"), standard("m3"), standard("m4"));

        assertEquals(List.of("m2", "m4"), new SqsLanes(batch).failedInBatchOrder(Set.of("m4", "m2")));
    }

    @Test
    void batchItemFailuresAreInBatchOrderWhateverTheOrderTheyFailedIn() {
        List<InboundMessage> batch = List.of(standard("m1"), fifo("a1", "A"), standard("m2"), fifo("a2", "A"),
                standard("m3"));

        List<String> failures = new SqsLanes(batch).failedInBatchOrder(Set.of("m3", "a1", "m1"));

        assertEquals(List.of("m1", "a1", "a2", "m3"), failures);
    }

    @Test
    void aMessageIdDeliveredTwiceIsReportedOnce() {
        List<InboundMessage> batch = List.of(standard("m1"), standard("m2"), standard("m1"));

        assertEquals(List.of("m1"), new SqsLanes(batch).failedInBatchOrder(Set.of("m1")));
    }

    @Test
    void noFailureMeansNothingToRedeliver() {
        List<InboundMessage> batch = List.of(standard("m1"), fifo("a1", "A"));

        assertEquals(List.of(), new SqsLanes(batch).failedInBatchOrder(Set.of()));
    }

    private static List<List<String>> ids(List<InboundMessage> batch, SqsLanes lanes) {
        return lanes.lanes().stream().map(lane -> lane.stream().map(i -> batch.get(i).messageId()).toList()).toList();
    }

    private static InboundMessage standard(String id) {
        return new InboundMessage(id, "{\"input\":\"hi\",\"labels\":[\"a\",\"b\"]}", null);
    }

    private static InboundMessage fifo(String id, String group) {
        return new InboundMessage(id, "{\"input\":\"hi\",\"labels\":[\"a\",\"b\"]}", group);
    }
}
