package dev.nanoclassifier.sink;

import java.util.List;
import java.util.Set;

/** Where the results of SQS-triggered work go. */
public interface ResultSink {

    /** Writes the results; returns the source message ids whose result could not be written. */
    Set<String> publish(List<QueueResult> results);
}
