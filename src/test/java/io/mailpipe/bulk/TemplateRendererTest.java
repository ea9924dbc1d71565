package io.mailpipe.bulk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplateRendererTest {

    @Test
    void referencesAreReplacedWithAndWithoutSpaces() throws Exception {
        assertEquals("Hi Ana, order 42.", TemplateRenderer.render("Hi {{name}}, order {{ order.id }}.",
                Map.of("name", "Ana", "order.id", "42"), false, "/text"));
    }

    @Test
    void valuesAreEscapedInHtmlOnly() throws Exception {
        Map<String, String> vars = Map.of("v", "<b>\"Tom\" & 'Jerry'</b>");
        assertEquals("<p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>",
                TemplateRenderer.render("<p>{{v}}</p>", vars, true, "/html"));
        assertEquals("<b>\"Tom\" & 'Jerry'</b>", TemplateRenderer.render("{{v}}", vars, false, "/text"));
    }

    @Test
    void aMissingVariableIsARejectionNamingIt() {
        BulkRequestRejectedException e = assertThrows(BulkRequestRejectedException.class,
                () -> TemplateRenderer.render("Hi {{first}} {{last}}", Map.of("first", "A"), false, "/subject"));
        assertEquals(Rejection.Reason.TEMPLATE, e.rejection().reason());
        assertEquals("/subject", e.rejection().field());
        assertEquals("variable 'last' is used but not given", e.rejection().message());
    }

    @Test
    void replacedValuesAreNotScannedAgainAndOtherBracesStay() throws Exception {
        assertEquals("{{x}} and { {y} } {{ not a name }}", TemplateRenderer.render(
                "{{a}} and { {y} } {{ not a name }}", Map.of("a", "{{x}}"), false, "/text"));
    }
}
