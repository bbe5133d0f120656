package dev.nanoclassifier.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation / SAM YAML templates with SnakeYAML.
 * <p>
 * CloudFormation's short-form intrinsic functions ({@code !Ref X}, {@code !GetAtt A.B}, {@code !If [...]}, ...)
 * are local YAML tags that a plain {@link SafeConstructor} rejects. They are turned into their long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::If": [...]}}, ...), so a template
 * reads the same whichever form it uses.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of(
            "GetAtt", "Sub", "If", "Equals", "Not", "And", "Or", "FindInMap", "Join", "Select", "Split",
            "GetAZs", "ImportValue", "Base64");

    private CloudFormationYaml() {
    }

    /** Parses the template at {@code path} into plain maps, lists and scalars. */
    static Map<String, Object> load(Path path) throws IOException {
        Yaml yaml = new Yaml(new CloudFormationConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object document = yaml.load(reader);
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException(path + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> template = (Map<String, Object>) document;
            return template;
        }
    }

    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new IntrinsicFunction("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new IntrinsicFunction("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new IntrinsicFunction("Fn::" + function));
            }
        }

        /** Builds {@code {key: argument}} from a tagged scalar, sequence or mapping node. */
        private final class IntrinsicFunction extends AbstractConstruct {

            private final String key;

            IntrinsicFunction(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        argument = splitGetAtt((String) argument);
                    }
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    argument = constructMapping(mapping);
                } else {
                    throw new IllegalArgumentException("Unsupported node for " + key + ": " + node);
                }
                return Collections.singletonMap(key, argument);
            }

            /** {@code !GetAtt Resource.Attribute} is the short form of {@code ["Resource", "Attribute"]}. */
            private List<String> splitGetAtt(String argument) {
                int dot = argument.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + argument);
                }
                return List.of(argument.substring(0, dot), argument.substring(dot + 1));
            }
        }
    }
}
