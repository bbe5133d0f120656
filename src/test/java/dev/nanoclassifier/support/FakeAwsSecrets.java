package dev.nanoclassifier.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

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

    /** Region and credentials for the AWS SDK's default chains, pointing at nothing real. */
    public static void useTestCredentials() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test-access-key");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
    }
}
