package org.learninghub.connect.hub.catalogue.importing;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV written by Jackson's CSV generator for content owners' spreadsheets: a cell that a spreadsheet would run as
 * a formula ({@code = + - @}, tab, carriage return first) is prefixed with an apostrophe (OWASP "CSV injection").
 */
final class CsvOut {

    private CsvOut() {
    }

    static String write(List<List<String>> lines) {
        StringWriter out = new StringWriter();
        try (CsvGenerator csv = (CsvGenerator) CsvRows.CSV.getFactory().createGenerator(out)) {
            csv.setSchema(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema());
            for (List<String> line : lines) {
                csv.writeStartArray();
                for (String cell : line) {
                    csv.writeString(safe(cell));
                }
                csv.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
