import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.learninghub.connect.xapi.statement.store.Link;
import org.learninghub.connect.xapi.statement.store.NewStatement;
import org.learninghub.connect.xapi.statement.store.StatementIndex;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Statement query benchmark (run by bench/statement-queries.sh, outside mvn verify).
 *
 * <p>{@code load <jdbc-url> <statements> <public-url>}: writes realistic e-learning statements straight into the
 * LRS's own tables (PostgreSQL COPY), with the link rows the LRS itself would write: each statement's agents,
 * activities and verb come from the LRS's own {@link StatementIndex}, and voiding statements take their target's
 * links as {@code LinkRows} does. The benchmark trusts (codes BQ01..BQ30) and one credential each must exist
 * (the script makes them through the admin API); a credential is the authority of its trust's statements.
 *
 * <p>{@code measure <jdbc-url> <xapi-base> <trust-code> <key> <secret> <clients> <requests> <limit>}: for each
 * query shape, p50/p95/p99 and requests/s over HTTP with that many concurrent clients, beside the same filter as
 * hand-written indexed SQL over JDBC timed the same way in the same run. Each HTTP answer's ids are checked
 * against the SQL's first.
 */
public class StatementQueries {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CATALOGUE = "https://hub.learninghub.example/catalogue/";
    static final String EXT = "https://hub.learninghub.example/xapi/extensions/";
    static final int COURSES = 1000;
    static final int MODULES_PER_COURSE = 4;
    static final int PROGRAMMES = 40;
    static final int LEARNERS = 200_000;
    static final String ADL = "http://adlnet.gov/expapi/verbs/";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> new Loader(args[1], Integer.parseInt(args[2]), args[3]).run();
            case "measure" -> new Measure(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]), Integer.parseInt(args[8])).run();
            case "plans" -> plans(args[1], args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("load | measure | plans");
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    // ------------------------------------------------------------------------------------------------ load

    record Trust(long id, String code, ObjectNode authority, int firstLearner, int learners, double weight) {
    }

    /** A learner's attempt at a course: the statements an xAPI course sends in one registration. */
    static final class Session {
        final int learner;
        final int course;
        final UUID registration = UUID.randomUUID();
        final ArrayDeque<String[]> script = new ArrayDeque<>();

        Session(int learner, int course, Random r) {
            this.learner = learner;
            this.course = course;
            script.add(new String[] {"launched", "course"});
            script.add(new String[] {"initialized", "course"});
            int modules = 1 + r.nextInt(MODULES_PER_COURSE);
            for (int m = 1; m <= modules; m++) {
                String mod = "m" + m;
                script.add(new String[] {"experienced", mod});
                for (int q = r.nextInt(3); q > 0; q--) {
                    script.add(new String[] {"answered", mod});
                }
                script.add(new String[] {"completed", mod});
            }
            script.add(new String[] {r.nextInt(5) == 0 ? "failed" : "passed", "course"});
            script.add(new String[] {"completed", "course"});
            script.add(new String[] {"terminated", "course"});
        }
    }

    static final class Loader {
        final String url;
        final int total;
        final String publicUrl;
        final Random random = new Random(20);
        final List<Trust> trusts = new ArrayList<>();
        final Map<Long, List<Session>> active = new HashMap<>();
        final Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        long seq;
        OffsetDateTime stored;
        int tiesLeft;

        Loader(String url, int total, String publicUrl) {
            this.url = url;
            this.total = total;
            this.publicUrl = publicUrl;
        }

        void run() throws Exception {
            try (Connection c = connect(url)) {
                readTrusts(c);
                long count = count(c, "SELECT count(*) FROM xapi_statement");
                if (count >= total) {
                    System.out.printf("load: %d statements already stored, nothing to do%n", count);
                    return;
                }
                System.out.printf("load: %d statements into %d trusts (%d learners, %d activities)%n", total,
                        trusts.size(), LEARNERS, COURSES * (1 + MODULES_PER_COURSE));
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE xapi_statement, xapi_statement_agent, xapi_statement_activity, "
                            + "xapi_statement_verb, xapi_activity");
                }
                List<String> rebuild = dropIndexes(c);
                seq = count(c, "SELECT last_value FROM xapi_statement_seq");
                long t0 = System.nanoTime();
                copyStatements(c);
                System.out.printf("load: rows copied in %.0f s; rebuilding %d indexes%n", (System.nanoTime() - t0) / 1e9,
                        rebuild.size());
                try (Statement s = c.createStatement()) {
                    s.execute("SET maintenance_work_mem = '512MB'");
                    for (String ddl : rebuild) {
                        s.execute(ddl);
                    }
                    s.execute("SELECT setval('xapi_statement_seq', " + seq + ")");
                    // The steady state of a running LRS: statistics fresh and the visibility map set by autovacuum.
                    s.execute("VACUUM ANALYZE xapi_statement, xapi_statement_agent, xapi_statement_activity, "
                            + "xapi_statement_verb, xapi_activity");
                }
                System.out.printf("load: done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            }
        }

        void readTrusts(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.code, "
                    + "(SELECT k.cred_key FROM lrs_credential k WHERE k.tenant_id = t.id ORDER BY k.created LIMIT 1), "
                    + "(SELECT k.name FROM lrs_credential k WHERE k.tenant_id = t.id ORDER BY k.created LIMIT 1) "
                    + "FROM trust t WHERE t.code LIKE 'BQ%' ORDER BY t.code");
                 ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
                if (rows.isEmpty()) {
                    throw new IllegalStateException("no trusts BQ01..BQ30: run bench/statement-queries.sh");
                }
                // The first trust is a large one (30 %); the others share the rest, each smaller than the last.
                double[] w = new double[rows.size()];
                double rest = 0;
                for (int i = 1; i < w.length; i++) {
                    rest += w[i] = 1 / Math.pow(i, 0.8);
                }
                w[0] = rows.size() == 1 ? 1 : 0.3;
                for (int i = 1; i < w.length; i++) {
                    w[i] = w[i] / rest * 0.7;
                }
                int first = 0;
                for (int i = 0; i < rows.size(); i++) {
                    Object[] row = rows.get(i);
                    ObjectNode authority = JSON.createObjectNode().put("objectType", "Agent").put("name", (String) row[3]);
                    authority.putObject("account").put("homePage", publicUrl).put("name", (String) row[2]);
                    int learners = i == rows.size() - 1 ? LEARNERS - first : (int) Math.round(LEARNERS * w[i]);
                    trusts.add(new Trust((Long) row[0], (String) row[1], authority, first, learners, w[i]));
                    first += learners;
                }
            }
        }

        static long count(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Drops the statement tables' indexes for the load; answers the DDL that recreates them as they were. */
        static List<String> dropIndexes(Connection c) throws SQLException {
            List<String> ddl = new ArrayList<>();
            List<String> drop = new ArrayList<>();
            String tables = "('xapi_statement','xapi_statement_agent','xapi_statement_activity','xapi_statement_verb')";
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) "
                        + "FROM pg_constraint WHERE contype IN ('p','u') AND conrelid::regclass::text IN " + tables)) {
                    while (rs.next()) {
                        drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                        ddl.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename IN "
                        + tables + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
                    while (rs.next()) {
                        drop.add("DROP INDEX " + rs.getString(1));
                        ddl.add(rs.getString(2));
                    }
                }
                for (String d : drop) {
                    s.execute(d);
                }
            }
            return ddl;
        }

        /** Rows of the four tables for a chunk of statements, in COPY text format. */
        static final class Chunk {
            final StringBuilder statements = new StringBuilder(1 << 24);
            final StringBuilder agents = new StringBuilder(1 << 22);
            final StringBuilder activities = new StringBuilder(1 << 22);
            final StringBuilder verbs = new StringBuilder(1 << 21);
        }

        static final Chunk END = new Chunk();

        void copyStatements(Connection c) throws Exception {
            BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);
            Exception[] failure = new Exception[1];
            Thread writer = new Thread(() -> {
                try {
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    try (Statement s = c.createStatement()) {
                        s.execute("SET synchronous_commit = off");
                    }
                    for (Chunk k = queue.take(); k != END; k = queue.take()) {
                        copy.copyIn("COPY xapi_statement (tenant_id, id, seq, stored, registration, voiding_target, voided, "
                                + "has_attachments, statement_json) FROM STDIN", new StringReader(k.statements.toString()));
                        copy.copyIn("COPY xapi_statement_agent (tenant_id, seq, ifi, relation) FROM STDIN",
                                new StringReader(k.agents.toString()));
                        copy.copyIn("COPY xapi_statement_activity (tenant_id, seq, iri, relation) FROM STDIN",
                                new StringReader(k.activities.toString()));
                        copy.copyIn("COPY xapi_statement_verb (tenant_id, seq, iri) FROM STDIN", new StringReader(k.verbs.toString()));
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            writer.start();
            stored = OffsetDateTime.now(ZoneOffset.UTC).minusDays(180).truncatedTo(ChronoUnit.MILLIS);
            long stepMicros = Duration.ofDays(180).toNanos() / 1000 / total;
            Chunk chunk = new Chunk();
            long bytes = 0;
            for (int n = 0; n < total; ) {
                Trust trust = pickTrust();
                List<Session> sessions = active.computeIfAbsent(trust.id(), k -> new ArrayList<>());
                int pool = Math.max(3, (int) (400 * trust.weight()));
                if (sessions.size() < pool) {
                    sessions.add(new Session(trust.firstLearner() + random.nextInt(trust.learners()), popularCourse(), random));
                }
                int pick = random.nextInt(sessions.size());
                Session session = sessions.get(pick);
                String[] step = session.script.poll();
                if (session.script.isEmpty()) {
                    sessions.set(pick, sessions.get(sessions.size() - 1));
                    sessions.remove(sessions.size() - 1);
                }
                advance(stepMicros);
                ObjectNode statement = statement(trust, session, step[0], step[1]);
                // About one statement in 2 000 is voided by the trust's administrator soon after.
                boolean voided = random.nextInt(2000) == 0;
                NewStatement indexed = write(chunk, trust, statement, voided, null);
                bytes += statement.toString().length();
                n++;
                if (voided && n < total) {
                    advance(stepMicros);
                    write(chunk, trust, voiding(trust, indexed.id()), false, indexed);
                    n++;
                }
                if (n % 20_000 == 0 || n == total) {
                    queue.put(chunk);
                    chunk = new Chunk();
                    if (n % 100_000 == 0) {
                        System.out.printf("load: %d statements generated (%d bytes each on average)%n", n, bytes / n);
                    }
                }
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            queue.put(END);
            writer.join();
            if (failure[0] != null) {
                throw failure[0];
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO xapi_activity (tenant_id, iri, definition_json) VALUES (?,?,?)")) {
                for (Map.Entry<String, ObjectNode> e : definitions.entrySet()) {
                    int bar = e.getKey().indexOf('|');
                    ps.setLong(1, Long.parseLong(e.getKey().substring(0, bar)));
                    ps.setString(2, e.getKey().substring(bar + 1));
                    ps.setString(3, e.getValue().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /** Stored time moves on with stored order; a few statements at a time share one (one request's batch). */
        void advance(long stepMicros) {
            if (tiesLeft > 0) {
                tiesLeft--;
                return;
            }
            tiesLeft = random.nextInt(4);
            long micros = (long) (-Math.log(1 - random.nextDouble()) * stepMicros * (1 + tiesLeft));
            stored = stored.plus(Math.max(1, micros / 1000), ChronoUnit.MILLIS);
        }

        Trust pickTrust() {
            double r = random.nextDouble();
            for (Trust t : trusts) {
                if ((r -= t.weight()) < 0) {
                    return t;
                }
            }
            return trusts.get(trusts.size() - 1);
        }

        /** Some courses are far more popular than others (mandatory training). */
        int popularCourse() {
            return (int) (COURSES * Math.pow(random.nextDouble(), 2.5));
        }

        ObjectNode statement(Trust trust, Session session, String verb, String part) {
            ObjectNode s = JSON.createObjectNode();
            s.put("id", UUID.randomUUID().toString());
            ObjectNode actor = s.putObject("actor").put("objectType", "Agent").put("name", "Learner " + session.learner);
            actor.putObject("account").put("homePage", "https://lms." + trust.code().toLowerCase() + ".nhs.example")
                    .put("name", String.format("u%06d", session.learner));
            s.putObject("verb").put("id", ADL + verb).putObject("display").put("en-GB", verb).put("en-US", verb);
            String course = CATALOGUE + "courses/c" + session.course;
            boolean module = !part.equals("course");
            ObjectNode object = s.putObject("object").put("objectType", "Activity").put("id", module ? course + "/modules/" + part : course);
            ObjectNode def = object.putObject("definition");
            String title = (module ? "Module " + part.substring(1) + " of course " : "Course ") + session.course;
            def.putObject("name").put("en-GB", title).put("cy-GB", "Cwrs " + title);
            def.putObject("description").put("en-GB", "Statutory and mandatory training: " + title
                    + ". Covers the learning outcomes set by the national framework for this topic.");
            def.put("type", "http://adlnet.gov/expapi/activities/" + (module ? "module" : "course"));
            if (verb.equals("answered")) {
                def.put("interactionType", "choice").putArray("correctResponsesPattern").add("b");
            }
            if (Set.of("answered", "completed", "passed", "failed").contains(verb)) {
                ObjectNode result = s.putObject("result");
                int raw = verb.equals("failed") ? 20 + random.nextInt(50) : 70 + random.nextInt(31);
                result.putObject("score").put("scaled", raw / 100.0).put("raw", raw).put("min", 0).put("max", 100);
                result.put("success", !verb.equals("failed")).put("completion", !verb.equals("answered"));
                result.put("duration", "PT" + (1 + random.nextInt(40)) + "M" + random.nextInt(60) + "S");
                if (verb.equals("answered")) {
                    result.put("response", "b");
                }
                result.putObject("extensions").put(EXT + "attempt", 1 + random.nextInt(3));
            }
            ObjectNode context = s.putObject("context");
            context.put("registration", session.registration.toString());
            if (random.nextInt(20) == 0) {
                context.putObject("instructor").put("objectType", "Agent").put("name", "Tutor")
                        .put("mbox", "mailto:tutor" + random.nextInt(200) + "@" + trust.code().toLowerCase() + ".nhs.example");
            }
            ObjectNode ca = context.putObject("contextActivities");
            if (module) {
                ca.putArray("parent").addObject().put("objectType", "Activity").put("id", course);
            }
            ca.putArray("grouping").addObject().put("objectType", "Activity")
                    .put("id", CATALOGUE + "programmes/p" + session.course % PROGRAMMES);
            ca.putArray("category").addObject().put("objectType", "Activity").put("id", "https://w3id.org/xapi/scorm");
            context.put("platform", "Moodle 4.1").put("language", "en-GB");
            context.putObject("extensions").put(EXT + "trust", trust.code()).put(EXT + "launch-bridge", true)
                    .put(EXT + "session", session.registration.toString().substring(0, 8));
            complete(s, trust);
            return s;
        }

        ObjectNode voiding(Trust trust, UUID target) {
            ObjectNode s = JSON.createObjectNode();
            s.put("id", UUID.randomUUID().toString());
            s.putObject("actor").put("objectType", "Agent").put("name", "LRS administrator")
                    .put("mbox", "mailto:lrs-admin@" + trust.code().toLowerCase() + ".nhs.example");
            s.putObject("verb").put("id", ADL + "voided").putObject("display").put("en-US", "voided");
            s.putObject("object").put("objectType", "StatementRef").put("id", target.toString());
            complete(s, trust);
            return s;
        }

        /** What StatementIntake adds: stored, timestamp, authority, version. */
        void complete(ObjectNode s, Trust trust) {
            s.put("timestamp", stored.minus(random.nextInt(5000), ChronoUnit.MILLIS).toString());
            s.put("stored", stored.toString());
            s.set("authority", trust.authority().deepCopy());
            s.put("version", "1.0.0");
        }

        /** One statement's rows, as StatementWriter and LinkRows write them. */
        NewStatement write(Chunk k, Trust trust, ObjectNode statement, boolean voided, NewStatement target) {
            NewStatement s = StatementIndex.of(statement, statement);
            long at = ++seq;
            long t = trust.id();
            row(k.statements, t, s.id(), at, stored, s.registration().orElse(null), s.voidingTarget().orElse(null),
                    voided ? "t" : "f", "f", statement.toString());
            List<Link> agents = new ArrayList<>(s.agents());
            List<Link> activities = new ArrayList<>(s.activities());
            Set<String> verbs = new java.util.LinkedHashSet<>(List.of(s.verb()));
            if (target != null) {
                copyMissing(agents, target.agents());
                copyMissing(activities, target.activities());
                verbs.add(target.verb());
            }
            agents.forEach(l -> row(k.agents, t, at, l.key(), String.valueOf(l.relation())));
            activities.forEach(l -> row(k.activities, t, at, l.key(), String.valueOf(l.relation())));
            verbs.forEach(v -> row(k.verbs, t, at, v));
            s.activityDefinitions().forEach((iri, def) -> definitions.merge(t + "|" + iri, def, (a, b) -> a));
            return s;
        }

        static void copyMissing(List<Link> into, List<Link> from) {
            Set<String> have = new HashSet<>();
            into.forEach(l -> have.add(l.key()));
            from.stream().filter(l -> !have.contains(l.key())).forEach(into::add);
        }

        static void row(StringBuilder out, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    out.append("\\N");
                } else {
                    String text = v.toString();
                    for (int j = 0; j < text.length(); j++) {
                        char ch = text.charAt(j);
                        switch (ch) {
                            case '\\' -> out.append("\\\\");
                            case '\t' -> out.append("\\t");
                            case '\n' -> out.append("\\n");
                            case '\r' -> out.append("\\r");
                            default -> out.append(ch);
                        }
                    }
                }
            }
            out.append('\n');
        }
    }

    // ------------------------------------------------------------------------------------------------ plans

    /**
     * The LRS's activity&since SQL as it was (plain join) and as it is on PostgreSQL (lateral probe), each
     * planned afresh for every execution ({@code prepareThreshold=0}: what a pooled connection does for its
     * first five executions of a statement), over the same sampled probes, one client.
     */
    static void plans(String url, String code, int limit) throws Exception {
        String columns = "s.seq, s.statement_json, s.stored, s.voided, s.has_attachments";
        String bound = "d.seq >= COALESCE((SELECT b.seq FROM xapi_statement b WHERE b.tenant_id = ? AND b.stored > ? "
                + "ORDER BY b.stored ASC LIMIT 1), 0)";
        String plain = "SELECT " + columns + " FROM xapi_statement_activity d JOIN xapi_statement s ON s.tenant_id = d.tenant_id "
                + "AND s.seq = d.seq WHERE d.tenant_id = ? AND d.iri = ? AND d.relation = 'D' AND " + bound
                + " AND s.voided = FALSE AND s.stored > ? ORDER BY d.seq DESC LIMIT ?";
        String lateral = "SELECT " + columns + " FROM xapi_statement_activity d CROSS JOIN LATERAL (SELECT " + columns
                + " FROM xapi_statement s WHERE s.tenant_id = d.tenant_id AND s.seq = d.seq AND s.voided = FALSE AND s.stored > ? "
                + "LIMIT 1) s WHERE d.tenant_id = ? AND d.iri = ? AND d.relation = 'D' AND " + bound + " ORDER BY d.seq DESC LIMIT ?";
        List<Object[]> probes = new ArrayList<>();
        try (Connection c = connect(url)) {
            long tenant = Loader.count(c, "SELECT id FROM trust WHERE code = '" + code + "'");
            try (PreparedStatement ps = c.prepareStatement("SELECT statement_json FROM xapi_statement "
                    + "WHERE tenant_id = ? AND seq % 997 = 0 AND NOT voided AND voiding_target IS NULL LIMIT 300")) {
                ps.setLong(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode s = JSON.readTree(rs.getString(1));
                        JsonNode parent = s.path("context").path("contextActivities").path("parent").path(0).path("id");
                        String activity = parent.isMissingNode() ? s.get("object").get("id").asText() : parent.asText();
                        OffsetDateTime since = OffsetDateTime.parse(s.get("stored").asText()).minusDays(7);
                        probes.add(new Object[] {tenant, activity, since, since.minusSeconds(60)});
                    }
                }
            }
        }
        System.out.printf("plans: activity&since (a course, 7 days), %d probes, limit=%d, planned at every execution%n",
                probes.size(), limit);
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "prepareThreshold=0", "postgres", "")) {
            // Each probe runs in both forms one after the other, so both see the same load of the moment.
            List<String[]> forms = List.of(new String[] {"plain join (before)", plain}, new String[] {"lateral probe (after)", lateral});
            long[][] latencies = new long[2][probes.size()];
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < probes.size(); i++) {
                    Object[] p = probes.get(i);
                    for (int f = 0; f < 2; f++) {
                        List<Object> args = f == 0
                                ? List.of(p[0], p[1], p[0], p[3], p[2], limit + 1)
                                : List.of(p[2], p[0], p[1], p[0], p[3], limit + 1);
                        long t0 = System.nanoTime();
                        try (PreparedStatement ps = Measure.prepare(c, forms.get(f)[1], args); ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(2);
                            }
                        }
                        latencies[f][i] = System.nanoTime() - t0;
                    }
                }
            }
            for (int f = 0; f < 2; f++) {
                Arrays.sort(latencies[f]);
                System.out.printf("%-24s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", forms.get(f)[0],
                        Measure.ms(latencies[f], 50), Measure.ms(latencies[f], 95), Measure.ms(latencies[f], 99),
                        latencies[f][probes.size() - 1] / 1e6);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ measure

    /** One request of a shape: its xAPI query string and the same filter as hand-written SQL. */
    record Probe(String query, String sql, List<Object> args) {
    }

    record Shape(String name, List<Probe> probes) {
    }

    record Figures(double p50, double p95, double p99, double perSecond, int errors) {
    }

    static final class Measure {
        final String url;
        final String xapi;
        final String code;
        final String auth;
        final int clients;
        final int requests;
        final int limit;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final Random random = new Random(7);
        long tenant;

        Measure(String url, String xapi, String code, String key, String secret, int clients, int requests, int limit) {
            this.url = url;
            this.xapi = xapi.endsWith("/") ? xapi : xapi + "/";
            this.code = code;
            this.auth = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
            this.clients = clients;
            this.requests = requests;
            this.limit = limit;
        }

        static final String BASE = "SELECT s.seq, s.statement_json FROM ";
        static final String ABOUT = "about";
        static final String JOIN = " JOIN xapi_statement s ON s.tenant_id = d.tenant_id AND s.seq = d.seq ";

        void run() throws Exception {
            List<JsonNode> samples = new ArrayList<>();
            long statements;
            try (Connection c = connect(url)) {
                tenant = Loader.count(c, "SELECT id FROM trust WHERE code = '" + code + "'");
                statements = Loader.count(c, "SELECT count(*) FROM xapi_statement WHERE tenant_id = " + tenant);
                long max = Loader.count(c, "SELECT max(seq) FROM xapi_statement");
                Long[] picks = new Long[4000];
                for (int i = 0; i < picks.length; i++) {
                    picks[i] = 1 + (long) (random.nextDouble() * max);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT statement_json FROM xapi_statement "
                        + "WHERE tenant_id = ? AND seq = ANY (?) AND NOT voided AND voiding_target IS NULL")) {
                    ps.setLong(1, tenant);
                    ps.setArray(2, c.createArrayOf("BIGINT", picks));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && samples.size() < 300) {
                            samples.add(JSON.readTree(rs.getString(1)));
                        }
                    }
                }
            }
            System.out.printf("measure: trust %s (%d of its statements), %d clients, %d requests per figure, limit=%d, "
                    + "%d sampled statements for parameters%n", code, statements, clients, requests, limit, samples.size());
            List<Shape> shapes = shapes(samples);
            System.out.printf("%-30s | %-38s | %-38s | %s%n", "shape", "HTTP p50 / p95 / p99 ms, req/s",
                    "SQL p50 / p95 / p99 ms, req/s", "p99 ratio");
            for (Shape shape : shapes) {
                int mismatches = check(shape);
                Figures sql = time(shape, this::sqlCall);
                Figures web = time(shape, this::httpCall);
                System.out.printf("%-30s | %6.1f / %6.1f / %6.1f  %7.0f/s | %6.2f / %6.2f / %6.2f  %7.0f/s | %6.1fx%s%n",
                        shape.name(), web.p50(), web.p95(), web.p99(), web.perSecond(), sql.p50(), sql.p95(), sql.p99(),
                        sql.perSecond(), web.p99() / sql.p99(),
                        (web.errors() + sql.errors() > 0 ? "  ERRORS " + web.errors() + "/" + sql.errors() : "")
                                + (mismatches > 0 ? "  ANSWERS DIFFER " + mismatches : ""));
            }
        }

        List<Shape> shapes(List<JsonNode> samples) throws Exception {
            List<Probe> agent = new ArrayList<>();
            List<Probe> agentVerb = new ArrayList<>();
            List<Probe> activitySince = new ArrayList<>();
            List<Probe> related = new ArrayList<>();
            List<Probe> registration = new ArrayList<>();
            List<Probe> verb = new ArrayList<>();
            List<Probe> page2 = new ArrayList<>();
            List<Probe> page10 = new ArrayList<>();
            String agentSql = BASE + "xapi_statement_agent d" + JOIN
                    + "WHERE d.tenant_id = ? AND d.ifi = ? AND d.relation = 'D' AND NOT s.voided ";
            String activitySql = BASE + "xapi_statement_activity d" + JOIN + "WHERE d.tenant_id = ? AND d.iri = ? ";
            String verbSql = BASE + "xapi_statement_verb d" + JOIN + "WHERE d.tenant_id = ? AND d.iri = ? AND NOT s.voided ";
            for (JsonNode s : samples) {
                JsonNode account = s.get("actor").get("account");
                String actor = JSON.createObjectNode().set("account", account.deepCopy()).toString();
                String ifi = "account:" + account.get("homePage").asText() + "|" + account.get("name").asText();
                String v = s.get("verb").get("id").asText();
                String object = s.get("object").get("id").asText();
                JsonNode parent = s.path("context").path("contextActivities").path("parent").path(0).path("id");
                String course = parent.isMissingNode() ? object : parent.asText();
                OffsetDateTime since = OffsetDateTime.parse(s.get("stored").asText()).minusDays(7);
                agent.add(new Probe(q("agent", actor), agentSql + "ORDER BY d.seq DESC LIMIT ?", List.of(tenant, ifi, limit)));
                agentVerb.add(new Probe(q("agent", actor) + "&" + q("verb", v), BASE + "xapi_statement_agent d"
                        + " JOIN xapi_statement_verb v ON v.tenant_id = d.tenant_id AND v.seq = d.seq AND v.iri = ?" + JOIN
                        + "WHERE d.tenant_id = ? AND d.ifi = ? AND d.relation = 'D' AND NOT s.voided ORDER BY d.seq DESC LIMIT ?",
                        List.of(v, tenant, ifi, limit)));
                activitySince.add(new Probe(q("activity", object) + "&" + q("since", since.toString()), activitySql
                        + "AND d.relation = 'D' AND NOT s.voided AND s.stored > ? ORDER BY d.seq DESC LIMIT ?",
                        List.of(tenant, object, since, limit)));
                related.add(new Probe(q("activity", course) + "&related_activities=true",
                        activitySql + "AND NOT s.voided ORDER BY d.seq DESC LIMIT ?", List.of(tenant, course, limit)));
                registration.add(new Probe(q("registration", s.get("context").get("registration").asText()),
                        BASE + "xapi_statement s WHERE s.tenant_id = ? AND s.registration = ? AND NOT s.voided "
                                + "ORDER BY s.seq DESC LIMIT ?",
                        List.of(tenant, UUID.fromString(s.get("context").get("registration").asText()), limit)));
                verb.add(new Probe(q("verb", v), verbSql + "ORDER BY d.seq DESC LIMIT ?", List.of(tenant, v, limit)));
            }
            // "more": pages 2 and 10 of broad verb queries, reached by following the more links (not timed);
            // the baseline reaches its page by walking the same keyset in SQL.
            String pageSql = verbSql + "AND d.seq < ? ORDER BY d.seq DESC LIMIT ?";
            for (JsonNode s : samples.subList(0, Math.min(60, samples.size()))) {
                String v = s.get("verb").get("id").asText();
                String more = "statements?" + q("verb", v) + "&limit=" + limit;
                long after = Long.MAX_VALUE;
                try (Connection c = connect(url)) {
                    for (int page = 2; page <= 10; page++) {
                        String link = JSON.readTree(get(more).body()).path("more").asText();
                        after = lastSeq(c, pageSql, List.of(tenant, v, after, limit));
                        if (link.isEmpty() || after < 0) {
                            break;
                        }
                        more = link.substring(link.indexOf("statements?"));
                        Probe probe = new Probe(more.substring("statements?".length()), pageSql, List.of(tenant, v, after, limit));
                        if (page == 2) {
                            page2.add(probe);
                        } else if (page == 10) {
                            page10.add(probe);
                        }
                    }
                }
            }
            // The server's fixed cost per request at this load, for reading the other lines: GET /xapi/about (no
            // credential check, no database) beside a trivial SQL query.
            List<Probe> floor = List.of(new Probe(ABOUT, "SELECT 1, 'x'", List.of()));
            return List.of(new Shape("floor: GET /xapi/about", floor), new Shape("agent", agent), new Shape("agent&verb", agentVerb),
                    new Shape("activity&since(7 days)", activitySince), new Shape("activity&related_activities", related),
                    new Shape("registration", registration), new Shape("verb", verb),
                    new Shape("more page 2 (verb)", page2), new Shape("more page 10 (verb)", page10));
        }

        /** The seq of the last row of the SQL page, -1 when the page is empty. */
        static long lastSeq(Connection c, String sql, List<Object> args) throws SQLException {
            long last = -1;
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                }
            }
            return last;
        }

        static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }

        static String q(String name, String value) {
            return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        HttpResponse<String> get(String pathAndQuery) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(xapi + pathAndQuery)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth).header("X-Experience-API-Version", "1.0.3").GET().build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r;
        }

        /** How many probes answer other statement ids over HTTP than the hand-written SQL does. */
        int check(Shape shape) throws Exception {
            int differ = 0;
            try (Connection c = connect(url)) {
                for (Probe p : shape.probes()) {
                    if (p.query().equals(ABOUT)) {
                        continue;
                    }
                    List<String> web = new ArrayList<>();
                    JSON.readTree(get(path(p)).body()).get("statements").forEach(s -> web.add(s.get("id").asText()));
                    List<String> sql = new ArrayList<>();
                    try (PreparedStatement ps = prepare(c, p.sql(), p.args()); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sql.add(JSON.readTree(rs.getString(2)).get("id").asText());
                        }
                    }
                    if (!web.equals(sql)) {
                        differ++;
                    }
                }
            }
            return differ;
        }

        interface Call {
            void run(Probe probe, Connection c) throws Exception;
        }

        void httpCall(Probe p, Connection unused) throws Exception {
            get(path(p));
        }

        String path(Probe p) {
            if (p.query().equals(ABOUT)) {
                return ABOUT;
            }
            return "statements?" + p.query() + (p.query().startsWith("more=") ? "" : "&limit=" + limit);
        }

        void sqlCall(Probe p, Connection c) throws Exception {
            try (PreparedStatement ps = prepare(c, p.sql(), p.args()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                }
            }
        }

        /** Warm-up ({@code bench.warmup} calls, unreported), then {@code requests} calls spread over {@code clients} threads; latency of each call. */
        Figures time(Shape shape, Call call) throws Exception {
            if (shape.probes().isEmpty()) {
                return new Figures(Double.NaN, Double.NaN, Double.NaN, 0, 0);
            }
            long[] latencies = new long[requests];
            // The server's JIT compiles the request path over its first ~15 000 requests (performance.md, "The
            // single-statement path"); a short warm-up measured the compiler. Shapes share most of that path.
            AtomicInteger next = new AtomicInteger(-Integer.getInteger("bench.warmup", 2000));
            AtomicInteger errors = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            long[] start = new long[1];
            Object started = new Object();
            for (int t = 0; t < clients; t++) {
                Thread thread = new Thread(() -> {
                    try (Connection c = connect(url)) {
                        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                            if (i == 0) {
                                synchronized (started) {
                                    start[0] = System.nanoTime();
                                }
                            }
                            Probe p = shape.probes().get(Math.floorMod(i * 7919, shape.probes().size()));
                            long t0 = System.nanoTime();
                            try {
                                call.run(p, c);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            if (i >= 0) {
                                latencies[i] = System.nanoTime() - t0;
                            }
                        }
                    } catch (SQLException e) {
                        errors.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start[0]) / 1e9;
            Arrays.sort(latencies);
            return new Figures(ms(latencies, 50), ms(latencies, 95), ms(latencies, 99), requests / seconds, errors.get());
        }

        static double ms(long[] sorted, int percentile) {
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }
    }
}
