package dev.nanoclassifier.request;

/** Whether a request accepts an answer from a fallback step when the primary model fails. */
public enum FallbackMode {
    /** The whole configured chain (default). */
    CHAIN,
    /** Only the primary model; its failure is the caller's error. */
    NONE;

    public static FallbackMode fromWire(String value) {
        return switch (value) {
            case "chain", "auto" -> CHAIN;
            case "none" -> NONE;
            default -> throw new InvalidRequestException("fallback", "must be \"none\" or \"chain\"");
        };
    }
}
