package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonReportTest {

    @Test
    void writesParseableJsonWithRatiosTargetsAndSkips() {
        Object o = Json.parse(JsonReport.write(ReportFixtures.report()));
        List<?> results = (List<?>) Json.path(o, "results");
        assertEquals(4, results.size());
        Object node = results.get(0);
        assertEquals(200.0, ((Number) Json.path(node, "initMs", "p50")).doubleValue());
        assertNull(Json.path(node, "ratioToNode"));
        Object jvm = results.get(2);
        assertEquals(4.5, ((Number) Json.path(jvm, "ratioToNode", "INIT")).doubleValue());
        assertEquals(List.of(1200L), Json.path(jvm, "coldTotalMs", "samples"));
        assertEquals("needs JDK 25+\nsecond line", Json.path(results.get(3), "skipped"));
        assertEquals("1.0 1.0 1.0", Json.path(o, "machine", "loadAvgAtStart"));
        List<?> targets = (List<?>) Json.path(o, "targets");
        assertEquals(Targets.FROM_ISSUES.size(), targets.size());
        Map<?, ?> first = (Map<?, ?>) targets.get(0);
        assertEquals("native", first.get("variant"));
        assertEquals("MET", first.get("status"));
    }
}
