package io.mailpipe.camel.observe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogfmtTest {

    @Test
    void plainValuesStayBareAndNullValuesAreLeftOut() {
        assertEquals("a=1 b=x@y.example", Logfmt.line().add("a", 1).add("skipped", null).add("b", "x@y.example")
                .toString());
    }

    @Test
    void valuesWithSpacesQuotesEqualsOrLineBreaksAreQuotedAndEscaped() {
        String line = Logfmt.line().add("reply", "250 2.0.0 Ok").add("q", "say \"hi\"").add("e", "k=v")
                .add("nl", "a\r\nb").add("empty", "").add("bs", "c:\\x").toString();

        assertEquals("reply=\"250 2.0.0 Ok\" q=\"say \\\"hi\\\"\" e=\"k=v\" nl=\"a\\r\\nb\" empty=\"\" bs=\"c:\\\\x\"",
                line);
    }

    @Test
    void otherControlCharactersBecomeSpacesSoALineStaysOneLine() {
        assertEquals("v=\"a b\"", Logfmt.line().add("v", "a\u0001b").toString());
    }
}
