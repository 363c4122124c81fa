package org.learninghub.connect.hub.catalogue.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.catalogue.ResourceInput;
import org.learninghub.connect.hub.catalogue.ResourceType;

/** One test per rule of src/docs/catalogue.md, on the example the document gives. */
class QualityRulesTest {

    static final String URL = "https://content.example.nhs.uk/fire/index.html";
    static final String IRI = "https://content.example.nhs.uk/activities/fire";

    static ResourceInput input(String title, List<String> keywords) {
        return new ResourceInput(title, "What to do when the alarm sounds.", keywords, "e-learning-package", URL, IRI,
                "1.0", null, null, null, List.of("nurses"), "OGL v3", false, null);
    }

    static ResourceInput good() {
        return input("Fire safety awareness", List.of("fire safety", "evacuation"));
    }

    static List<String> rules(ResourceInput in) {
        List<String> out = new ArrayList<>();
        QualityRules.check(in).problems().forEach(p -> out.add(p.severity().code() + " " + p.field() + " " + p.rule()));
        return out;
    }

    @Test
    void aCleanResourceHasNoProblemAndScores100() {
        QualityCheck check = QualityRules.check(good());
        assertEquals(List.of(), check.problems());
        assertEquals(100, check.score());
        CleanResource clean = check.clean().orElseThrow();
        assertEquals(ResourceType.ELEARNING_PACKAGE, clean.type());
        assertEquals("fire safety awareness", clean.titleKey());
    }

    @Test
    void requiredTitleAndLaunchUrl() {
        assertEquals(List.of("rejected title required"), rules(input(" ", List.of("fire"))));
        ResourceInput noUrl = new ResourceInput("Fire safety awareness", "d", List.of("fire"), null, null, IRI, null,
                null, null, null, null, null, null, null);
        assertTrue(rules(noUrl).contains("rejected launchUrl required"));
    }

    @Test
    void lengthsAreTheColumnLimitsAndAreCheckedFirst() {
        assertEquals(List.of("rejected title max-length"), rules(input("<b>".repeat(84), List.of("fire"))),
                "an over-long title is not examined further");
        assertTrue(rules(input("Fire safety awareness", List.of("k".repeat(51)))).contains(
                "rejected keywords keyword-max-length"));
    }

    @Test
    void titlePractice() {
        assertEquals(List.of("warning title too-short"), rules(input("Fire", List.of("fire"))));
        assertTrue(rules(input("Fire safety ".repeat(11).strip(), List.of("fire"))).contains("warning title too-long"));
        assertEquals(List.of("warning title all-capitals"), rules(input("FIRE SAFETY AWARENESS", List.of("fire"))));
        assertEquals(List.of(), rules(input("NHS fire safety awareness", List.of("fire"))), "acronyms are fine");
        assertEquals(List.of("warning title trailing-full-stop"), rules(input("Fire safety awareness.", List.of("fire"))));
        assertEquals(List.of(), rules(input("Fire safety awareness...", List.of("fire"))));
        assertEquals(List.of("warning title whitespace"), rules(input("Fire  safety awareness", List.of("fire"))));
        assertEquals(List.of("warning title whitespace"), rules(input(" Fire safety awareness", List.of("fire"))));
        assertEquals(List.of("rejected title no-html"), rules(input("<i>Fire</i> safety awareness", List.of("fire"))));
        assertEquals(List.of("rejected title no-html"), rules(input("Fire &amp; safety awareness", List.of("fire"))));
        assertEquals(List.of(), rules(input("Fire & safety: 2 < 3 awareness", List.of("fire"))));
    }

    @Test
    void keywordHygiene() {
        QualityCheck check = QualityRules.check(input("Fire safety awareness",
                List.of(" Fire ", "fire", "the", "", "Evacuation")));
        assertEquals(List.of("warning keywords keyword-untrimmed", "warning keywords keyword-case",
                "warning keywords keyword-duplicate", "warning keywords keyword-stop-word",
                "warning keywords keyword-empty", "warning keywords keyword-case"),
                check.problems().stream().map(p -> p.severity().code() + " " + p.field() + " " + p.rule()).toList());
        assertEquals(List.of("fire", "evacuation"), check.clean().orElseThrow().keywords());
        assertEquals(40, check.score());
        assertEquals(List.of("warning keywords count"), rules(input("Fire safety awareness", List.of())));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("k" + i);
        }
        assertEquals(List.of("rejected keywords count"), rules(input("Fire safety awareness", many)));
        assertEquals(List.of("rejected keywords keyword-characters"), rules(input("Fire safety awareness",
                List.of("a;b", "fire"))));
    }

    @Test
    void urlAndIriSyntax() {
        for (String bad : List.of("javascript:alert(1)", "/relative/path", "ftp://host/x", "https://user:pw@host/x",
                "https:///nohost", "https://host/a b")) {
            ResourceInput in = new ResourceInput("Fire safety awareness", "d", List.of("fire"), null, bad, IRI, null,
                    null, null, null, null, null, null, null);
            assertTrue(rules(in).contains("rejected launchUrl url-syntax"), bad + ": " + rules(in));
        }
        ResourceInput http = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "web-page",
                "http://intranet.example/x", IRI, null, null, null, null, null, null, null, null);
        assertEquals(List.of("warning launchUrl not-https"), rules(http));
        ResourceInput urn = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "web-page", URL,
                "urn:uuid:6a1e0e4c-3a8f-4f63-a1e9-0e1cbb0a9a11", null, null, null, null, null, null, null, null);
        assertEquals(List.of(), rules(urn));
        ResourceInput relative = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "web-page", URL,
                "activities/fire", null, null, null, null, null, null, null, null);
        assertEquals(List.of("rejected activityId iri-syntax"), rules(relative));
    }

    @Test
    void typeGradingOwnerAndSource() {
        ResourceInput podcast = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "podcast", URL, IRI,
                null, null, null, null, null, null, null, null);
        assertEquals(List.of("rejected type unknown-type"), rules(podcast));
        ResourceInput lenientType = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "Xapi Content",
                URL, IRI, null, null, null, null, null, null, null, null);
        assertEquals(ResourceType.XAPI_CONTENT, QualityRules.check(lenientType).clean().orElseThrow().type());
        ResourceInput gradedNoMax = new ResourceInput("Fire safety awareness", "d", List.of("fire"), null, URL, IRI,
                null, null, null, null, null, null, true, 0.0);
        assertTrue(rules(gradedNoMax).contains("rejected scoreMaximum positive-when-gradable"));
        ResourceInput owner = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "toolkit", URL, IRI,
                null, "rx1", null, null, null, null, null, null);
        assertEquals(List.of("rejected ownerTrust trust-code"), rules(owner));
        ResourceInput halfSource = new ResourceInput("Fire safety awareness", "d", List.of("fire"), "toolkit", URL,
                IRI, null, null, "ELR", null, null, null, null, null);
        assertEquals(List.of("rejected sourceId source-pair"), rules(halfSource));
    }

    @Test
    void valuesInReportsAreCutShort() {
        Problem p = Problem.rejected("title", "max-length", "x".repeat(10_000));
        assertTrue(p.value().length() <= Problem.MAX_VALUE + 1);
        assertFalse(p.value().length() > 200);
    }
}
