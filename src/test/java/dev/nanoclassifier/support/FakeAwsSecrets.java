package dev.nanoclassifier.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The AWS JSON protocol of Secrets Manager ({@code GetSecretValue}) and SSM ({@code GetParameter})
 * on a WireMock server: {@code POST /} told apart by the {@code X-Amz-Target} header.
 */
public final class FakeAwsSecrets {

    public static final String GET_SECRET_VALUE = "secretsmanager.GetSecretValue";
    public static final String GET_PARAMETER = "AmazonSSM.GetParameter";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAwsSecrets() {
    }

    public static void stubSecret(WireMockServer server, String arn, String secretString) {
        ObjectNode body = JSON.createObjectNode().put("ARN", arn).put("Name", "nano-classifier/openai")
                .put("SecretString", secretString).put("VersionId", "v1");
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_SECRET_VALUE))
                .willReturn(ChatCompletions.json(200, body.toString()).withHeader("Content-Type", "application/x-amz-json-1.1")));
    }

    public static void stubParameter(WireMockServer server, String name, String value) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("Parameter").put("Name", name).put("Type", "SecureString").put("Value", value).put("Version", 1);
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_PARAMETER))
                .willReturn(ChatCompletions.json(200, body.toString()).withHeader("Content-Type", "application/x-amz-json-1.1")));
    }

    public static int secretRequests(WireMockServer server, String target) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))).size();
    }

    /** Region and credentials for the AWS SDK's default chains (as system properties), pointing at nothing real. */
    public static final Map<String, String> TEST_CREDENTIALS = Map.of("aws.region", "us-east-1",
            "aws.accessKeyId", "test-access-key", "aws.secretAccessKey", "test-secret-key");

    /** Sets {@link #TEST_CREDENTIALS} in this JVM. */
    public static void useTestCredentials() {
        TEST_CREDENTIALS.forEach(System::setProperty);
    }

    /** The JSON body of the one {@code target} request the fake AWS endpoint received. */
    public static LoggedRequest onlyRequest(WireMockServer server, String target) {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
        if (requests.size() != 1) {
            throw new AssertionError("expected one " + target + " request, got " + requests.size());
        }
        return requests.get(0);
    }
}
