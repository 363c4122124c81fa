package org.learninghub.connect.hub.reporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.hub.api.HubObjectMapper;

/**
 * Writes a report's rows as they come from the database cursor, one at a time: as a JSON object with the report's
 * parameters and an array of row objects, or as CSV (a header line, then one line per row). Nothing is collected.
 */
abstract class RowWriter implements AutoCloseable {

    private static final CsvMapper CSV = new CsvMapper();

    final List<Column> columns;

    RowWriter(List<Column> columns) {
        this.columns = columns;
    }

    static RowWriter of(ReportFormat format, OutputStream out, Map<String, Object> parameters, String rowsName,
                        List<Column> columns) throws IOException {
        return format == ReportFormat.CSV ? new Csv(out, columns) : new Json(out, parameters, rowsName, columns);
    }

    /** One row, its cells in column order; a cell may be null. */
    abstract void row(Object... cells) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /**
     * A cell a spreadsheet would run as a formula ({@code = + - @}, tab or carriage return first) is prefixed with
     * an apostrophe (OWASP "CSV injection"): titles and codes come from administrators and imports.
     */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /** Numbers as plain decimals (no exponent), up to four places for rates and medians. */
    static String plain(Object cell) {
        if (cell instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(cell);
    }

    private static final class Json extends RowWriter {
        private final JsonGenerator json;

        Json(OutputStream out, Map<String, Object> parameters, String rowsName, List<Column> columns)
                throws IOException {
            super(columns);
            json = HubObjectMapper.MAPPER.getFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setCodec(HubObjectMapper.MAPPER);
            json.writeStartObject();
            for (Map.Entry<String, Object> p : parameters.entrySet()) {
                json.writeFieldName(p.getKey());
                json.writeObject(p.getValue() == null ? null : p.getValue().toString());
            }
            json.writeArrayFieldStart(rowsName);
        }

        @Override
        void row(Object... cells) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                Object cell = cells[i];
                if (cell == null) {
                    json.writeNull();
                } else if (cell instanceof Long n) {
                    json.writeNumber(n);
                } else if (cell instanceof Double d) {
                    json.writeNumber(d);
                } else {
                    json.writeString(cell.toString());
                }
            }
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        }
    }

    private static final class Csv extends RowWriter {
        private final CsvGenerator csv;

        Csv(OutputStream out, List<Column> columns) throws IOException {
            super(columns);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv = (CsvGenerator) CSV.getFactory().createGenerator(writer);
            csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            csv.setSchema(CsvSchema.emptySchema());
            csv.writeStartArray();
            for (Column c : columns) {
                csv.writeString(c.name());
            }
            csv.writeEndArray();
        }

        @Override
        void row(Object... cells) throws IOException {
            csv.writeStartArray();
            for (int i = 0; i < columns.size(); i++) {
                Object cell = cells[i];
                csv.writeString(cell == null ? "" : columns.get(i).text() ? neutralised(cell.toString()) : plain(cell));
            }
            csv.writeEndArray();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
