package io.mailpipe.spf;

import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryZone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zone data shared by the differential test's two evaluators: kept as plain values so it can be loaded into an
 * {@link InMemoryZone} for mailpipe and written as JSON for the pyspf driver (src/test/python/pyspf_oracle.py).
 */
final class DifferentialZone {

    private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();

    DifferentialZone a(String name, String... addresses) {
        list(name, "A").addAll(List.of(addresses));
        return this;
    }

    DifferentialZone aaaa(String name, String... addresses) {
        list(name, "AAAA").addAll(List.of(addresses));
        return this;
    }

    DifferentialZone mx(String name, int preference, String host) {
        list(name, "MX").add(List.of(preference, host));
        return this;
    }

    DifferentialZone txt(String name, String... strings) {
        list(name, "TXT").add(List.of(strings));
        return this;
    }

    DifferentialZone ptr(String reverseName, String host) {
        list(reverseName, "PTR").add(host);
        return this;
    }

    DifferentialZone cname(String name, String target) {
        node(name).put("CNAME", target);
        return this;
    }

    @SuppressWarnings("unchecked")
    DifferentialZone fail(String name, String type, DnsStatus failure) {
        ((Map<String, Object>) node(name).computeIfAbsent("FAIL", k -> new LinkedHashMap<String, Object>()))
                .put(type, failure.name());
        return this;
    }

    @SuppressWarnings("unchecked")
    InMemoryZone toInMemoryZone() {
        InMemoryZone zone = new InMemoryZone();
        nodes.forEach((name, node) -> {
            zone.addName(name);
            node.forEach((type, value) -> {
                switch (type) {
                    case "A" -> ((List<String>) value).forEach(v -> zone.addA(name, v));
                    case "AAAA" -> ((List<String>) value).forEach(v -> zone.addAaaa(name, v));
                    case "MX" -> ((List<List<Object>>) value).forEach(
                            v -> zone.addMx(name, (Integer) v.get(0), (String) v.get(1)));
                    case "TXT" -> ((List<List<String>>) value).forEach(
                            v -> zone.addTxt(name, v.toArray(String[]::new)));
                    case "PTR" -> ((List<String>) value).forEach(v -> zone.addPtr(name, v));
                    case "CNAME" -> zone.addCname(name, (String) value);
                    case "FAIL" -> ((Map<String, String>) value).forEach((t, status) -> zone.fail(name,
                            InMemoryZone.Type.valueOf(t), DnsStatus.valueOf(status)));
                    default -> throw new IllegalStateException("unknown type " + type);
                }
            });
        });
        return zone;
    }

    /** The zone as unbound server-clause lines: one static local-zone and local-data per record. */
    @SuppressWarnings("unchecked")
    List<String> toUnboundLines(String localZone) {
        List<String> lines = new ArrayList<>(List.of("local-zone: \"" + localZone + ".\" static",
                "local-data: \"" + localZone + ". 3600 IN SOA ns." + localZone + ". hostmaster." + localZone
                        + ". 1 3600 600 86400 300\""));
        nodes.forEach((name, node) -> node.forEach((type, value) -> {
            String owner = name + ". 300 IN ";
            switch (type) {
                case "A", "AAAA", "PTR" -> ((List<String>) value).forEach(v -> lines.add("local-data: \"" + owner
                        + type + " " + v + (type.equals("PTR") ? "." : "") + "\""));
                case "MX" -> ((List<List<Object>>) value).forEach(
                        v -> lines.add("local-data: \"" + owner + "MX " + v.get(0) + " " + v.get(1) + ".\""));
                case "TXT" -> ((List<List<String>>) value).forEach(v -> lines.add("local-data: '" + owner + "TXT "
                        + String.join(" ", v.stream().map(t -> "\"" + t + "\"").toList()) + "'"));
                case "CNAME" -> lines.add("local-data: \"" + owner + "CNAME " + value + ".\"");
                default -> throw new IllegalStateException("unbound cannot serve " + type + " for " + name);
            }
        }));
        return lines;
    }

    String toJson() {
        StringBuilder out = new StringBuilder();
        appendJson(out, nodes);
        return out.toString();
    }

    private static void appendJson(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                appendJson(out, entry.getKey().toString());
                out.append(':');
                appendJson(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                appendJson(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Integer number) {
            out.append(number);
        } else {
            out.append('"');
            for (char c : value.toString().toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7E) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String name, String type) {
        return (List<Object>) node(name).computeIfAbsent(type, k -> new ArrayList<>());
    }

    private Map<String, Object> node(String name) {
        return nodes.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new LinkedHashMap<>());
    }
}
