package io.mailpipe.app.config;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table: a header row, a separator, one row per entry, cells escaped. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    MarkdownTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells: " + cells);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    void appendTo(StringBuilder out) {
        line(out, header);
        line(out, header.stream().map(h -> "---").toList());
        rows.forEach(row -> line(out, row));
        out.append('\n');
    }

    /** A value in code style, or nothing for an empty value. */
    static String code(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String fence = value.contains("`") ? "``" : "`";
        return fence + value + fence;
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("\r", "").replace("\n", " ").replace("|", "\\|").strip();
    }
}
