package dev.nanoclassifier.classifier.budget;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link LabelBudgetTest} against the packaged artifact (with {@code -Dnative}: the native executable): the label token budget (jtokkit). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class LabelBudgetIT extends LabelBudgetTest {
}
