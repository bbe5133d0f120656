package dev.nanoclassifier.classifier.budget;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link ContextBudgetTest} against the packaged artifact: in the native executable this proves jtokkit's
 * o200k_base rank table is in the image as a resource and counts/cuts tokens.
 */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class ContextBudgetIT extends ContextBudgetTest {
}
