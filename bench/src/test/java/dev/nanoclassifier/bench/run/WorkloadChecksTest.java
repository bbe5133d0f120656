package dev.nanoclassifier.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nanoclassifier.bench.lambda.Invocation;

/** The benchmark's answer checks: what counts as a failed invocation in the results table. */
class WorkloadChecksTest {

    private static Invocation ok(String body) {
        return new Invocation("r1", "t1", false, null, body, 1.0);
    }

    @Test
    void aLabelThatIsNotDegradedIsGood() {
        assertNull(Workload.checkDirect(ok("{\"label\":\"billing\",\"degraded\":false}"), false));
    }

    @Test
    void aRankingMustNotBeEmpty() {
        assertNull(Workload.checkDirect(ok("{\"ranking\":[{\"id\":\"a\"}]}"), true));
        assertTrue(Workload.checkDirect(ok("{\"ranking\":[]}"), true).startsWith("no \"ranking\""));
    }

    @Test
    void errorsNonJsonAndDegradedAnswersAreFailures() {
        Invocation error = new Invocation("r1", "t1", true, "Runtime.Error", "{\"errorMessage\":\"x\"}", 1.0);
        assertTrue(Workload.checkDirect(error, false).startsWith("function error Runtime.Error"));
        assertTrue(Workload.checkBatch(error).startsWith("function error Runtime.Error"));
        assertTrue(Workload.checkDirect(ok("not json"), false).startsWith("response is not JSON"));
        assertTrue(Workload.checkBatch(ok("not json")).startsWith("response is not JSON"));
        assertTrue(Workload.checkDirect(ok("[1]"), false).startsWith("response is not a JSON object"));
        assertTrue(Workload.checkDirect(ok("{\"label\":\"billing\",\"degraded\":true}"), false).startsWith("degraded response"));
    }

    @Test
    void aBatchIsGoodOnlyWithNoItemFailures() {
        assertNull(Workload.checkBatch(ok("{\"batchItemFailures\":[]}")));
        assertEquals("2 batchItemFailures",
                Workload.checkBatch(ok("{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"b\"}]}")));
        assertTrue(Workload.checkBatch(ok("{}")).startsWith("no \"batchItemFailures\""));
    }
}
