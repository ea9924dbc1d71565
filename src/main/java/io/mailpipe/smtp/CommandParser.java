package io.mailpipe.smtp;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one command line (decoded as UTF-8, CRLF removed) into a typed {@link SmtpCommand} (RFC 5321 §4.1.1,
 * RFC 3030 §2 BDAT, RFC 4954 §4 AUTH). Unknown verb: 500 5.5.1; bad arguments: 501 5.5.4 (5.1.7 / 5.1.3 for a bad
 * sender / recipient path). Liberal where Postfix is: trailing white space is ignored and "MAIL FROM: &lt;a@b&gt;"
 * (space after the colon) is accepted, but the angle brackets are required. A line holding a control character
 * (for example a CR that is not part of the line's CRLF) is refused as a whole, so nothing can be injected.
 * Stateless and thread-safe.
 */
public final class CommandParser {

    private static final Pattern MECHANISM = Pattern.compile("[A-Z0-9_-]{1,20}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final int MAX_CHUNK_DIGITS = 18;

    public SmtpCommand parse(String line) throws SmtpSyntaxException {
        if (line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
            throw new SmtpSyntaxException(SmtpReplies.CONTROL_CHARACTER_IN_COMMAND);
        }
        String trimmed = line.stripTrailing();
        int space = trimmed.indexOf(' ');
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        Verb verb = Verb.lookup(word).orElseThrow(() -> new SmtpSyntaxException(SmtpReplies.SYNTAX_UNRECOGNIZED));
        return switch (verb) {
            case HELO, EHLO -> helo(verb, argument);
            case MAIL -> mail(argument);
            case RCPT -> rcpt(argument);
            case BDAT -> bdat(argument);
            case AUTH -> auth(argument);
            case DATA, RSET, QUIT, STARTTLS -> withoutArgument(verb, argument);
            case NOOP, VRFY, EXPN, HELP -> new SimpleCommand(verb, argument);
        };
    }

    /** One Domain or address-literal; the domain is not checked further because real clients send odd names. */
    private static HeloCommand helo(Verb verb, String argument) throws SmtpSyntaxException {
        boolean literal = argument.startsWith("[");
        if (argument.isEmpty() || argument.contains(" ") || argument.contains("\t")
                || (literal && !AddressLiterals.isValid(argument))) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return new HeloCommand(verb, argument);
    }

    private static MailCommand mail(String argument) throws SmtpSyntaxException {
        PathParser.Split split = pathAfter("FROM:", argument, SmtpReplies.BAD_SENDER_ADDRESS);
        String reversePath = PathParser.reversePath(split.inner())
                .orElseThrow(() -> new SmtpSyntaxException(SmtpReplies.BAD_SENDER_ADDRESS));
        Map<String, String> parameters = EsmtpParameters.parse(split.rest());
        return new MailCommand(MailParameters.toMailFrom(reversePath, parameters));
    }

    private static RcptCommand rcpt(String argument) throws SmtpSyntaxException {
        PathParser.Split split = pathAfter("TO:", argument, SmtpReplies.BAD_ADDRESS);
        String forwardPath = PathParser.forwardPath(split.inner())
                .orElseThrow(() -> new SmtpSyntaxException(SmtpReplies.BAD_ADDRESS));
        Map<String, String> parameters = EsmtpParameters.parse(split.rest());
        return new RcptCommand(RcptParameters.toRecipient(forwardPath, parameters));
    }

    /** "FROM:" / "TO:" in any case, optional spaces, then "&lt;path&gt;" and the parameter text. */
    private static PathParser.Split pathAfter(String keyword, String argument, SmtpReply badPath)
            throws SmtpSyntaxException {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return PathParser.split(argument.substring(keyword.length()).stripLeading())
                .orElseThrow(() -> new SmtpSyntaxException(badPath));
    }

    /** "BDAT" SP chunk-size [SP "LAST"]. */
    private static BdatCommand bdat(String argument) throws SmtpSyntaxException {
        String[] words = argument.split(" +");
        String size = words[0];
        boolean sizeOk = !size.isEmpty() && size.length() <= MAX_CHUNK_DIGITS
                && size.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean last = words.length == 2 && words[1].equalsIgnoreCase("LAST");
        if (!sizeOk || words.length > 2 || (words.length == 2 && !last)) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return new BdatCommand(Long.parseLong(size), last);
    }

    /** "AUTH" SP mechanism [SP initial-response]; "=" is an empty initial response (RFC 4954 §4). */
    private static AuthCommand auth(String argument) throws SmtpSyntaxException {
        String[] words = argument.split(" +");
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        if (!MECHANISM.matcher(mechanism).matches() || words.length > 2) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        if (words.length == 1) {
            return new AuthCommand(mechanism, null);
        }
        String response = words[1];
        if (response.equals("=")) {
            return new AuthCommand(mechanism, "");
        }
        if (!BASE64.matcher(response).matches()) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return new AuthCommand(mechanism, response);
    }

    private static SimpleCommand withoutArgument(Verb verb, String argument) throws SmtpSyntaxException {
        if (!argument.isEmpty()) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return new SimpleCommand(verb, "");
    }
}
