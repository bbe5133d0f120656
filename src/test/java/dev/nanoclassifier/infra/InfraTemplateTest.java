package dev.nanoclassifier.infra;

import static dev.nanoclassifier.infra.CloudFormationTemplate.getAtt;
import static dev.nanoclassifier.infra.CloudFormationTemplate.list;
import static dev.nanoclassifier.infra.CloudFormationTemplate.map;
import static dev.nanoclassifier.infra.CloudFormationTemplate.oneOrMany;
import static dev.nanoclassifier.infra.CloudFormationTemplate.ref;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the SAM templates in {@code infra/} (native and JVM variants) for the properties the function relies
 * on at runtime and for the safety rules of the deployment: partial batch responses, a dead-letter queue,
 * visibility timeout vs. function timeout, authenticated routes, no plain-text API key, least-privilege IAM.
 * Plain JUnit, no Quarkus: the templates are read from the project directory (Maven's working directory).
 */
class InfraTemplateTest {

    private static final String NATIVE = "infra/template.yaml";
    private static final String JVM = "infra/template-jvm.yaml";

    private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String SQS_QUEUE = "AWS::SQS::Queue";
    private static final Set<Object> XRAY_WRITE_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    // ------------------------------------------------------------------ SQS input, DLQ, results

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void sqsEventReportsBatchItemFailures(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act
        Map<String, Object> sqsEvent = onlySqsEvent(template);

        // Assert
        List<Object> responseTypes = list(sqsEvent.getOrDefault("FunctionResponseTypes", List.of()));
        assertTrue(responseTypes.contains("ReportBatchItemFailures"),
                "the handler returns batchItemFailures; without ReportBatchItemFailures Lambda ignores them and"
                        + " deletes or retries the whole batch");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void sqsEventSourceIsBoundedByBatchSizeAndMaximumConcurrency(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act
        Map<String, Object> sqsEvent = onlySqsEvent(template);
        Map<String, Object> scaling = map(sqsEvent.get("ScalingConfig"));

        // Assert
        assertAll(
                () -> assertEquals(ref("BatchSize"), sqsEvent.get("BatchSize")),
                () -> assertEquals(10, template.parameter("BatchSize").get("Default")),
                () -> assertEquals(ref("MaxConcurrency"), scaling.get("MaximumConcurrency")),
                () -> assertEquals(5, template.parameter("MaxConcurrency").get("Default")),
                () -> assertEquals(2, template.parameter("MaxConcurrency").get("MinValue"),
                        "SQS MaximumConcurrency must be at least 2"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void inputQueueRedrivesToDeadLetterQueue(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String inputQueue = inputQueueOf(template);

        // Act
        Map<String, Object> redrivePolicy = redrivePolicyOf(template);
        String deadLetterQueue = resourceOfGetAtt(redrivePolicy.get("deadLetterTargetArn"), "Arn");

        // Assert
        assertAll(
                () -> assertEquals(SQS_QUEUE, template.typeOf(deadLetterQueue)),
                () -> assertNotEquals(inputQueue, deadLetterQueue),
                () -> assertEquals(ref("MaxReceiveCount"), redrivePolicy.get("maxReceiveCount")),
                () -> assertEquals(5, template.parameter("MaxReceiveCount").get("Default")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void inputQueueVisibilityTimeoutIsAtLeastSixTimesEveryAllowedFunctionTimeout(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String function = template.onlyResourceOfType(SERVERLESS_FUNCTION);
        Map<String, Object> timeoutParameter = template.parameter("FunctionTimeout");
        List<Object> allowedTimeouts = list(timeoutParameter.get("AllowedValues"));

        // Act
        List<Object> findInMap = list(map(template.properties(inputQueueOf(template)).get("VisibilityTimeout"))
                .get("Fn::FindInMap"));
        Map<String, Object> mapping = map(template.mappings().get(findInMap.get(0)));

        // Assert
        assertEquals(ref("FunctionTimeout"), template.properties(function).get("Timeout"));
        assertEquals(ref("FunctionTimeout"), findInMap.get(1), "the mapping must be keyed by the function timeout");
        assertEquals(30, timeoutParameter.get("Default"));
        assertTrue(allowedTimeouts.contains(timeoutParameter.get("Default")));
        for (Object timeout : allowedTimeouts) {
            Object row = mapping.get(String.valueOf(timeout));
            assertTrue(row != null, "no visibility timeout for FunctionTimeout " + timeout);
            int visibility = ((Number) map(row).get(findInMap.get(2))).intValue();
            int seconds = ((Number) timeout).intValue();
            assertTrue(visibility >= 6 * seconds,
                    "visibility " + visibility + " s is less than 6x the function timeout " + seconds + " s");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void resultsQueueUrlIsPassedToTheFunctionWhichMaySendOnlyThere(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String inputQueue = inputQueueOf(template);
        String deadLetterQueue = deadLetterQueueOf(template);

        // Act
        String resultsQueue = resourceOfRef(template.functionEnvironment().get("CLASSIFIER_RESULT_QUEUE_URL"));
        List<Object> sendResources = template.policyStatements().stream()
                .filter(statement -> oneOrMany(statement.get("Action")).contains("sqs:SendMessage"))
                .flatMap(statement -> oneOrMany(statement.get("Resource")).stream())
                .collect(Collectors.toList());

        // Assert
        assertAll(
                () -> assertEquals(SQS_QUEUE, template.typeOf(resultsQueue)),
                () -> assertNotEquals(inputQueue, resultsQueue),
                () -> assertNotEquals(deadLetterQueue, resultsQueue),
                () -> assertEquals(List.of(getAtt(resultsQueue, "Arn")), sendResources));
    }

    // ------------------------------------------------------------------ HTTP API

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void httpApiServesClassifyRankAndHealth(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String httpApi = template.onlyResourceOfType("AWS::Serverless::HttpApi");

        // Act
        Map<String, Map<String, Object>> events = template.functionEventsOfType("HttpApi");
        Set<String> routes = events.values().stream()
                .map(event -> event.get("Method") + " " + event.get("Path"))
                .collect(Collectors.toCollection(TreeSet::new));

        // Assert
        assertTrue(routes.containsAll(Set.of("POST /classify", "POST /rank", "GET /health")), "routes: " + routes);
        events.values().forEach(event -> assertEquals(ref(httpApi), event.get("ApiId")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void apiAuthDefaultsToIamAndHasNoOpenOption(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act
        Map<String, Object> apiAuth = template.parameter("ApiAuth");

        // Assert
        assertEquals("IAM", apiAuth.get("Default"));
        assertEquals(Set.of("IAM", "JWT"), Set.copyOf(list(apiAuth.get("AllowedValues"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void everyRouteRequiresSigV4WhenApiAuthIsIam(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path).resolvedFor(Map.of("ApiAuth", "IAM"));

        // Act
        List<Map<String, Object>> schemes = securitySchemesOfEveryRoute(template);

        // Assert
        assertFalse(schemes.isEmpty());
        schemes.forEach(scheme -> assertEquals("awsSigv4", scheme.get("x-amazon-apigateway-authtype"),
                "IAM auth must use the SigV4 scheme: " + scheme));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void everyRouteRequiresAJwtFromTheConfiguredIssuerWhenApiAuthIsJwt(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path).resolvedFor(Map.of(
                "ApiAuth", "JWT",
                "JwtIssuer", "https://issuer.example.com",
                "JwtAudience", "nano-classifier"));

        // Act
        List<Map<String, Object>> schemes = securitySchemesOfEveryRoute(template);

        // Assert
        assertFalse(schemes.isEmpty());
        for (Map<String, Object> scheme : schemes) {
            Map<String, Object> authorizer = map(scheme.get("x-amazon-apigateway-authorizer"));
            Map<String, Object> jwt = map(authorizer.get("jwtConfiguration"));
            assertAll(
                    () -> assertEquals("jwt", authorizer.get("type")),
                    () -> assertEquals(ref("JwtIssuer"), jwt.get("issuer")),
                    () -> assertEquals(List.of(ref("JwtAudience")), jwt.get("audience")));
        }
    }

    // ------------------------------------------------------------------ API key and IAM

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void apiKeyIsNeverAPlainTextParameter(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        // A parameter *holding* a key/secret/token would be named after it (OpenAiApiKey, ApiToken, ...);
        // parameters that *locate* one end in Arn, Name or Source.
        Pattern keyLikeName = Pattern.compile("(?i).*(key|secret|token|password|credentials?)$");
        Pattern keyLikeValue = Pattern.compile("^(sk|pk|rk)[-_][A-Za-z0-9_-]{8,}$|^[A-Za-z0-9_-]{32,}$");

        // Act
        Map<String, Object> parameters = template.parameters();

        // Assert
        parameters.forEach((name, parameter) -> {
            assertFalse(keyLikeName.matcher(name).matches(), "parameter " + name + " looks like a plain-text secret");
            Object defaultValue = map(parameter).get("Default");
            if (defaultValue != null) {
                assertFalse(keyLikeValue.matcher(String.valueOf(defaultValue)).find(),
                        "default of " + name + " looks like an API key");
            }
        });
        assertFalse(template.functionEnvironment().containsKey("OPENAI_API_KEY"),
                "the key must be read from Secrets Manager or Parameter Store, not an environment variable");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void secretsManagerSourcePassesAndGrantsOnlyTheSecret(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path).resolvedFor(Map.of(
                "ApiKeySource", "SecretsManager",
                "ApiKeySecretArn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:nano-classifier/openai-AbCdEf"));

        // Act
        Map<String, Object> environment = template.functionEnvironment();
        List<Map<String, Object>> statements = template.policyStatements();

        // Assert
        assertAll(
                () -> assertEquals(ref("ApiKeySecretArn"), environment.get("OPENAI_API_KEY_SECRET_ARN")),
                () -> assertFalse(environment.containsKey("OPENAI_API_KEY_PARAMETER")),
                () -> assertEquals(List.of(ref("ApiKeySecretArn")),
                        resourcesAllowing(statements, "secretsmanager:GetSecretValue")),
                () -> assertEquals(List.of(), resourcesAllowing(statements, "ssm:GetParameter")),
                () -> assertEquals(List.of(), resourcesAllowing(statements, "kms:Decrypt")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void parameterStoreSourcePassesAndGrantsOnlyTheParameter(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path).resolvedFor(Map.of(
                "ApiKeySource", "ParameterStore",
                "ApiKeyParameterName", "/nano-classifier/openai-api-key"));

        // Act
        Map<String, Object> environment = template.functionEnvironment();
        List<Map<String, Object>> statements = template.policyStatements();
        List<Object> parameterResources = resourcesAllowing(statements, "ssm:GetParameter");
        List<Map<String, Object>> decryptStatements = statementsAllowing(statements, "kms:Decrypt");

        // Assert
        assertEquals(ref("ApiKeyParameterName"), environment.get("OPENAI_API_KEY_PARAMETER"));
        assertFalse(environment.containsKey("OPENAI_API_KEY_SECRET_ARN"));
        assertEquals(List.of(), resourcesAllowing(statements, "secretsmanager:GetSecretValue"));
        assertEquals(1, parameterResources.size(), "ssm:GetParameter on " + parameterResources);
        String parameterArn = String.valueOf(map(parameterResources.get(0)).get("Fn::Sub"));
        assertTrue(parameterArn.startsWith("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:"),
                parameterArn);
        assertTrue(parameterArn.endsWith(":parameter${ApiKeyParameterName}"), parameterArn);
        assertEquals(1, decryptStatements.size(), "kms:Decrypt statements: " + decryptStatements);
        Map<String, Object> stringEquals = map(map(decryptStatements.get(0).get("Condition")).get("StringEquals"));
        assertEquals(Map.of("Fn::Sub", "ssm.${AWS::Region}.amazonaws.com"), stringEquals.get("kms:ViaService"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void iamStatementsNeverUseWildcardActionsOrResources(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act
        List<Map<String, Object>> statements = template.policyStatements();

        // Assert
        assertFalse(statements.isEmpty());
        for (Map<String, Object> statement : statements) {
            for (Object action : oneOrMany(statement.get("Action"))) {
                assertFalse(String.valueOf(action).contains("*"), "wildcard action in " + statement);
            }
            if (XRAY_WRITE_ACTIONS.containsAll(oneOrMany(statement.get("Action")))) {
                continue; // X-Ray has no resource-level permissions for its write actions: "*" is the only Resource
            }
            for (Object resource : oneOrMany(statement.getOrDefault("Resource", List.of()))) {
                assertNotEquals("*", resource, "Resource '*' in " + statement);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void functionUsesItsOwnRoleWithoutBroadManagedPolicies(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String function = template.onlyResourceOfType(SERVERLESS_FUNCTION);

        // Act
        String role = resourceOfGetAtt(template.properties(function).get("Role"), "Arn");

        // Assert: a SAM-generated role would get AWSLambdaSQSQueueExecutionRole (sqs:ReceiveMessage on "*")
        // for the SQS event; the explicit role grants polling on the input queue only.
        assertEquals("AWS::IAM::Role", template.typeOf(role));
        assertFalse(template.properties(role).containsKey("ManagedPolicyArns"));
        assertFalse(template.properties(function).containsKey("Policies"), "Policies are ignored when Role is set");
        List<Object> pollResources = resourcesAllowing(template.policyStatements(), "sqs:ReceiveMessage");
        assertEquals(List.of(getAtt(inputQueueOf(template), "Arn")), pollResources);
    }

    // ------------------------------------------------------------------ alarms, logs, outputs

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void alarmsWatchTheDeadLetterQueueAndFunctionErrors(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String function = template.onlyResourceOfType(SERVERLESS_FUNCTION);
        String deadLetterQueue = deadLetterQueueOf(template);

        // Act
        List<Map<String, Object>> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties)
                .collect(Collectors.toList());

        // Assert
        assertTrue(alarms.stream().anyMatch(alarm -> "AWS/SQS".equals(alarm.get("Namespace"))
                        && "ApproximateNumberOfMessagesVisible".equals(alarm.get("MetricName"))
                        && dimension(alarm, "QueueName").equals(getAtt(deadLetterQueue, "QueueName"))
                        && firesOnFirstMessage(alarm)),
                "no alarm on messages in the dead-letter queue " + deadLetterQueue);
        assertTrue(alarms.stream().anyMatch(alarm -> "AWS/Lambda".equals(alarm.get("Namespace"))
                        && "Errors".equals(alarm.get("MetricName"))
                        && dimension(alarm, "FunctionName").equals(ref(function))
                        && firesOnFirstMessage(alarm)),
                "no alarm on function errors");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void alarmsNotifyTheTopicOnlyWhenOneIsGiven(String path) throws IOException {
        // Arrange
        CloudFormationTemplate base = CloudFormationTemplate.load(path);

        // Act
        CloudFormationTemplate withoutTopic = base.resolvedFor(Map.of("AlarmTopicArn", ""));
        CloudFormationTemplate withTopic = base.resolvedFor(
                Map.of("AlarmTopicArn", "arn:aws:sns:eu-west-1:123456789012:ops"));

        // Assert
        assertEquals("", base.parameter("AlarmTopicArn").get("Default"));
        for (String alarm : base.resourcesOfType("AWS::CloudWatch::Alarm")) {
            assertFalse(withoutTopic.properties(alarm).containsKey("AlarmActions"), alarm);
            assertEquals(List.of(ref("AlarmTopicArn")), withTopic.properties(alarm).get("AlarmActions"), alarm);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void functionLogsToAGroupWithRetention(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        String function = template.onlyResourceOfType(SERVERLESS_FUNCTION);

        // Act
        Object logGroupRef = map(template.properties(function).get("LoggingConfig")).get("LogGroup");
        String logGroup = resourceOfRef(logGroupRef);

        // Assert
        assertEquals("AWS::Logs::LogGroup", template.typeOf(logGroup));
        assertEquals(ref("LogRetentionInDays"), template.properties(logGroup).get("RetentionInDays"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void deadLetterQueueAndLogGroupOutliveTheStackByDefault(String path) throws IOException {
        // Arrange
        CloudFormationTemplate base = CloudFormationTemplate.load(path);
        CloudFormationTemplate template = base.resolvedFor(Map.of());

        // Act
        List<String> kept = List.of(deadLetterQueueOf(template), logGroupOf(template));

        // Assert: deleting the stack (or an update that replaces them) must not delete failed messages or logs.
        assertEquals("true", base.parameter("RetainOnDelete").get("Default"));
        List<Object> transforms = list(base.root("Transform"));
        assertTrue(transforms.contains("AWS::LanguageExtensions")
                        && transforms.indexOf("AWS::LanguageExtensions") < transforms.indexOf("AWS::Serverless-2016-10-31"),
                "an intrinsic function in DeletionPolicy needs AWS::LanguageExtensions, before the SAM transform: "
                        + transforms);
        for (String resource : kept) {
            assertAll(resource,
                    () -> assertEquals("Retain", template.resource(resource).get("DeletionPolicy")),
                    () -> assertEquals("Retain", template.resource(resource).get("UpdateReplacePolicy")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void deadLetterQueueAndLogGroupAreDeletedWithTheStackWhenRetainOnDeleteIsFalse(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path).resolvedFor(Map.of("RetainOnDelete", "false"));

        // Act
        List<String> deleted = List.of(deadLetterQueueOf(template), logGroupOf(template));

        // Assert
        for (String resource : deleted) {
            assertAll(resource,
                    () -> assertEquals("Delete", template.resource(resource).get("DeletionPolicy")),
                    () -> assertEquals("Delete", template.resource(resource).get("UpdateReplacePolicy")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void functionIsConfiguredForTheModelEndpoint(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act
        Map<String, Object> environment = template.functionEnvironment();

        // Assert
        assertAll(
                () -> assertEquals(ref("OpenAiBaseUrl"), environment.get("OPENAI_BASE_URL")),
                () -> assertEquals("https://api.openai.com/v1", template.parameter("OpenAiBaseUrl").get("Default")),
                () -> assertEquals(ref("ClassifierModel"), environment.get("CLASSIFIER_MODEL")),
                () -> assertEquals("gpt-5.4-nano", template.parameter("ClassifierModel").get("Default")),
                () -> assertEquals(ref("BatchConcurrency"), environment.get("CLASSIFIER_BATCH_CONCURRENCY")),
                () -> assertEquals(10, template.parameter("BatchConcurrency").get("Default")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void outputsNameEverythingNeededToUseTheStack(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act
        Set<String> outputs = template.outputs().keySet();

        // Assert
        assertTrue(outputs.containsAll(Set.of(
                "ApiUrl", "InputQueueUrl", "ResultsQueueUrl", "DeadLetterQueueUrl", "FunctionName")),
                "outputs: " + outputs);
    }

    // ------------------------------------------------------------------ tracing

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void tracingParameterSwitchesTheFunctionBetweenActiveAndPassThrough(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);
        Map<String, Object> tracing = template.parameter("Tracing");

        // Act
        Object mode = template.properties(template.onlyResourceOfType(SERVERLESS_FUNCTION)).get("Tracing");

        // Assert: SAM turns Tracing into TracingConfig.Mode of the function.
        assertAll(
                () -> assertEquals(ref("Tracing"), mode),
                () -> assertEquals(Set.of("Active", "PassThrough"), Set.copyOf(list(tracing.get("AllowedValues")))),
                () -> assertEquals("PassThrough", tracing.get("Default"), "off unless asked for: X-Ray is billed per trace"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void activeTracingGrantsTheXRayWriteActionsAndPassThroughGrantsNone(String path) throws IOException {
        // Arrange
        CloudFormationTemplate base = CloudFormationTemplate.load(path);

        // Act
        CloudFormationTemplate active = base.resolvedFor(Map.of("Tracing", "Active"));
        CloudFormationTemplate passThrough = base.resolvedFor(Map.of("Tracing", "PassThrough"));

        // Assert: without these Lambda cannot upload the function's segments (what AWSXRayDaemonWriteAccess
        // would give, minus the sampling-rule reads Lambda does not need from the function's role).
        for (Object action : XRAY_WRITE_ACTIONS) {
            String role = resourceOfGetAtt(active.properties(active.onlyResourceOfType(SERVERLESS_FUNCTION)).get("Role"), "Arn");
            assertEquals("AWS::IAM::Role", active.typeOf(role));
            assertEquals(List.of("*"), resourcesAllowing(active.policyStatements(), (String) action), action + " when Active");
            assertEquals(List.of(), resourcesAllowing(passThrough.policyStatements(), (String) action), action + " when PassThrough");
        }
        assertTrue(passThrough.policyStatements().stream()
                .flatMap(statement -> oneOrMany(statement.get("Action")).stream())
                .noneMatch(action -> String.valueOf(action).startsWith("xray:")), "no X-Ray permission when PassThrough");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NATIVE, JVM})
    void everyApiThatXRayCanTraceFollowsTheTracingParameter(String path) throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(path);

        // Act: X-Ray traces REST APIs (AWS::Serverless::Api, TracingEnabled) but not HTTP APIs.
        List<String> restApis = template.resourcesOfType("AWS::Serverless::Api");
        List<String> httpApis = template.resourcesOfType("AWS::Serverless::HttpApi");

        // Assert
        assertFalse(httpApis.isEmpty());
        for (String httpApi : httpApis) {
            assertFalse(template.properties(httpApi).containsKey("TracingEnabled"), "HTTP APIs have no X-Ray tracing");
        }
        for (String restApi : restApis) {
            assertEquals(Map.of("Fn::If", List.of("TracingActive", true, false)),
                    template.properties(restApi).get("TracingEnabled"), restApi + " must follow Tracing");
        }
    }

    // ------------------------------------------------------------------ variant specifics

    @Test
    void nativeTemplateRunsTheBootstrapBinaryOnProvidedAl2023() throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(NATIVE);
        Map<String, Object> function = template.properties(template.onlyResourceOfType(SERVERLESS_FUNCTION));

        // Act
        Map<String, Object> architecture = template.parameter("Architecture");

        // Assert
        assertAll(
                () -> assertEquals("provided.al2023", function.get("Runtime")),
                () -> assertEquals("../target/function.zip", function.get("CodeUri")),
                () -> assertEquals("true", template.functionEnvironment().get("DISABLE_SIGNAL_HANDLERS")),
                () -> assertEquals(List.of(ref("Architecture")), function.get("Architectures")),
                () -> assertEquals(Set.of("arm64", "x86_64"), Set.copyOf(list(architecture.get("AllowedValues")))),
                () -> assertEquals("x86_64", architecture.get("Default")));
    }

    @Test
    void jvmTemplateUsesTheQuarkusHandlerWithSnapStart() throws IOException {
        // Arrange
        CloudFormationTemplate template = CloudFormationTemplate.load(JVM);

        // Act
        Map<String, Object> function = template.properties(template.onlyResourceOfType(SERVERLESS_FUNCTION));

        // Assert
        assertAll(
                () -> assertTrue(Set.of("java21", "java25").contains(function.get("Runtime")),
                        "runtime " + function.get("Runtime")),
                () -> assertEquals("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                        function.get("Handler")),
                () -> assertEquals("../target/function.zip", function.get("CodeUri")),
                () -> assertEquals("PublishedVersions", map(function.get("SnapStart")).get("ApplyOn")),
                () -> assertTrue(function.get("AutoPublishAlias") instanceof String,
                        "SnapStart only applies to published versions; events must target an alias"),
                () -> assertEquals(1024, template.parameter("MemorySize").get("Default")));
    }

    @Test
    void nativeAndJvmTemplatesStayParallel() throws IOException {
        // Arrange
        CloudFormationTemplate nativeTemplate = CloudFormationTemplate.load(NATIVE);
        CloudFormationTemplate jvmTemplate = CloudFormationTemplate.load(JVM);

        // Act
        Map<String, Object> nativeTypes = resourceTypes(nativeTemplate);
        Map<String, Object> jvmTypes = resourceTypes(jvmTemplate);
        Set<String> jvmOnlyParameters = difference(jvmTemplate.parameters().keySet(), nativeTemplate.parameters().keySet());
        Set<String> nativeOnlyParameters = difference(nativeTemplate.parameters().keySet(), jvmTemplate.parameters().keySet());

        // Assert
        assertEquals(nativeTypes, jvmTypes, "both variants must declare the same resources");
        assertEquals(Set.of("JavaToolOptions"), jvmOnlyParameters);
        assertEquals(Set.of(), nativeOnlyParameters);
        assertEquals(nativeTemplate.functionEventsOfType("SQS"), jvmTemplate.functionEventsOfType("SQS"));
        assertEquals(nativeTemplate.functionEventsOfType("HttpApi"), jvmTemplate.functionEventsOfType("HttpApi"));
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> onlySqsEvent(CloudFormationTemplate template) {
        Map<String, Map<String, Object>> sqsEvents = template.functionEventsOfType("SQS");
        assertEquals(1, sqsEvents.size(), template + ": SQS events " + sqsEvents.keySet());
        return sqsEvents.values().iterator().next();
    }

    /** The queue the function's SQS event polls. */
    private static String inputQueueOf(CloudFormationTemplate template) {
        String queue = resourceOfGetAtt(onlySqsEvent(template).get("Queue"), "Arn");
        assertEquals(SQS_QUEUE, template.typeOf(queue));
        return queue;
    }

    /** The log group the function writes to. */
    private static String logGroupOf(CloudFormationTemplate template) {
        String function = template.onlyResourceOfType(SERVERLESS_FUNCTION);
        String logGroup = resourceOfRef(map(template.properties(function).get("LoggingConfig")).get("LogGroup"));
        assertEquals("AWS::Logs::LogGroup", template.typeOf(logGroup));
        return logGroup;
    }

    private static Map<String, Object> redrivePolicyOf(CloudFormationTemplate template) {
        String inputQueue = inputQueueOf(template);
        Object redrivePolicy = template.properties(inputQueue).get("RedrivePolicy");
        assertTrue(redrivePolicy != null, template + ": input queue " + inputQueue + " has no dead-letter queue");
        return map(redrivePolicy);
    }

    /** The dead-letter target of the input queue. */
    private static String deadLetterQueueOf(CloudFormationTemplate template) {
        return resourceOfGetAtt(redrivePolicyOf(template).get("deadLetterTargetArn"), "Arn");
    }

    private static String resourceOfGetAtt(Object value, String attribute) {
        List<Object> getAtt = list(map(value).get("Fn::GetAtt"));
        assertEquals(attribute, getAtt.get(1), "attribute of " + value);
        return (String) getAtt.get(0);
    }

    private static String resourceOfRef(Object value) {
        Object name = map(value).get("Ref");
        assertTrue(name instanceof String, "expected a Ref but got " + value);
        return (String) name;
    }

    /** Security schemes required by each HttpApi event route, looked up in the API's OpenAPI body. */
    private static List<Map<String, Object>> securitySchemesOfEveryRoute(CloudFormationTemplate template) {
        String httpApi = template.onlyResourceOfType("AWS::Serverless::HttpApi");
        Map<String, Object> api = template.properties(httpApi);
        assertFalse(api.containsKey("Auth") && "NONE".equals(map(api.get("Auth")).get("DefaultAuthorizer")));
        Map<String, Object> body = map(api.get("DefinitionBody"));
        Map<String, Object> schemes = map(map(body.get("components")).get("securitySchemes"));

        List<Map<String, Object>> required = new ArrayList<>();
        template.functionEventsOfType("HttpApi").forEach((eventId, event) -> {
            Object eventAuth = event.get("Auth");
            assertFalse(eventAuth != null && "NONE".equals(map(eventAuth).get("Authorizer")), eventId + " is open");
            String route = event.get("Method") + " " + event.get("Path");
            // A route missing from the body would be added by SAM without any security requirement.
            Object pathItem = map(body.get("paths")).get(event.get("Path"));
            assertTrue(pathItem != null, route + " is not declared in the OpenAPI body");
            Object operation = map(pathItem).get(String.valueOf(event.get("Method")).toLowerCase(Locale.ROOT));
            assertTrue(operation != null, route + " is not declared in the OpenAPI body");
            List<Object> security = list(map(operation).get("security"));
            assertFalse(security.isEmpty(), route + " has no security requirement");
            for (Object requirement : security) {
                assertFalse(map(requirement).isEmpty(), route + " allows anonymous access");
                for (String schemeName : map(requirement).keySet()) {
                    assertTrue(schemes.containsKey(schemeName), route + " uses undefined scheme " + schemeName);
                    required.add(map(schemes.get(schemeName)));
                }
            }
        });
        return required;
    }

    private static List<Map<String, Object>> statementsAllowing(List<Map<String, Object>> statements, String action) {
        return statements.stream()
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .filter(statement -> oneOrMany(statement.get("Action")).contains(action))
                .collect(Collectors.toList());
    }

    private static List<Object> resourcesAllowing(List<Map<String, Object>> statements, String action) {
        return statementsAllowing(statements, action).stream()
                .flatMap(statement -> oneOrMany(statement.get("Resource")).stream())
                .collect(Collectors.toList());
    }

    private static Object dimension(Map<String, Object> alarm, String name) {
        for (Object dimension : list(alarm.getOrDefault("Dimensions", List.of()))) {
            if (name.equals(map(dimension).get("Name"))) {
                return map(dimension).get("Value");
            }
        }
        return Map.of();
    }

    private static boolean firesOnFirstMessage(Map<String, Object> alarm) {
        return "GreaterThanThreshold".equals(alarm.get("ComparisonOperator"))
                && ((Number) alarm.get("Threshold")).doubleValue() == 0.0;
    }

    private static Map<String, Object> resourceTypes(CloudFormationTemplate template) {
        Map<String, Object> types = new TreeMap<>();
        template.resources().keySet().forEach(id -> types.put(id, template.typeOf(id)));
        return types;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> difference = new HashSet<>(left);
        difference.removeAll(right);
        return difference;
    }
}
