package dev.nanoclassifier.classifier.budget;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link BudgetDeadlineTest} against the packaged artifact (with {@code -Dnative}: the native executable): budgets under a short deadline. */
@QuarkusIntegrationTest
@TestProfile(Profiles.ThreeSecondDeadline.class)
class BudgetDeadlineIT extends BudgetDeadlineTest {
}
