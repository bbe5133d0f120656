package dev.nanoclassifier.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every setting of nano-classifier. Each property can be set in {@code application.properties}
 * or as an environment variable: {@code classifier.timeouts.call} is {@code CLASSIFIER_TIMEOUTS_CALL}.
 * The OpenAI settings also read the names users already know ({@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}, ...), see {@code application.properties}.
 */
@ConfigMapping(prefix = "classifier")
public interface ClassifierConfig {

    /** Model asked first, by the name the endpoint knows it ({@code CLASSIFIER_MODEL}). */
    @WithDefault("gpt-5.4-nano")
    String model();

    /**
     * {@code reasoning_effort} sent with every model call ({@code none}, {@code minimal}, {@code low},
     * {@code medium}, {@code high}); the word {@code omit} leaves the field out for endpoints that
     * reject it.
     */
    @WithDefault("none")
    String reasoningEffort();

    /**
     * Output tokens allowed on top of the longest answer the response schema allows (counted in
     * o200k tokens for each request): room for spacing and, with a reasoning effort other than
     * {@code none}, for reasoning tokens.
     */
    @WithDefault("200")
    int maxCompletionTokens();

    /**
     * The request field that carries the output-token limit: {@code max_completion_tokens} (OpenAI), or
     * {@code max_tokens} for servers that ignore the former (Ollama, older vLLM).
     */
    @WithDefault("max_completion_tokens")
    String outputLimitField();

    /** The primary OpenAI-compatible endpoint. */
    OpenAi openai();

    /**
     * Models tried, in order, after the primary one failed: each with its own endpoint and key
     * ({@code CLASSIFIER_FALLBACKS_0__MODEL=gpt-5.4-mini}). Empty by default.
     */
    List<FallbackModel> fallbacks();

    /** Whether the embedded lexical classifier answers when every model failed or none is configured. */
    @WithDefault("true")
    boolean localFallback();

    /** Label answered as the very last resort when nothing else could answer; unset means none. */
    Optional<String> defaultLabel();

    /** Time limits of the model calls. */
    Timeouts timeouts();

    /** The one retry layer around each model call. */
    Retry retry();

    /** The circuit breaker kept per model endpoint and execution environment. */
    CircuitBreaker circuitBreaker();

    /** Limits on what a request may contain. */
    Limits limits();

    /** Token budgets for what is sent to the model. */
    Budget budget();

    /**
     * Prices per model in USD per million tokens, keyed by model name
     * ({@code classifier.prices."gpt-5.4-nano".input=0.20}). Shipped defaults for the gpt-5.4 family.
     */
    Map<String, Price> prices();

    /** SQS queue the results of SQS-triggered work go to ({@code CLASSIFIER_RESULT_QUEUE_URL}); unset: one log line each. */
    Optional<String> resultQueueUrl();

    /** Records of one SQS batch classified at the same time ({@code CLASSIFIER_BATCH_CONCURRENCY}). */
    @WithDefault("10")
    int batchConcurrency();

    /** The in-memory answer cache of one warm execution environment. */
    Cache cache();

    /** What goes into logs and metrics. */
    Observability observability();

    /**
     * File with extra named classifiers (same JSON shape as the bundled {@code classifiers.json});
     * its entries add to and replace the bundled ones. Unset: only the bundled ones.
     */
    Optional<String> definitionsFile();

    /** An OpenAI-compatible Chat Completions endpoint. */
    interface OpenAi {
        /** Base URL without {@code /chat/completions} ({@code OPENAI_BASE_URL}). */
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        /** API key ({@code OPENAI_API_KEY}). Unset: the secret sources below, else no model is called. */
        Optional<String> apiKey();

        /** Secrets Manager secret holding the key ({@code OPENAI_API_KEY_SECRET_ARN}); read once at start. */
        Optional<String> apiKeySecretArn();

        /** SSM Parameter Store SecureString holding the key ({@code OPENAI_API_KEY_PARAMETER}); read once at start. */
        Optional<String> apiKeyParameter();

        /** Endpoint override for the AWS Secrets Manager and SSM clients (tests, LocalStack). */
        Optional<String> awsEndpointOverride();
    }

    /** One step of the fallback chain. */
    interface FallbackModel {
        /** Model name at that endpoint, e.g. {@code gpt-5.4-mini} or {@code openai/gpt-5.4-nano}. */
        String model();

        /** Base URL; unset means the primary endpoint's. */
        Optional<String> baseUrl();

        /** API key; unset means the primary endpoint's. */
        Optional<String> apiKey();

        /**
         * {@code reasoning_effort} for this model; unset means {@code classifier.reasoning-effort}. Models
         * before gpt-5.1 (gpt-5, gpt-5-mini, gpt-5-nano) reject {@code none}: use {@code minimal}.
         */
        Optional<String> reasoningEffort();

        /** Output-limit field for this endpoint; unset means {@code classifier.output-limit-field}. */
        Optional<String> outputLimitField();
    }

    interface Timeouts {
        /** Longest a single model attempt may take, before the deadline trims it further. */
        @WithDefault("5s")
        Duration call();

        /** TCP connect timeout of the HTTP client (never longer than {@code call}). */
        @WithDefault("1s")
        Duration connect();

        /** Time kept back from the Lambda deadline for the fallbacks and the response. */
        @WithDefault("150ms")
        Duration deadlineMargin();

        /** An attempt is not started when less than this is left for it. */
        @WithDefault("200ms")
        Duration minAttempt();

        /** Remaining time assumed when the runtime reports no deadline (local runs, the test event server). */
        @WithDefault("30s")
        Duration assumedDeadline();

        /**
         * API Gateway's integration timeout: after it, API Gateway has already answered the client
         * (503/504) whatever the function does, so an API Gateway request is given up then, counted
         * from when API Gateway received it, if that comes before the Lambda deadline. 29 s is the
         * default limit of REST and HTTP APIs; set it to your API's if you had it raised.
         */
        @WithDefault("29s")
        Duration apiGatewayLimit();
    }

    interface Retry {
        /** Retries after the first attempt on 429, 5xx, connection errors and timeouts. */
        @WithDefault("2")
        int maxRetries();

        /** Backoff before the first retry; doubles each retry. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Upper bound of one backoff. */
        @WithDefault("2s")
        Duration maxBackoff();

        /** Longest {@code Retry-After} honoured; a longer one skips to the next step of the chain. */
        @WithDefault("10s")
        Duration maxRetryAfter();
    }

    interface CircuitBreaker {
        /** Ratio of failures in the rolling window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** Size of the rolling window (calls). */
        @WithDefault("4")
        int requestVolume();

        /** How long the breaker stays open before it lets a trial call through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls needed to close it again. */
        @WithDefault("1")
        int successThreshold();
    }

    interface Limits {
        /** Most characters in {@code input} or {@code query}. */
        @WithDefault("100000")
        int maxInputChars();

        /** Most labels in one request. */
        @WithDefault("100")
        int maxLabels();

        /** Longest label name. */
        @WithDefault("100")
        int maxLabelLength();

        /** Most rank candidates. */
        @WithDefault("100")
        int maxCandidates();

        /** Largest HTTP body accepted (bytes, after base64 decoding); larger gets 413. */
        @WithDefault("1048576")
        int maxBodyBytes();
    }

    interface Budget {
        /** Token budget of the text to classify (o200k_base). */
        @WithDefault("4000")
        int inputTokens();

        /** Token budget of label descriptions and examples together. */
        @WithDefault("2000")
        int labelTokens();

        /** Token budget of all rank candidates together. */
        @WithDefault("8000")
        int candidateTokens();

        /** What happens over budget: {@code truncate} (keep head and tail) or {@code reject}. */
        @WithDefault("truncate")
        BudgetPolicy policy();
    }

    enum BudgetPolicy {
        TRUNCATE,
        REJECT
    }

    interface Price {
        /** USD per million input tokens. */
        @WithDefault("0")
        BigDecimal input();

        /** USD per million cached input tokens; unset means the input price. */
        Optional<BigDecimal> cachedInput();

        /** USD per million output tokens. */
        @WithDefault("0")
        BigDecimal output();

        /**
         * Prices of the service tiers other than the standard one, keyed by the {@code service_tier}
         * a response names ({@code classifier.prices."gpt-5.4-nano".tiers.flex.input=0.10}); a tier
         * without an entry is priced as standard.
         */
        Map<String, TierPrice> tiers();
    }

    /** The price of one service tier; each unset price is the standard one. */
    interface TierPrice {
        /** USD per million input tokens at this tier. */
        Optional<BigDecimal> input();

        /** USD per million cached input tokens at this tier; unset means this tier's input price. */
        Optional<BigDecimal> cachedInput();

        /** USD per million output tokens at this tier. */
        Optional<BigDecimal> output();
    }

    interface Cache {
        /** Whether identical requests are answered from memory. */
        @WithDefault("true")
        boolean enabled();

        /** Most answers kept. */
        @WithDefault("1000")
        int maxSize();

        /** How long an answer is kept. */
        @WithDefault("10m")
        Duration ttl();
    }

    interface Observability {
        /** How the input appears in the request log: {@code none} (default), {@code hash} (SHA-256 prefix) or {@code prefix}. */
        @WithDefault("none")
        InputLogging logInput();

        /** Characters logged with {@code log-input=prefix}. */
        @WithDefault("32")
        int logInputPrefixChars();

        /** Whether CloudWatch Embedded Metric Format lines are written. */
        @WithDefault("true")
        boolean metrics();

        /** CloudWatch metrics namespace. */
        @WithDefault("NanoClassifier")
        @WithName("metrics-namespace")
        String metricsNamespace();

        /**
         * The {@code service} field of every log line and the {@code Service} dimension of the
         * {@code ColdStart} metric. Unset: {@code POWERTOOLS_SERVICE_NAME}, else the function name,
         * else {@code nano-classifier}.
         */
        Optional<String> service();

        /**
         * Fraction of invocations, 0 to 1, that also write a DEBUG line with the request's metadata
         * (trigger, route, sizes, header and field names, SQS attributes; never the input text, a
         * header value or a key), whatever the log level. Default: {@code POWERTOOLS_LOGGER_SAMPLE_RATE}, else 0.
         */
        @WithDefault("0")
        double debugSampleRate();

        /**
         * Whether model calls are sent to the X-Ray daemon as subsegments when Lambda traces the
         * invocation (template parameter {@code Tracing=Active}: the daemon address is set and the
         * trace header is sampled).
         */
        @WithDefault("true")
        boolean tracing();

        /**
         * The X-Ray daemon, {@code host:port} or {@code udp:host:port tcp:host:port}. Default:
         * {@code AWS_XRAY_DAEMON_ADDRESS}, which Lambda sets when active tracing is on.
         */
        Optional<String> xrayDaemonAddress();
    }

    enum InputLogging {
        NONE,
        HASH,
        PREFIX
    }
}
