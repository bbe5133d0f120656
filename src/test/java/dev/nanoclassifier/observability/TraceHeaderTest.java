package dev.nanoclassifier.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Trace headers as Lambda passes them (X-Ray developer guide, "Tracing header"). */
class TraceHeaderTest {

    @Test
    void readsRootParentAndSampledInAnyOrder() {
        TraceHeader header = TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        TraceHeader reordered = TraceHeader.parse("Sampled=1;Lineage=a87bd80c:1|68fd508a:5;Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793");

        assertEquals(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true), header);
        assertEquals(header, reordered);
        assertTrue(header.recordable());
    }

    @Test
    void anUnsampledOrParentlessTraceIsNotRecorded() {
        assertFalse(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0").recordable());
        TraceHeader noParent = TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        assertNull(noParent.parent());
        assertFalse(noParent.recordable());
    }

    @Test
    void somethingThatIsNotATraceHeaderIsNoTrace() {
        assertNull(TraceHeader.parse(null));
        assertNull(TraceHeader.parse(""));
        assertNull(TraceHeader.parse("3f1c5bba-5c3e-4e4e-8f5e-2c6a1f4f9f10"), "the mock event server's random UUID");
        assertNull(TraceHeader.parse("Root=1-xyz;Parent=53995c3f42cd8ad8;Sampled=1"));
    }
}
