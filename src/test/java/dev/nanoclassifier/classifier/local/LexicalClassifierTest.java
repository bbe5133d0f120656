package dev.nanoclassifier.classifier.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.nanoclassifier.request.Candidate;
import dev.nanoclassifier.request.LabelSpec;

class LexicalClassifierTest {

    private static final List<LabelSpec> TRIAGE = List.of(
            new LabelSpec("billing", "Payments, charges, invoices, refunds and subscription prices.",
                    List.of("I was charged twice", "Where is my invoice?")),
            new LabelSpec("bug", "Something is broken, crashes or shows an error.",
                    List.of("The app crashes on start", "Error 500 when saving")),
            new LabelSpec("feature-request", "An idea or wish for new functionality.",
                    List.of("Please add a dark mode")),
            new LabelSpec("other", "Anything else.", List.of("Thanks, great team!")));

    private final LexicalClassifier classifier = new LexicalClassifier();

    @Test
    void clearBillingMessageGetsBilling() {
        assertEquals(List.of("billing"),
                classifier.classify("Hi, you charged my card twice and I need a refund of the invoice", TRIAGE, false));
    }

    @Test
    void clearBugMessageGetsBug() {
        assertEquals(List.of("bug"), classifier.classify("the editor crashed with an error again", TRIAGE, false));
    }

    @Test
    void labelNameCountsAsEvidence() {
        assertEquals(List.of("feature-request"), classifier.classify("feature request: keyboard shortcuts", TRIAGE, false));
    }

    @Test
    void noMatchFallsBackToOther() {
        assertEquals(List.of("other"), classifier.classify("zebra xylophone quantum", TRIAGE, false));
        assertEquals(List.of("other"), classifier.classify("zebra xylophone quantum", TRIAGE, true));
    }

    @Test
    void noMatchWithoutOtherFallsBackToFirstLabel() {
        List<LabelSpec> labels = List.of(LabelSpec.named("alpha"), LabelSpec.named("beta"));
        assertEquals(List.of("alpha"), classifier.classify("nothing in common", labels, false));
    }

    @Test
    void tieAtTheTopPrefersOther() {
        List<LabelSpec> labels = List.of(
                new LabelSpec("refunds", "money back", List.of()),
                new LabelSpec("other", "money back", List.of()));
        assertEquals(List.of("other"), classifier.classify("money", labels, false));
    }

    @Test
    void tieWithoutOtherPrefersFirstInGivenOrder() {
        List<LabelSpec> labels = List.of(
                new LabelSpec("x", "shipping parcel", List.of()),
                new LabelSpec("y", "shipping parcel", List.of()),
                new LabelSpec("z", "weather", List.of()));
        assertEquals(List.of("x"), classifier.classify("parcel", labels, false));
        assertEquals(List.of("y"), classifier.classify("parcel", List.of(labels.get(1), labels.get(0), labels.get(2)), false));
    }

    @Test
    void multiLabelReturnsEveryLabelThatMatchesEqually() {
        List<LabelSpec> labels = List.of(
                new LabelSpec("billing", "invoice", List.of()),
                new LabelSpec("shipping", "parcel", List.of()),
                new LabelSpec("other", "hello", List.of()));
        assertEquals(List.of("billing", "shipping"), classifier.classify("invoice for my parcel", labels, true));
        assertEquals(List.of("billing"), classifier.classify("invoice for my parcel", labels, false));
    }

    @Test
    void multiLabelLeavesOutClearlyWeakerLabels() {
        List<String> chosen = classifier.classify("charged twice for the invoice, refund please", TRIAGE, true);
        assertEquals(List.of("billing"), chosen);
    }

    @Test
    void emptyOrStopWordOnlyOrForeignInputDoesNotCrash() {
        assertEquals(List.of("other"), classifier.classify("", TRIAGE, false));
        assertEquals(List.of("other"), classifier.classify(null, TRIAGE, false));
        assertEquals(List.of("other"), classifier.classify("is it the one that you were", TRIAGE, false));
        assertEquals(List.of("other"), classifier.classify("这个应用一直崩溃", TRIAGE, false));
        assertEquals(List.of("other"), classifier.classify("¿Dónde está mi factura? ¡Gracias!", TRIAGE, true));
    }

    @Test
    void labelsAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> classifier.classify("hi", List.of(), false));
    }

    @Test
    void rankPutsMatchingCandidateFirst() {
        List<Candidate> candidates = List.of(
                new Candidate("a", "How to bake sourdough bread at home"),
                new Candidate("b", "Resetting your password when the reset email never arrives"),
                new Candidate("c", "Quarterly sales figures for the north region"));
        List<String> ranked = classifier.rank("I forgot my password", candidates);
        assertEquals("b", ranked.get(0));
        assertEquals(3, ranked.size());
    }

    @Test
    void rankKeepsOriginalOrderOnTies() {
        List<Candidate> candidates = List.of(
                new Candidate("1", "apples"),
                new Candidate("2", "pears and plums"),
                new Candidate("3", "apples"),
                new Candidate("4", "cherries"));
        assertEquals(List.of("1", "3", "2", "4"), classifier.rank("apple", candidates));
        assertEquals(List.of("1", "2", "3", "4"), classifier.rank("nothing matches", candidates));
        assertEquals(List.of("1", "2", "3", "4"), classifier.rank("", candidates));
    }

    @Test
    void rankOfNoCandidatesIsEmpty() {
        assertEquals(List.of(), classifier.rank("anything", List.of()));
    }

    @Test
    void tokenizerLowerCasesSplitsAndDropsStopWords() {
        Tokenizer tokenizer = new Tokenizer();
        assertEquals(List.of("app", "crash", "login"), tokenizer.terms("The APP crashes on login!!"));
        assertEquals(List.of("error", "500", "sav", "fil"), tokenizer.terms("error-500 when saving my_file"));
        assertEquals(List.of("rechnung", "über", "200"), tokenizer.terms("Rechnung über 200€"));
        assertEquals(List.of(), tokenizer.terms("  is it the ... "));
        assertEquals(List.of(), tokenizer.terms(null));
    }

    @Test
    void stemmerMapsCommonVariantsTogether() {
        for (String word : List.of("charge", "charges", "charged", "charging")) {
            assertEquals("charg", Tokenizer.stem(word), word);
        }
        assertEquals("policy", Tokenizer.stem("policies"));
        assertEquals("box", Tokenizer.stem("boxes"));
        assertEquals("crash", Tokenizer.stem("crashes"));
        assertEquals("try", Tokenizer.stem("tried"));
        assertEquals("stop", Tokenizer.stem("stopped"));
        assertEquals(Tokenizer.stem("cancel"), Tokenizer.stem("cancelled"));
        assertEquals(Tokenizer.stem("bill"), Tokenizer.stem("billing"));
        assertEquals("month", Tokenizer.stem("monthly"));
    }

    @Test
    void stemmerLeavesShortAndIrregularWordsAlone() {
        assertEquals("class", Tokenizer.stem("class"));
        assertEquals("class", Tokenizer.stem("classes"));
        assertEquals("access", Tokenizer.stem("access"));
        assertEquals("status", Tokenizer.stem("status"));
        assertEquals("apply", Tokenizer.stem("apply"));
        assertEquals("bus", Tokenizer.stem("bus"));
        assertEquals("sing", Tokenizer.stem("sing"));
        assertEquals("red", Tokenizer.stem("red"));
        assertEquals("200", Tokenizer.stem("200"));
    }

    @Test
    void isSafeToCallConcurrently() {
        List<String> expected = classifier.classify("I need a refund for the double charge", TRIAGE, false);
        IntStream.range(0, 500).parallel().forEach(i ->
                assertEquals(expected, classifier.classify("I need a refund for the double charge", TRIAGE, false)));
    }
}
