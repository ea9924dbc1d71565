package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table of valid and invalid command lines with the expected replies (RFC 5321 §4.1.1-§4.1.3, RFC 3461 §4,
 * RFC 6531 §3.3).
 */
class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                Arguments.of("", "500 5.5.1"),
                Arguments.of("FOO bar", "500 5.5.1"),
                Arguments.of("MAILFROM:<a@example.org>", "500 5.5.1"),
                Arguments.of("ÉHLO x", "500 5.5.1"),
                Arguments.of("HELO", "501 5.5.4"),
                Arguments.of("EHLO ", "501 5.5.4"),
                Arguments.of("EHLO two words", "501 5.5.4"),
                Arguments.of("EHLO [300.1.1.1]", "501 5.5.4"),
                Arguments.of("EHLO [tag:foo]", "501 5.5.4"),
                Arguments.of("MAIL", "501 5.5.4"),
                Arguments.of("MAIL TO:<a@example.org>", "501 5.5.4"),
                Arguments.of("MAIL FROM:a@example.org", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@example.org", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@example.org>x", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@@example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a..b@example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<.a@example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@-example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@example-.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@exa_mple.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@example.org.>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<@example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<Postmaster>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a b@example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<\"unterminated@example.org>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@[192.0.2.256]>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@[IPv6:2001:db8::1::2]>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@[IPv6:1:2:3:4:5:6:7]>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@[x-tag:whatever]>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<@a.example,b.example:u@c.example>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@" + "x".repeat(64) + ".example>", "501 5.1.7"),
                Arguments.of("MAIL FROM:<a@example.org> SIZE=abc", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> SIZE", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> SIZE=99999999999999999999", "552 5.3.4"),
                Arguments.of("MAIL FROM:<a@example.org> SIZE=1 SIZE=2", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> size=1 SIZE=1", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> BODY=9BIT", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> SMTPUTF8=yes", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> RET=ALL", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> ENVID=" + "x".repeat(101), "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> ENVID=a+2", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> ENVID=a+FF", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> AUTH=a+zz", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> =x", "501 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> X-FOO=1", "555 5.5.4"),
                Arguments.of("MAIL FROM:<a@example.org> NOTIFY=NEVER", "555 5.5.4"),
                Arguments.of("MAIL FROM:<jösé@example.org>", "553 5.6.7"),
                Arguments.of("MAIL FROM:<a@bücher.example>", "553 5.6.7"),
                Arguments.of("RCPT", "501 5.5.4"),
                Arguments.of("RCPT FROM:<a@example.org>", "501 5.5.4"),
                Arguments.of("RCPT TO:<>", "501 5.1.3"),
                Arguments.of("RCPT TO:b@example.org", "501 5.1.3"),
                Arguments.of("RCPT TO:<postmasterx>", "501 5.1.3"),
                Arguments.of("RCPT TO:<b@example.org> NOTIFY=NEVER,SUCCESS", "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> NOTIFY=SOMETIMES", "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> NOTIFY=SUCCESS,", "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> NOTIFY", "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> ORCPT=b@example.org", "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> ORCPT=rfc822;", "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> ORCPT=rfc822;" + "x".repeat(500), "501 5.5.4"),
                Arguments.of("RCPT TO:<b@example.org> SIZE=10", "555 5.5.4"),
                Arguments.of("RCPT TO:<b@bücher.invalid-\u00e9->", "501 5.1.3"),
                Arguments.of("RCPT TO:<b@\uFFFDexample.org>", "501 5.1.3"),
                Arguments.of("DATA x", "501 5.5.4"),
                Arguments.of("RSET now", "501 5.5.4"),
                Arguments.of("QUIT please", "501 5.5.4"),
                Arguments.of("STARTTLS x", "501 5.5.4"),
                Arguments.of("BDAT", "501 5.5.4"),
                Arguments.of("BDAT -1", "501 5.5.4"),
                Arguments.of("BDAT 12x", "501 5.5.4"),
                Arguments.of("BDAT 10 FIRST", "501 5.5.4"),
                Arguments.of("BDAT 10 LAST more", "501 5.5.4"),
                Arguments.of("BDAT 9999999999999999999", "501 5.5.4"),
                Arguments.of("AUTH", "501 5.5.4"),
                Arguments.of("AUTH PL@IN", "501 5.5.4"),
                Arguments.of("AUTH PLAIN not*base64", "501 5.5.4"),
                Arguments.of("AUTH PLAIN a b", "501 5.5.4"),
                Arguments.of("AUTH " + "X".repeat(21), "501 5.5.4"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidLines")
    void refusesWithTheExpectedReply(String line, String expected) {
        SmtpSyntaxException e = assertThrows(SmtpSyntaxException.class, () -> parser.parse(line));
        assertEquals(expected, e.reply().code() + " " + e.reply().enhancedStatus(), line);
    }

    static Stream<Arguments> validReversePaths() {
        return Stream.of(
                Arguments.of("MAIL FROM:<a@example.org>", "a@example.org"),
                Arguments.of("mail from:<a@example.org>", "a@example.org"),
                Arguments.of("MAIL FROM: <a@example.org>", "a@example.org"),
                Arguments.of("MAIL FROM:<a@example.org>   ", "a@example.org"),
                Arguments.of("MAIL FROM:<>", ""),
                Arguments.of("MAIL FROM:<first.last+tag@sub.example.org>", "first.last+tag@sub.example.org"),
                Arguments.of("MAIL FROM:<!#$%&'*+-/=?^_`{|}~@example.org>", "!#$%&'*+-/=?^_`{|}~@example.org"),
                Arguments.of("MAIL FROM:<\"john doe\"@example.org>", "\"john doe\"@example.org"),
                Arguments.of("MAIL FROM:<\"john\\ doe\"@example.org>", "\"john doe\"@example.org"),
                Arguments.of("MAIL FROM:<\"a\\\"b\\\\c\"@example.org>", "\"a\\\"b\\\\c\"@example.org"),
                Arguments.of("MAIL FROM:<\"a>b\"@example.org>", "\"a>b\"@example.org"),
                Arguments.of("MAIL FROM:<\"john\"@example.org>", "john@example.org"),
                Arguments.of("MAIL FROM:<\"\"@example.org>", "\"\"@example.org"),
                Arguments.of("MAIL FROM:<u@[192.0.2.1]>", "u@[192.0.2.1]"),
                Arguments.of("MAIL FROM:<u@[IPv6:2001:db8::1]>", "u@[IPv6:2001:db8::1]"),
                Arguments.of("MAIL FROM:<u@[ipv6:2001:db8:0:0:0:0:0:1]>", "u@[ipv6:2001:db8:0:0:0:0:0:1]"),
                Arguments.of("MAIL FROM:<u@[IPv6:::ffff:192.0.2.1]>", "u@[IPv6:::ffff:192.0.2.1]"),
                Arguments.of("MAIL FROM:<u@[IPv6:1:2:3:4:5:6:192.0.2.1]>", "u@[IPv6:1:2:3:4:5:6:192.0.2.1]"),
                Arguments.of("MAIL FROM:<@a.example,@b.example:user@c.example>", "user@c.example"),
                Arguments.of("MAIL FROM:<a@xn--bcher-kva.example>", "a@xn--bcher-kva.example"),
                Arguments.of("MAIL FROM:<jösé@bücher.example> SMTPUTF8", "jösé@bücher.example"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReversePaths")
    void acceptsReversePath(String line, String expectedPath) throws SmtpSyntaxException {
        MailCommand mail = (MailCommand) parser.parse(line);
        assertEquals(expectedPath, mail.mailFrom().reversePath());
    }

    @Test
    void mailParametersAreTyped() throws SmtpSyntaxException {
        MailCommand mail = (MailCommand) parser.parse(
                "MAIL FROM:<a@example.org> size=12345 BODY=8bitmime SMTPUTF8 RET=hdrs ENVID=QQ+2B314+3D AUTH=<>");
        MailFrom from = mail.mailFrom();
        assertEquals(Verb.MAIL, mail.verb());
        assertEquals(OptionalLong.of(12345), from.declaredSize());
        assertEquals(MailFrom.BodyType.EIGHT_BIT_MIME, from.body());
        assertTrue(from.smtputf8());
        assertEquals(MailFrom.DsnReturn.HDRS, from.ret());
        assertEquals("QQ+314=", from.envelopeId());
    }

    @Test
    void mailWithoutParametersHasDefaults() throws SmtpSyntaxException {
        MailFrom from = ((MailCommand) parser.parse("MAIL FROM:<>")).mailFrom();
        assertTrue(from.isNullSender());
        assertEquals(OptionalLong.empty(), from.declaredSize());
        assertEquals(MailFrom.BodyType.SEVEN_BIT, from.body());
        assertFalse(from.smtputf8());
        assertNull(from.ret());
        assertNull(from.envelopeId());
    }

    @Test
    void binaryMimeBodyIsRecognised() throws SmtpSyntaxException {
        MailFrom from = ((MailCommand) parser.parse("MAIL FROM:<a@example.org> BODY=BINARYMIME")).mailFrom();
        assertEquals(MailFrom.BodyType.BINARY_MIME, from.body());
    }

    @Test
    void recipientWithDsnParameters() throws SmtpSyntaxException {
        RcptCommand rcpt = (RcptCommand) parser.parse(
                "RCPT TO:<b@example.org> NOTIFY=success,DELAY ORCPT=rfc822;b+2Bx@example.org");
        Recipient recipient = rcpt.recipient();
        assertEquals("b@example.org", recipient.address());
        assertEquals(Set.of(Recipient.Notify.SUCCESS, Recipient.Notify.DELAY), recipient.notifyOn());
        assertEquals("rfc822;b+x@example.org", recipient.originalRecipient());
    }

    @Test
    void recipientNotifyNeverAlone() throws SmtpSyntaxException {
        Recipient recipient = ((RcptCommand) parser.parse("RCPT TO:<b@example.org> NOTIFY=NEVER")).recipient();
        assertEquals(Set.of(Recipient.Notify.NEVER), recipient.notifyOn());
        assertNull(recipient.originalRecipient());
    }

    @Test
    void utf8OriginalRecipientIsDecoded() throws SmtpSyntaxException {
        Recipient recipient = ((RcptCommand) parser.parse(
                "RCPT TO:<b@example.org> ORCPT=utf-8;j\\x{F6}s\\x{E9}@example.org")).recipient();
        assertEquals("utf-8;jösé@example.org", recipient.originalRecipient());
    }

    @Test
    void utf8RecipientIsParsedForTheServerToCheck() throws SmtpSyntaxException {
        Recipient recipient = ((RcptCommand) parser.parse("RCPT TO:<jösé@bücher.example>")).recipient();
        assertEquals("jösé@bücher.example", recipient.address());
        assertFalse(Mailboxes.isAscii(recipient.address()));
    }

    @Test
    void postmasterWithoutDomainIsAcceptedInAnyCase() throws SmtpSyntaxException {
        assertEquals("Postmaster", ((RcptCommand) parser.parse("RCPT TO:<Postmaster>")).recipient().address());
        assertEquals("POSTMASTER", ((RcptCommand) parser.parse("rcpt to:<POSTMASTER>")).recipient().address());
    }

    @Test
    void recipientSourceRouteIsDropped() throws SmtpSyntaxException {
        assertEquals("user@c.example", ((RcptCommand) parser.parse(
                "RCPT TO:<@a.example:user@c.example>")).recipient().address());
    }

    @Test
    void heloAndEhloKeepTheName() throws SmtpSyntaxException {
        assertEquals(new HeloCommand(Verb.EHLO, "client.example"), parser.parse("ehlo client.example"));
        assertEquals(new HeloCommand(Verb.HELO, "[192.0.2.7]"), parser.parse("HELO [192.0.2.7]"));
        assertEquals(new HeloCommand(Verb.EHLO, "[IPv6:::1]"), parser.parse("EHLO [IPv6:::1]"));
        assertEquals(new HeloCommand(Verb.EHLO, "my_pc"), parser.parse("EHLO my_pc"));
    }

    @Test
    void bdatSizeAndLast() throws SmtpSyntaxException {
        assertEquals(new BdatCommand(1000, false), parser.parse("BDAT 1000"));
        assertEquals(new BdatCommand(0, true), parser.parse("bdat 0 last"));
        assertEquals(new BdatCommand(999_999_999_999_999_999L, true), parser.parse("BDAT 999999999999999999 LAST"));
    }

    @Test
    void authMechanismAndInitialResponse() throws SmtpSyntaxException {
        assertEquals(new AuthCommand("PLAIN", null), parser.parse("auth plain"));
        assertEquals(new AuthCommand("PLAIN", ""), parser.parse("AUTH PLAIN ="));
        assertEquals(new AuthCommand("PLAIN", "AHVzZXIAcGFzcw=="), parser.parse("AUTH PLAIN AHVzZXIAcGFzcw=="));
        assertEquals(new AuthCommand("SCRAM-SHA-256", null), parser.parse("AUTH SCRAM-SHA-256"));
    }

    @Test
    void simpleCommands() throws SmtpSyntaxException {
        assertEquals(new SimpleCommand(Verb.DATA, ""), parser.parse("DATA"));
        assertEquals(new SimpleCommand(Verb.DATA, ""), parser.parse("data "));
        assertEquals(new SimpleCommand(Verb.QUIT, ""), parser.parse("QUIT"));
        assertEquals(new SimpleCommand(Verb.RSET, ""), parser.parse("RSET"));
        assertEquals(new SimpleCommand(Verb.STARTTLS, ""), parser.parse("StartTLS"));
        assertEquals(new SimpleCommand(Verb.NOOP, "anything at all"), parser.parse("NOOP anything at all"));
        assertEquals(new SimpleCommand(Verb.VRFY, "postmaster"), parser.parse("VRFY postmaster"));
        assertEquals(new SimpleCommand(Verb.EXPN, "staff"), parser.parse("EXPN staff"));
        assertEquals(new SimpleCommand(Verb.HELP, ""), parser.parse("HELP"));
    }

    @Test
    void commandInjectionThroughBareCrIsRefused() {
        SmtpSyntaxException e = assertThrows(SmtpSyntaxException.class,
                () -> parser.parse("MAIL FROM:<a@example.org>\rRCPT TO:<victim@example.org>"));
        assertEquals(SmtpReplies.CONTROL_CHARACTER_IN_COMMAND, e.reply());
    }

    @Test
    void nulByteInCommandIsRefused() {
        SmtpSyntaxException e = assertThrows(SmtpSyntaxException.class,
                () -> parser.parse("RCPT TO:<a@example.org>\0"));
        assertEquals(SmtpReplies.CONTROL_CHARACTER_IN_COMMAND, e.reply());
    }

    @Test
    void dsnHeaderInjectionThroughOrcptIsRefused() {
        SmtpSyntaxException e = assertThrows(SmtpSyntaxException.class, () -> parser.parse(
                "RCPT TO:<b@example.org> ORCPT=rfc822;b@example.org+0D+0ABcc:+20evil@example.net"));
        assertEquals(SmtpReplies.SYNTAX_PARAMETERS, e.reply());
    }

    @Test
    void dsnHeaderInjectionThroughEnvidIsRefused() {
        SmtpSyntaxException e = assertThrows(SmtpSyntaxException.class,
                () -> parser.parse("MAIL FROM:<a@example.org> ENVID=x+0D+0ABcc:+20evil@example.net"));
        assertEquals(SmtpReplies.SYNTAX_PARAMETERS, e.reply());
    }
}
