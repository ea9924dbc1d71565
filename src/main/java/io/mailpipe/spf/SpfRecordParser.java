package io.mailpipe.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of an SPF record into an {@link SpfRecord} per the ABNF of RFC 7208 §4.6.1 (terms separated by
 * spaces), §5 (mechanisms, dual CIDR lengths) and §6 (modifiers: at most one redirect and one exp, unknown
 * modifiers checked for syntax and ignored). Any syntax error anywhere makes the whole record invalid (§4.6).
 */
final class SpfRecordParser {

    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern MECHANISM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern DUAL_CIDR = Pattern.compile("^(.*?)(?:/([0-9]+))?(?://([0-9]+))?$",
            Pattern.DOTALL);
    private static final String VERSION = "v=spf1";

    private SpfRecordParser() {
    }

    /** True if a TXT string is an SPF version 1 record (§4.5): "v=spf1" followed by a space or nothing. */
    static boolean isSpfRecord(String text) {
        return text.regionMatches(true, 0, VERSION, 0, VERSION.length())
                && (text.length() == VERSION.length() || text.charAt(VERSION.length()) == ' ');
    }

    static SpfRecord parse(String text) throws SpfSyntaxException {
        if (!isSpfRecord(text)) {
            throw new SpfSyntaxException("not an SPF record: " + text);
        }
        List<SpfRecord.Directive> directives = new ArrayList<>();
        MacroString redirect = null;
        MacroString exp = null;
        for (String term : text.substring(VERSION.length()).split(" ")) {
            if (term.isEmpty()) {
                continue;
            }
            Matcher modifier = MODIFIER.matcher(term);
            if (!modifier.matches()) {
                directives.add(parseDirective(term));
                continue;
            }
            String name = modifier.group(1).toLowerCase(Locale.ROOT);
            String value = modifier.group(2);
            if (name.equals("redirect")) {
                redirect = once(redirect, DomainSpecs.parse(value), name);
            } else if (name.equals("exp")) {
                exp = once(exp, DomainSpecs.parse(value), name);
            } else {
                MacroParser.parse(value, false);
            }
        }
        return new SpfRecord(directives, redirect, exp);
    }

    private static MacroString once(MacroString existing, MacroString value, String name) throws SpfSyntaxException {
        if (existing != null) {
            throw new SpfSyntaxException("more than one " + name + "= modifier");
        }
        return value;
    }

    private static SpfRecord.Directive parseDirective(String term) throws SpfSyntaxException {
        SpfQualifier qualifier = SpfQualifier.of(term.charAt(0));
        String body = qualifier == null ? term : term.substring(1);
        int end = 0;
        while (end < body.length() && body.charAt(end) != ':' && body.charAt(end) != '/') {
            end++;
        }
        String name = body.substring(0, end).toLowerCase(Locale.ROOT);
        if (!MECHANISM_NAME.matcher(name).matches()) {
            throw new SpfSyntaxException("invalid term: " + term);
        }
        String rest = body.substring(end);
        Mechanism mechanism = parseMechanism(name, rest, term);
        return new SpfRecord.Directive(qualifier == null ? SpfQualifier.PASS : qualifier, mechanism, term);
    }

    private static Mechanism parseMechanism(String name, String rest, String term) throws SpfSyntaxException {
        return switch (name) {
            case "all" -> {
                requireEmpty(rest, term);
                yield new Mechanism.All();
            }
            case "include" -> new Mechanism.Include(requiredDomain(rest, term));
            case "exists" -> new Mechanism.Exists(requiredDomain(rest, term));
            case "ptr" -> new Mechanism.Ptr(optionalDomain(rest, term));
            case "a", "mx" -> parseAddressMechanism(name, rest, term);
            case "ip4" -> IpNetworks.parseIp4(argument(rest, term));
            case "ip6" -> IpNetworks.parseIp6(argument(rest, term));
            default -> throw new SpfSyntaxException("unknown mechanism: " + term);
        };
    }

    private static Mechanism parseAddressMechanism(String name, String rest, String term) throws SpfSyntaxException {
        Matcher cidr = DUAL_CIDR.matcher(rest);
        if (!cidr.matches()) {
            throw new SpfSyntaxException("invalid term: " + term);
        }
        MacroString domain = optionalDomain(cidr.group(1), term);
        int cidr4 = cidr.group(2) == null ? 32 : IpNetworks.prefixLength(cidr.group(2), 32, term);
        int cidr6 = cidr.group(3) == null ? 128 : IpNetworks.prefixLength(cidr.group(3), 128, term);
        return name.equals("a") ? new Mechanism.A(domain, cidr4, cidr6) : new Mechanism.Mx(domain, cidr4, cidr6);
    }

    private static void requireEmpty(String rest, String term) throws SpfSyntaxException {
        if (!rest.isEmpty()) {
            throw new SpfSyntaxException("unexpected argument: " + term);
        }
    }

    private static String argument(String rest, String term) throws SpfSyntaxException {
        if (!rest.startsWith(":") || rest.length() == 1) {
            throw new SpfSyntaxException("missing argument: " + term);
        }
        return rest.substring(1);
    }

    private static MacroString requiredDomain(String rest, String term) throws SpfSyntaxException {
        return DomainSpecs.parse(argument(rest, term));
    }

    private static MacroString optionalDomain(String rest, String term) throws SpfSyntaxException {
        return rest.isEmpty() ? null : DomainSpecs.parse(argument(rest, term));
    }
}
