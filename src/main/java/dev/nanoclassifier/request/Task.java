package dev.nanoclassifier.request;

import java.util.Locale;

/** What a request asks for. */
public enum Task {
    CLASSIFY,
    RANK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Task fromWire(String value) {
        for (Task task : values()) {
            if (task.wireName().equals(value)) {
                return task;
            }
        }
        throw new InvalidRequestException("task", "must be \"classify\" or \"rank\"");
    }
}
