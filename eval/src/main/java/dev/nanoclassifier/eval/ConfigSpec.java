package dev.nanoclassifier.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.nanoclassifier.eval.data.Fingerprint;

/**
 * One configuration to evaluate: a name and either the environment settings of the packaged
 * function ({@code --config name:KEY=VALUE,KEY=VALUE}) or a deployed function's URL
 * ({@code --url [name=]URL}).
 *
 * <p>The name {@code fake} with no settings, or {@code OPENAI_BASE_URL=fake}, points the function at
 * the benchmark's fake OpenAI-compatible model (it always answers the first allowed label).
 */
public record ConfigSpec(String name, Map<String, String> env, String url) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-\\[\\]\"]*");
    private static final Pattern SECRET = Pattern.compile("(?i).*(KEY|SECRET|TOKEN|PASSWORD|AUTH).*");

    public static final String FAKE = "fake";

    /** Parses {@code name:K=V,K=V} (or just {@code name}). */
    public static ConfigSpec parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--config " + text + ": the name must be 1-40 letters, digits, '.', '_' or '-'");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (colon >= 0 && colon < text.length() - 1) {
            for (String pair : text.substring(colon + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--config " + name + ": \"" + pair + "\" is not KEY=VALUE");
                }
                String key = pair.substring(0, eq).trim();
                if (!ENV_NAME.matcher(key).matches()) {
                    throw new IllegalArgumentException("--config " + name + ": \"" + key + "\" is not an environment variable name");
                }
                env.put(key, pair.substring(eq + 1));
            }
        }
        return new ConfigSpec(name, env, null);
    }

    /** Parses {@code [name=]URL}; without a name the configuration is called {@code url} (or url2, ...). */
    public static ConfigSpec parseUrl(String text, int index) {
        int eq = text.indexOf('=');
        String name = index == 0 ? "url" : "url" + (index + 1);
        String url = text;
        if (eq > 0 && !text.substring(0, eq).contains("/") && !text.substring(0, eq).contains(":")) {
            name = text.substring(0, eq);
            url = text.substring(eq + 1);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("--url " + text + ": expected an http:// or https:// URL");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--url " + text + ": the name must be 1-40 letters, digits, '.', '_' or '-'");
        }
        return new ConfigSpec(name, Map.of(), url.replaceAll("/+$", ""));
    }

    /** Uses the benchmark's fake model instead of a real endpoint. */
    public boolean fakeModel() {
        return FAKE.equalsIgnoreCase(env.getOrDefault("OPENAI_BASE_URL", ""))
                || (url == null && FAKE.equals(name) && !env.containsKey("OPENAI_BASE_URL"));
    }

    /** The settings with secret values masked, for outputs and logs. */
    public Map<String, String> maskedEnv() {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, SECRET.matcher(k).matches() && !v.isEmpty() ? "***" : v));
        return out;
    }

    /** How the configuration is run, for people: never contains a secret. */
    public String describe() {
        if (url != null) {
            return "deployed function at " + url;
        }
        StringBuilder sb = new StringBuilder("packaged function");
        if (fakeModel()) {
            sb.append(" + fake model");
        }
        Map<String, String> masked = maskedEnv();
        if (!masked.isEmpty()) {
            sb.append(": ");
            masked.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** Identity of the configuration for resuming: a hash, so that a key never lands in the output. */
    public String fingerprint() {
        return Fingerprint.of(name + "\n" + url + "\n" + env);
    }
}
