package dev.nanoclassifier.classifier.prompt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The short names the model sees for rank candidates: {@code "1"} to {@code "N"} in the caller's
 * order. The caller's ids never reach the model, so their length costs neither prompt nor answer
 * tokens, nor schema characters; the answer is mapped back to them here.
 */
public final class CandidateHandles {

    private final List<String> ids;
    private final List<String> handles;
    private final Map<String, String> idByHandle;

    private CandidateHandles(List<String> ids) {
        this.ids = List.copyOf(ids);
        List<String> names = new ArrayList<>(ids.size());
        Map<String, String> byHandle = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            String handle = Integer.toString(i + 1);
            names.add(handle);
            byHandle.put(handle, ids.get(i));
        }
        this.handles = List.copyOf(names);
        this.idByHandle = Map.copyOf(byHandle);
    }

    /** Handles for the candidates with these ids, in this order. */
    public static CandidateHandles of(List<String> candidateIds) {
        return new CandidateHandles(candidateIds);
    }

    /** {@code "1"} to {@code "N"}. */
    public List<String> handles() {
        return handles;
    }

    /** The handle of the candidate at {@code index} (0-based). */
    public String handle(int index) {
        return handles.get(index);
    }

    /** The caller's id behind {@code handle}, or null when it names no candidate. */
    public String idOf(String handle) {
        return idByHandle.get(handle);
    }

    public int size() {
        return ids.size();
    }
}
