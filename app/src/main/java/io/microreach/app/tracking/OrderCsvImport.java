package io.microreach.app.tracking;

import io.microreach.app.security.CurrentWorkspace;
import io.microreach.campaigns.OrderEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Orders from a CSV file: a header line naming the columns {@code order_id, created_at, total, currency} and
 * optionally {@code promo_code, click_id, updated_at} in any order (other columns are ignored), then one order per
 * line (RFC 4180 quoting). Each line is checked like a webhook body; a bad line is rejected with its line number,
 * field and reason while every good line is stored under the same exactly-once rule as the webhooks ({@link
 * OrderIntake}), so uploading a file again changes nothing. Good lines are stored {@link #CHUNK} at a time, in one
 * statement each.
 */
@Service
public class OrderCsvImport {
    /** How many rejected lines a summary lists (all are counted). */
    public static final int MAX_ERRORS = 1_000;

    /** Orders per statement. */
    static final int CHUNK = 500;

    private static final List<String> REQUIRED = List.of("order_id", "created_at", "total", "currency");

    private final OrderIntake intake;
    private final CurrentWorkspace workspace;

    OrderCsvImport(OrderIntake intake, CurrentWorkspace workspace) {
        this.intake = intake;
        this.workspace = workspace;
    }

    /** Imports into the current workspace (the web caller's, or the command line's). */
    public OrderImportSummary importCurrent(Reader csv) {
        return importCsv(workspace.id(), csv);
    }

    /**
     * Imports into the workspace.
     *
     * @throws OrderProblem when the header is missing or lacks a required column (nothing is stored)
     */
    public OrderImportSummary importCsv(long workspaceId, Reader csv) {
        try (BufferedReader in = new BufferedReader(csv)) {
            CsvLines lines = new CsvLines(in);
            List<String> header = lines.next();
            if (header == null) {
                throw new OrderProblem(
                        "header",
                        "the file is empty; the first line must name the columns " + String.join(",", REQUIRED)
                                + "[,promo_code,click_id,updated_at]");
            }
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                col.putIfAbsent(name, i);
            }
            for (String r : REQUIRED) {
                if (!col.containsKey(r)) {
                    throw new OrderProblem(
                            "header",
                            "line 1 must name the column " + r + " (columns: " + String.join(",", REQUIRED)
                                    + "[,promo_code,click_id,updated_at])");
                }
            }
            long stored = 0;
            long updated = 0;
            long unchanged = 0;
            long rejected = 0;
            List<OrderLineError> errors = new ArrayList<>();
            List<IncomingOrder> chunk = new ArrayList<>(CHUNK);
            List<IngestOutcome> outcomes = new ArrayList<>();
            List<String> row;
            while ((row = lines.next()) != null) {
                long line = lines.startLine();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                try {
                    chunk.add(order(row, col));
                    if (chunk.size() == CHUNK) {
                        outcomes.addAll(intake.ingestAll(workspaceId, OrderSource.CSV, chunk));
                        chunk.clear();
                    }
                } catch (OrderProblem p) {
                    rejected++;
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(new OrderLineError(
                                line,
                                p.field(),
                                p.getMessage().substring(p.field().length() + 2)));
                    }
                }
            }
            outcomes.addAll(intake.ingestAll(workspaceId, OrderSource.CSV, chunk));
            for (IngestOutcome o : outcomes) {
                switch (o) {
                    case STORED -> stored++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            return new OrderImportSummary(stored, updated, unchanged, rejected, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the order CSV: " + e.getMessage(), e);
        }
    }

    private static IncomingOrder order(List<String> row, Map<String, Integer> col) {
        String code = OrderFields.optionalCode("promo_code", cell(row, col, "promo_code"));
        OrderEvent e = new OrderEvent(
                OrderFields.orderId("order_id", cell(row, col, "order_id")),
                OrderFields.time("created_at", cell(row, col, "created_at"), true),
                OrderFields.total("total", cell(row, col, "total")),
                OrderFields.currency("currency", cell(row, col, "currency")),
                code,
                OrderFields.optionalCode("click_id", cell(row, col, "click_id")));
        return new IncomingOrder(
                e,
                code == null ? List.of() : List.of(code),
                OrderFields.time("updated_at", cell(row, col, "updated_at"), false),
                null);
    }

    private static String cell(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= row.size() ? null : row.get(i);
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static final class CsvLines {
        private final BufferedReader in;
        private long line;
        private long startLine;

        CsvLines(BufferedReader in) {
            this.in = in;
        }

        long startLine() {
            return startLine;
        }

        List<String> next() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= text.length()) {
                    if (quoted) {
                        String more = in.readLine();
                        if (more == null) {
                            break; // an unclosed quote: the field runs to the end of the file
                        }
                        line++;
                        cur.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    break;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            fields.add(cur.toString());
            return fields;
        }
    }
}
