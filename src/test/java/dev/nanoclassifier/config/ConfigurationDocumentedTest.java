package dev.nanoclassifier.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The README's configuration table cannot drift from {@link ClassifierConfig}: every property is in
 * it under the environment name a user sets (the alias from application.properties where one exists,
 * e.g. {@code OPENAI_BASE_URL}), with its default; and every {@code classifier.*} key the Javadoc of
 * the mapping cites exists.
 */
class ConfigurationDocumentedTest {

    /** How the README writes the key of each map of the mapping. */
    private static final Map<String, String> MAP_KEYS = Map.of("prices", "model", "tiers", "tier");

    /** One property of the mapping: its key, the name a user sets, its default (null when none). */
    record Property(String key, String documentedName, String defaultValue) {
    }

    @Test
    void everyPropertyIsInTheReadmeTableWithItsEnvironmentNameAndDefault() throws IOException {
        List<String> rows = configurationTableRows();
        List<String> problems = new ArrayList<>();

        for (Property property : properties()) {
            String name = "`" + property.documentedName() + "`";
            Optional<String> row = rows.stream().filter(r -> firstCell(r).contains(name)).findFirst();
            if (row.isEmpty()) {
                problems.add(property.documentedName() + " (" + property.key() + ") is not in the table");
            } else if (property.defaultValue() != null && !row.get().contains("`" + property.defaultValue() + "`")) {
                problems.add(property.documentedName() + ": its row does not show the default `"
                        + property.defaultValue() + "`");
            }
        }

        assertTrue(problems.isEmpty(), "README configuration table:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyKeyTheJavadocCitesExists() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/nanoclassifier/config/ClassifierConfig.java"),
                StandardCharsets.UTF_8);
        Set<String> known = new TreeSet<>();
        for (Property property : properties()) {
            known.add(property.key());
        }
        List<String> unknown = new ArrayList<>();
        Matcher cited = Pattern.compile("\\bclassifier(\\.[a-z0-9\"<>\\[\\]-]+)+").matcher(source);
        while (cited.find()) {
            String key = cited.group().replaceAll("\\.$", "");
            boolean exists = known.stream().flatMap(k -> prefixes(k).stream())
                    .anyMatch(k -> asPattern(k).matcher(key).matches());
            if (!exists) {
                unknown.add(key);
            }
        }
        assertTrue(unknown.isEmpty(), "ClassifierConfig's Javadoc cites keys that do not exist: " + unknown);
    }

    /** The key and each of its groups: {@code classifier.timeouts.call}, {@code classifier.timeouts}, ... */
    private static List<String> prefixes(String key) {
        List<String> prefixes = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            quoted ^= c == '"';
            if (c == '.' && !quoted) {
                prefixes.add(key.substring(0, i));
            }
        }
        prefixes.add(key);
        return prefixes;
    }

    /**
     * A known key as a pattern that a cited key matches however it writes map keys and list indexes:
     * {@code "<model>"} stands for {@code "gpt-5.4-nano"} or {@code flex}, {@code [0]} for {@code [n]}.
     */
    private static Pattern asPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (String part : key.split("(?=\\.\"<)|(?<=>\")|(?=\\[)|(?<=\\])")) {
            if (part.startsWith(".\"<")) {
                regex.append("\\.(\"[^\"]*\"|[^.\"]+)");
            } else if (part.startsWith("[")) {
                regex.append("\\[[^\\]]*\\]");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(regex.toString());
    }

    static List<Property> properties() throws IOException {
        Map<String, String> aliases = environmentAliases();
        List<Property> properties = new ArrayList<>();
        String prefix = ClassifierConfig.class.getAnnotation(ConfigMapping.class).prefix();
        walk(ClassifierConfig.class, prefix, aliases, properties);
        return properties;
    }

    private static void walk(Class<?> group, String prefix, Map<String, String> aliases, List<Property> out) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || java.lang.reflect.Modifier.isStatic(
                    method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String key = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Type type = method.getGenericReturnType();
            Class<?> raw = method.getReturnType();
            if ((raw == List.class || raw == Map.class || raw == Optional.class)
                    && type instanceof ParameterizedType parameterized) {
                Type[] arguments = parameterized.getActualTypeArguments();
                Type element = arguments[arguments.length - 1];
                if (element instanceof Class<?> elementClass && isGroup(elementClass)) {
                    String mapKey = ".\"<" + MAP_KEYS.getOrDefault(method.getName(), "key") + ">\"";
                    String child = raw == List.class ? key + "[0]" : raw == Map.class ? key + mapKey : key;
                    walk(elementClass, child, aliases, out);
                    continue;
                }
            }
            if (isGroup(raw)) {
                walk(raw, key, aliases, out);
                continue;
            }
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            String documented = aliases.getOrDefault(key, key.contains("\"") ? key : environmentName(key));
            out.add(new Property(key, documented, withDefault == null ? null : withDefault.value()));
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith(ClassifierConfig.class.getName());
    }

    /** SmallRye's environment name: every character that is not a letter or digit becomes {@code _}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code classifier.openai.base-url=${OPENAI_BASE_URL:...}}: the key is documented as OPENAI_BASE_URL. */
    private static Map<String, String> environmentAliases() throws IOException {
        Map<String, String> aliases = new HashMap<>();
        Pattern alias = Pattern.compile("^(classifier\\.[^=\\s]+)\\s*=\\s*\\$\\{([A-Z0-9_]+)(:[^}]*)?}\\s*$");
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            Matcher matcher = alias.matcher(line.trim());
            if (matcher.matches()) {
                aliases.put(matcher.group(1), matcher.group(2));
            }
        }
        return aliases;
    }

    /** The table rows of the README section "## Configuration" (up to the next "## " heading). */
    private static List<String> configurationTableRows() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.trim().equals("## Configuration");
                continue;
            }
            if (inSection && line.startsWith("|")) {
                rows.add(line);
            }
        }
        assertTrue(rows.size() > 2, "README.md has a \"## Configuration\" section with a table");
        return rows;
    }

    private static String firstCell(String row) {
        String[] cells = row.split("(?<!\\\\)\\|");
        return cells.length > 1 ? cells[1] : row;
    }
}
