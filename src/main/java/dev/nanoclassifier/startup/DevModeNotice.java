package dev.nanoclassifier.startup;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

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
        if (config.resultQueueUrl().isEmpty()) {
            LOG.info("Dev services are off, no Docker needed: SQS results are written as log lines. For a results"
                    + " queue, set CLASSIFIER_RESULT_QUEUE_URL (and AWS_ENDPOINT_URL_SQS for a local LocalStack or"
                    + " ElasticMQ queue).");
        }
    }
}
