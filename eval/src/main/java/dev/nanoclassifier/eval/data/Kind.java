package dev.nanoclassifier.eval.data;

/** What a case asks for, which decides how its answer is scored. */
public enum Kind {
    /** One label expected; correct when the answer's {@code label} is it. */
    CLASSIFY,
    /** A set of labels expected; correct when the answer's {@code labels} are exactly that set. */
    MULTI_LABEL,
    /** Relevant candidate ids, most relevant first; correct when the top-ranked id is the first of them. */
    RANK
}
