package dev.nanoclassifier.startup;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.nanoclassifier.config.ClassifierConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: one INFO line at start saying which dev service is off and how to turn it on, so
 * that a first run on a machine without Docker explains itself instead of failing on a container.
 */
@Singleton
@IfBuildProfile("dev")
public class DevModeNotice {

    private static final Logger LOG = Logger.getLogger(DevModeNotice.class);

    void started(@Observes StartupEvent startup, ClassifierConfig config) {
        boolean sqsDevServices = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.sqs.devservices.enabled", Boolean.class).orElse(false);
        if (!sqsDevServices && config.resultQueueUrl().isEmpty()) {
            LOG.info("Dev services are off, no Docker needed: SQS results are written as log lines. For a local"
                    + " SQS queue in LocalStack instead, start Docker and run with -Dquarkus.sqs.devservices.enabled=true"
                    + " and CLASSIFIER_RESULT_QUEUE_URL set to a queue there.");
        }
    }
}
