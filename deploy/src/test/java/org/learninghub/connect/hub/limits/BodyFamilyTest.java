package org.learninghub.connect.hub.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.catalogue.ResourceApi;
import org.learninghub.connect.hub.catalogue.importing.ImportApi;
import org.learninghub.connect.hub.signin.PasswordSignInResource;
import org.learninghub.connect.hub.trust.TrustResource;
import org.learninghub.connect.lti.launch.LaunchResource;
import org.learninghub.connect.lti.login.LoginResource;
import org.learninghub.connect.xapi.about.AboutResource;
import org.learninghub.connect.xapi.document.AgentProfileResource;
import org.learninghub.connect.xapi.document.StateResource;
import org.learninghub.connect.xapi.statement.StatementsResource;

/** The family, and so the limit, comes from the matched resource's package, never from the path. */
class BodyFamilyTest {

    @Test
    void statementsWithJsonOrAttachments() {
        assertEquals(BodyFamily.STATEMENTS, BodyFamily.of(StatementsResource.class, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(BodyFamily.STATEMENTS, BodyFamily.of(StatementsResource.class, null));
        assertEquals(BodyFamily.ATTACHMENTS, BodyFamily.of(StatementsResource.class,
                new MediaType("multipart", "mixed", Map.of("boundary", "abc"))));
    }

    @Test
    void documentsOtherXapiResourcesFormsAndAdmin() {
        assertEquals(BodyFamily.DOCUMENTS, BodyFamily.of(StateResource.class, MediaType.TEXT_HTML_TYPE));
        assertEquals(BodyFamily.DOCUMENTS, BodyFamily.of(AgentProfileResource.class, null));
        assertEquals(BodyFamily.XAPI_OTHER, BodyFamily.of(AboutResource.class, null));
        assertEquals(BodyFamily.FORMS, BodyFamily.of(LoginResource.class, MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(BodyFamily.FORMS, BodyFamily.of(LaunchResource.class, null));
        assertEquals(BodyFamily.ADMIN, BodyFamily.of(TrustResource.class, MediaType.APPLICATION_JSON_TYPE));
        // The Hub's own HTML form (password sign-in) is bounded as the other forms are.
        assertEquals(BodyFamily.FORMS, BodyFamily.of(PasswordSignInResource.class,
                MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    @Test
    void catalogueImportsHaveTheirOwnFamilyTheRestOfTheCatalogueIsAdmin() {
        assertEquals(BodyFamily.IMPORTS, BodyFamily.of(ImportApi.class, new MediaType("text", "csv")));
        assertEquals(BodyFamily.ADMIN, BodyFamily.of(ResourceApi.class, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(32L * 1024 * 1024, BodyFamily.IMPORTS.defaultBytes());
        assertEquals("hub.limit.imports.bytes", BodyFamily.IMPORTS.key().orElseThrow());
    }

    @Test
    void aResourceOutsideTheHubsPackagesGetsTheSmallestLimit() {
        assertEquals(BodyFamily.XAPI_OTHER, BodyFamily.of(String.class, null));
    }

    @Test
    void theDefaultsAreThoseOfTheReadme() {
        assertEquals(8L * 1024 * 1024, BodyFamily.STATEMENTS.defaultBytes());
        assertEquals(64L * 1024 * 1024, BodyFamily.ATTACHMENTS.defaultBytes());
        assertEquals(16L * 1024 * 1024, BodyFamily.DOCUMENTS.defaultBytes());
        assertEquals(64L * 1024, BodyFamily.FORMS.defaultBytes());
        assertEquals(1024L * 1024, BodyFamily.ADMIN.defaultBytes());
        assertEquals("hub.limit.attachments.bytes", BodyFamily.ATTACHMENTS.key().orElseThrow());
    }
}
