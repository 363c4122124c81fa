package org.learninghub.connect.hub.catalogue.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.ResourceInput;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/**
 * Reads an import CSV (RFC 4180, header row, UTF-8) with Jackson's CSV parser into {@link ImportRow}s. The header
 * must name known columns, each once, including {@link Columns#REQUIRED}; otherwise the whole file is a 400.
 */
public final class CsvRows {

    static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CsvRows() {
    }

    public static List<ImportRow> read(InputStream body, int maxRows) throws IOException {
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).readValues(body)) {
            if (!lines.hasNext()) {
                throw HubProblem.badRequest("header", "the file is empty: a header row is required");
            }
            Map<String, Integer> header = header(lines.next());
            List<ImportRow> rows = new ArrayList<>();
            while (lines.hasNext()) {
                List<String> cells = lines.next();
                if (rows.size() == maxRows) {
                    throw HubProblem.badRequest("rows", "an import holds at most " + maxRows + " rows");
                }
                rows.add(row(rows.size() + 1, header, cells));
            }
            return rows;
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            // Spreadsheets often save a byte order mark before the first name.
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!Columns.ALL.contains(name)) {
                throw HubProblem.badRequest("header", "unknown column '" + cut(name)
                        + "'; the columns are " + String.join(",", Columns.ALL));
            }
            if (header.put(name, i) != null) {
                throw HubProblem.badRequest("header", "column " + name + " appears twice");
            }
        }
        for (String required : Columns.REQUIRED) {
            if (!header.containsKey(required)) {
                throw HubProblem.badRequest("header", "column " + required + " is required");
            }
        }
        return header;
    }

    private static ImportRow row(int number, Map<String, Integer> header, List<String> cells) {
        List<Problem> problems = new ArrayList<>();
        if (cells.size() > header.size()) {
            problems.add(Problem.rejected("row", "more-cells-than-columns", Integer.toString(cells.size())));
        }
        Cells c = new Cells(header, cells);
        Boolean gradable = Cells.bool(c.get(Columns.GRADABLE), problems);
        Double max = Cells.number(c.get(Columns.SCORE_MAXIMUM), Columns.SCORE_MAXIMUM, problems);
        ResourceInput input = new ResourceInput(c.get(Columns.TITLE), c.get(Columns.DESCRIPTION),
                c.list(Columns.KEYWORDS), c.get(Columns.TYPE), c.get(Columns.LAUNCH_URL), c.get(Columns.ACTIVITY_ID),
                c.get(Columns.VERSION), c.get(Columns.OWNER_TRUST), null, c.get(Columns.SOURCE_ID),
                c.list(Columns.AUDIENCE), c.get(Columns.LICENCE), gradable, max);
        return new ImportRow(number, c.get(Columns.SOURCE_ID), input, problems);
    }

    static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The cells of one line by column name; a missing or empty cell is null. */
    record Cells(Map<String, Integer> header, List<String> cells) {

        String get(String column) {
            Integer i = header.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i);
            return v == null || v.isEmpty() ? null : v;
        }

        List<String> list(String column) {
            String v = get(column);
            return v == null ? List.of() : Arrays.asList(v.split(Columns.LIST_SEPARATOR, -1));
        }

        static Boolean bool(String v, List<Problem> problems) {
            if (v == null) {
                return null;
            }
            switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "y", "1" -> {
                    return true;
                }
                case "false", "no", "n", "0" -> {
                    return false;
                }
                default -> {
                    problems.add(Problem.rejected(Columns.GRADABLE, "boolean", v));
                    return null;
                }
            }
        }

        static Double number(String v, String field, List<Problem> problems) {
            if (v == null) {
                return null;
            }
            if (v.length() > 30) {
                problems.add(Problem.rejected(field, "number", v));
                return null;
            }
            try {
                double d = Double.parseDouble(v.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(Problem.rejected(field, "number", v));
            return null;
        }
    }
}
