package io.mailpipe.spf;

import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryZone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One scenario of an openspf YAML test suite: its tests and its zone data served as the suite's drivers serve it
 * (an SPF entry doubles as TXT unless the name has its own TXT entry; {@code TYPE: NONE} is no record; a bare
 * {@code TIMEOUT} makes every type without a record listed before it time out; a name that is absent is NXDOMAIN).
 */
record SuiteScenario(String description, Map<String, SuiteCase> tests, InMemoryZone zone) {

    /** One test: inputs, accepted results (first preferred) and the expected explanation or {@code null}. */
    record SuiteCase(String name, String helo, String host, String mailFrom, List<SpfOutcome> results,
            String explanation) {
    }

    static List<SuiteScenario> load(String resource) throws IOException {
        List<SuiteScenario> scenarios = new ArrayList<>();
        try (InputStream in = SuiteScenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
                if (document != null) {
                    scenarios.add(fromDocument(asMap(document)));
                }
            }
        }
        return scenarios;
    }

    private static SuiteScenario fromDocument(Map<String, Object> document) {
        Map<String, SuiteCase> tests = new LinkedHashMap<>();
        asMap(document.get("tests")).forEach((name, value) -> tests.put(name, toCase(name, asMap(value))));
        InMemoryZone zone = new InMemoryZone();
        Object zonedata = document.get("zonedata");
        if (zonedata != null) {
            asMap(zonedata).forEach((name, entries) -> addName(zone, name, (List<?>) entries));
        }
        return new SuiteScenario(String.valueOf(document.get("description")), tests, zone);
    }

    private static SuiteCase toCase(String name, Map<String, Object> test) {
        List<SpfOutcome> results = new ArrayList<>();
        Object result = test.get("result");
        for (Object one : result instanceof List<?> list ? list : List.of(result)) {
            results.add(outcomeOf(String.valueOf(one)));
        }
        Object explanation = test.get("explanation");
        return new SuiteCase(name, String.valueOf(test.get("helo")), String.valueOf(test.get("host")),
                String.valueOf(test.get("mailfrom")), results, explanation == null ? null : explanation.toString());
    }

    private static SpfOutcome outcomeOf(String keyword) {
        return switch (keyword.toLowerCase(Locale.ROOT)) {
            case "unknown" -> SpfOutcome.PERMERROR;
            case "error" -> SpfOutcome.TEMPERROR;
            default -> SpfOutcome.fromKeyword(keyword);
        };
    }

    private static void addName(InMemoryZone zone, String name, List<?> entries) {
        zone.addName(name);
        boolean hasTxt = entries.stream().anyMatch(e -> e instanceof Map<?, ?> m && m.containsKey("TXT"));
        boolean timeout = false;
        for (Object entry : entries) {
            if ("TIMEOUT".equals(entry)) {
                timeout = true;
                continue;
            }
            Map.Entry<String, Object> record = asMap(entry).entrySet().iterator().next();
            String type = record.getKey();
            if (timeout || type.equals("SPF") && hasTxt || "NONE".equals(record.getValue())) {
                continue;
            }
            addRecord(zone, name, type.equals("SPF") ? "TXT" : type, record.getValue());
        }
        if (timeout) {
            for (InMemoryZone.Type type : InMemoryZone.Type.values()) {
                if (!zone.hasRecords(name, type)) {
                    zone.fail(name, type, DnsStatus.TIMEOUT);
                }
            }
        }
    }

    private static void addRecord(InMemoryZone zone, String name, String type, Object value) {
        if ("TIMEOUT".equals(value)) {
            zone.fail(name, InMemoryZone.Type.valueOf(type), DnsStatus.TIMEOUT);
            return;
        }
        switch (type) {
            case "A" -> zone.addA(name, value.toString());
            case "AAAA" -> zone.addAaaa(name, value.toString());
            case "MX" -> zone.addMx(name, ((Number) ((List<?>) value).get(0)).intValue(),
                    ((List<?>) value).get(1).toString());
            case "PTR" -> zone.addPtr(name, value.toString());
            case "CNAME" -> zone.addCname(name, value.toString());
            case "TXT" -> zone.addTxt(name, value instanceof List<?> list
                    ? list.stream().map(String::valueOf).toArray(String[]::new)
                    : new String[] {value.toString()});
            default -> throw new IllegalArgumentException("unsupported record type " + type + " for " + name);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
