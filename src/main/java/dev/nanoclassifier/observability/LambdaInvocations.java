package dev.nanoclassifier.observability;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.amazonaws.services.lambda.runtime.Context;

import dev.nanoclassifier.config.ClassifierConfig;

/**
 * Starts the {@link InvocationContext} of each invocation: one per execution environment, so it
 * knows which invocation is the environment's first.
 *
 * <p>{@code cold_start} follows Powertools: true on the first invocation of an environment that
 * was initialised on demand ({@code AWS_LAMBDA_INITIALIZATION_TYPE=on-demand}, or unset when run
 * locally), never after provisioned concurrency or a SnapStart restore, whose init was off the
 * request path. {@code service} is {@code classifier.observability.service}
 * ({@code POWERTOOLS_SERVICE_NAME}), else the function name, else {@code nano-classifier}.
 */
@Singleton
public class LambdaInvocations {

    private static final String DEFAULT_SERVICE = "nano-classifier";

    private final AtomicBoolean first = new AtomicBoolean(true);
    private final boolean onDemand;
    private final String configuredService;
    private final double sampleRate;

    @Inject
    public LambdaInvocations(ClassifierConfig config) {
        this(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"), config.observability().service().orElse(null),
                config.observability().debugSampleRate());
    }

    LambdaInvocations(String initializationType, String service, double sampleRate) {
        this.onDemand = initializationType == null || "on-demand".equals(initializationType);
        this.configuredService = service == null || service.isBlank() ? null : service;
        this.sampleRate = Math.max(0, Math.min(1, sampleRate));
    }

    /** The context of the invocation that starts now; {@code context} may be null (local runs). */
    public InvocationContext begin(Context context) {
        boolean coldStart = first.getAndSet(false) && onDemand;
        String functionName = context == null ? null : context.getFunctionName();
        String service = configuredService != null ? configuredService
                : functionName != null ? functionName : DEFAULT_SERVICE;
        boolean sampled = sampleRate > 0 && ThreadLocalRandom.current().nextDouble() < sampleRate;
        return new InvocationContext(context == null ? null : context.getAwsRequestId(), coldStart, functionName,
                context == null ? null : context.getFunctionVersion(),
                context == null ? null : context.getInvokedFunctionArn(),
                context == null || context.getMemoryLimitInMB() <= 0 ? null : context.getMemoryLimitInMB(),
                service, TraceHeader.current(), sampleRate, sampled);
    }
}
