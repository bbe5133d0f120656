package dev.nanoclassifier.classifier.model;

import java.util.List;

/**
 * A checked answer: the labels, or the caller's candidate ids best first, and what was repaired on
 * the way (null when nothing was).
 */
public record ModelAnswer(List<String> values, String repaired) {

    public ModelAnswer {
        values = List.copyOf(values);
    }
}
