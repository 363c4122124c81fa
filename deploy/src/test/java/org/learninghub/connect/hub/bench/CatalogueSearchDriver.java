package org.learninghub.connect.hub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Catalogue search benchmark (not a test: it asserts nothing about time), against a running Hub
 * ({@code bench/catalogue-search.sh}). {@code load}: imports generated platforms of 10 000 rows each through
 * {@code POST /admin/api/imports} until the catalogue holds the wanted number of resources, printing each import's
 * time. {@code query}: runs a mix of searches one after another (words, two words, words with a filter, an empty
 * search of the published catalogue, a rare word, paging) and prints p50/p95/p99/max per kind and overall.
 */
public final class CatalogueSearchDriver {

    static final List<String> TOPICS = List.of("Fire safety", "Hand hygiene", "Safeguarding adults",
            "Safeguarding children", "Information governance", "Moving and handling", "Conflict resolution",
            "Equality and diversity", "Basic life support", "Medicines management", "Sepsis recognition",
            "Dementia awareness", "Mental capacity act", "Preventing radicalisation", "Health and safety");
    static final List<String> AUDIENCES = List.of("nurses", "doctors", "healthcare assistants", "porters",
            "administrators", "pharmacists", "midwives", "paramedics");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String auth;

    CatalogueSearchDriver(URI base, String user, String password) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        CatalogueSearchDriver d = new CatalogueSearchDriver(URI.create(args[0]), args[1], args[2]);
        if (args[3].equals("load")) {
            d.load(Integer.parseInt(args[4]));
        } else {
            d.query(Integer.parseInt(args[4]));
        }
    }

    void load(int wanted) throws Exception {
        int have = total("");
        int file = 0;
        String run = Long.toString(System.currentTimeMillis(), 36);
        while (have < wanted) {
            String source = "BENCH" + run + "x" + file++;
            String csv = csv(run + file, 10_000);
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("admin/api/imports?source=" + source))
                    .header("Authorization", auth).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (r.statusCode() != 201) {
                throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body().substring(0, 300));
            }
            have += 10_000;
            System.out.printf("import of 10 000 rows (%d bytes) into a catalogue of %d: %d ms%n", csv.length(),
                    have - 10_000, ms);
        }
        System.out.println("catalogue size: " + total(""));
    }

    void query(int n) throws Exception {
        Random random = new Random(42);
        String[] kinds = {"word", "two words", "word+type", "word+status", "empty published", "rare", "page 5"};
        List<List<Long>> times = new ArrayList<>();
        for (String ignored : kinds) {
            times.add(new ArrayList<>());
        }
        for (int i = 0; i < n + 100; i++) {
            int kind = i % kinds.length;
            String topic = TOPICS.get(random.nextInt(TOPICS.size())).toLowerCase();
            String word = topic.split(" ")[topic.split(" ").length - 1];
            String query = switch (kind) {
                case 0 -> "q=" + enc(word);
                case 1 -> "q=" + enc(topic);
                case 2 -> "q=" + enc(word) + "&type=xapi-content";
                case 3 -> "q=" + enc(word) + "&status=published";
                case 4 -> "status=published";
                case 5 -> "q=" + enc("part " + (1 + random.nextInt(10_000)));
                default -> "q=" + enc(word) + "&page=5&size=20";
            };
            long start = System.nanoTime();
            HttpResponse<String> r = get("admin/api/resources?" + query);
            long micros = (System.nanoTime() - start) / 1000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(query + " answered " + r.statusCode());
            }
            if (i >= 100) {
                times.get(kind).add(micros);
            }
        }
        List<Long> all = new ArrayList<>();
        for (int k = 0; k < kinds.length; k++) {
            all.addAll(times.get(k));
            print(kinds[k], times.get(k));
        }
        print("all", all);
    }

    private static void print(String kind, List<Long> micros) {
        Collections.sort(micros);
        System.out.printf("%-16s n=%5d p50=%6.1f ms p95=%6.1f ms p99=%6.1f ms max=%6.1f ms%n", kind, micros.size(),
                at(micros, 0.50), at(micros, 0.95), at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    private int total(String query) throws Exception {
        String body = get("admin/api/resources?size=1" + query).body();
        int i = body.indexOf("\"total\":");
        int j = i + 8;
        while (Character.isDigit(body.charAt(j))) {
            j++;
        }
        return Integer.parseInt(body.substring(i + 8, j));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String csv(String run, int rows) {
        StringBuilder csv = new StringBuilder("sourceId,title,description,keywords,type,launchUrl,activityId,gradable,scoreMaximum\n");
        for (int i = 1; i <= rows; i++) {
            String topic = TOPICS.get(i % TOPICS.size());
            String audience = AUDIENCES.get(i % AUDIENCES.size());
            csv.append('R').append(i).append(",\"").append(topic).append(" for ").append(audience).append(" part ")
                    .append(i).append(' ').append(run).append("\",\"").append(topic).append(" training for ")
                    .append(audience).append(", covering the essentials with a short assessment.\",")
                    .append(topic.toLowerCase()).append(';').append(audience).append(";statutory,")
                    .append(i % 3 == 0 ? "xapi-content" : "e-learning-package")
                    .append(",https://content.example.nhs.uk/").append(run).append('/').append(i)
                    .append("/index.html,https://content.example.nhs.uk/activities/").append(run).append('/').append(i)
                    .append(',').append(i % 2 == 0 ? "true,100" : "false,").append('\n');
        }
        return csv.toString();
    }
}
