package org.learninghub.connect.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Latency driver for the reports (not a test: it asserts nothing about time). Against a running Hub whose roll-ups
 * {@code bench/reports.sh} filled, it times each report over HTTP (JSON, whole body read) and the same aggregate
 * written by hand in SQL over the roll-up tables through JDBC, in the same run, and prints p50/p99 of both and the
 * ratio of the p99s, so the figures compare across machines.
 */
public final class ReportsDriver {

    private static final String TRUST = "BENCH7";
    private static final long TENANT = 1007;

    private ReportsDriver() {
    }

    private record Report(String name, String path, String sql) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        String jdbc = args[3];
        int queries = Integer.parseInt(args[4]);
        // The year of roll-ups reports.sh seeds ends on this day (default today, UTC); the shorter reports read
        // around its middle.
        LocalDate end = args.length > 5 ? LocalDate.parse(args[5]) : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = end.minusDays(364);
        LocalDate mid = end.minusDays(182);
        String range = "on_day BETWEEN DATE '" + start + "' AND DATE '" + end + "'";
        String month = "on_day BETWEEN DATE '" + mid.minusDays(29) + "' AND DATE '" + mid + "'";
        String quarter = "on_day BETWEEN DATE '" + mid.minusDays(89) + "' AND DATE '" + mid + "'";
        List<Report> reports = List.of(
                new Report("activity day, one trust, 365 days",
                        "admin/api/reports/activity?trust=" + TRUST + "&from=" + start + "&to=" + end,
                        "SELECT d.on_day, d.l, d.c, d.p, d.f, x.n, m.med FROM (SELECT on_day, sum(launches) l,"
                                + " sum(completions) c, sum(passes) p, sum(fails) f FROM report_daily WHERE tenant_id = "
                                + TENANT + " AND " + range + " GROUP BY on_day) d LEFT JOIN (SELECT on_day,"
                                + " count(DISTINCT learner) n FROM report_learner_day WHERE tenant_id = " + TENANT
                                + " AND " + range + " GROUP BY on_day) x ON x.on_day = d.on_day LEFT JOIN (SELECT"
                                + " on_day, percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds) med FROM"
                                + " report_outcome WHERE tenant_id = " + TENANT + " AND " + range + " AND kind = 'C'"
                                + " AND counted GROUP BY on_day) m ON m.on_day = d.on_day ORDER BY 1"),
                new Report("activity week, all trusts, 365 days",
                        "admin/api/reports/activity?period=week&from=" + start + "&to=" + end,
                        "SELECT d.week_start, d.l, x.n, m.med FROM (SELECT week_start, sum(launches) l FROM"
                                + " report_daily WHERE " + range + " GROUP BY week_start) d LEFT JOIN (SELECT week_start,"
                                + " count(DISTINCT learner) n FROM report_learner_day WHERE " + range
                                + " GROUP BY week_start) x ON x.week_start = d.week_start LEFT JOIN (SELECT week_start,"
                                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds) med FROM report_outcome"
                                + " WHERE " + range + " AND kind = 'C' AND counted GROUP BY week_start) m"
                                + " ON m.week_start = d.week_start ORDER BY 1"),
                new Report("trusts, 30 days", "admin/api/reports/trusts?from=" + mid.minusDays(29) + "&to=" + mid,
                        "SELECT tenant_id, sum(launches), sum(completions), (SELECT count(DISTINCT learner) FROM"
                                + " report_learner_day x WHERE x.tenant_id = d.tenant_id AND x." + month
                                + ") FROM report_daily d WHERE " + month + " GROUP BY tenant_id"),
                new Report("top 20 resources of a trust, 90 days",
                        "admin/api/reports/resources?trust=" + TRUST + "&from=" + mid.minusDays(89) + "&to=" + mid
                                + "&limit=20",
                        "SELECT resource_id, sum(launches) l, sum(completions) c FROM report_daily WHERE tenant_id = "
                                + TENANT + " AND " + quarter + " GROUP BY resource_id ORDER BY l DESC, c DESC LIMIT 20"),
                new Report("compliance of a trust", "admin/api/reports/compliance?trust=" + TRUST + "&dueBy=" + mid,
                        "SELECT resource_id, count(*), count(completed), sum(CASE WHEN completed < TIMESTAMPTZ '"
                                + mid.plusDays(1) + "T00:00:00Z' THEN 1 ELSE 0 END) FROM report_enrolment"
                                + " WHERE tenant_id = " + TENANT + " GROUP BY resource_id"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            System.out.printf("%-40s %10s %10s %10s %10s %8s%n", "report", "http p50", "http p99", "sql p50",
                    "sql p99", "p99 x");
            for (Report r : reports) {
                List<Long> web = new ArrayList<>();
                List<Long> sql = new ArrayList<>();
                for (int i = 0; i < queries + 10; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(base.resolve(r.path()))
                            .header("Authorization", auth).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long t1 = System.nanoTime();
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(r.path() + " -> " + answer.statusCode());
                    }
                    try (PreparedStatement ps = c.prepareStatement(r.sql()); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    long t2 = System.nanoTime();
                    if (i >= 10) {
                        web.add(t1 - t0);
                        sql.add(t2 - t1);
                    }
                }
                System.out.printf("%-40s %8.1fms %8.1fms %8.1fms %8.1fms %8.2f%n", r.name(), ms(web, 50), ms(web, 99),
                        ms(sql, 50), ms(sql, 99), ms(web, 99) / ms(sql, 99));
            }
        }
    }

    private static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
