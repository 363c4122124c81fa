package org.learninghub.connect.hub.it;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A platform's metadata as a migration brings it: realistic titles, descriptions, keywords and launch URLs,
 * with a known sprinkling of quality warnings (row number → the rule expected).
 */
record GeneratedCatalogue(String csv, Map<Integer, String> expectedWarnings) {

    static final List<String> TOPICS = List.of("Fire safety", "Hand hygiene", "Safeguarding adults",
            "Safeguarding children", "Information governance", "Moving and handling", "Conflict resolution",
            "Equality and diversity", "Basic life support", "Medicines management", "Sepsis recognition",
            "Dementia awareness", "Mental capacity act", "Preventing radicalisation", "Health and safety");
    static final List<String> AUDIENCES = List.of("nurses", "doctors", "healthcare assistants", "porters",
            "administrators", "pharmacists", "midwives", "paramedics");

    static GeneratedCatalogue of(String run, int rows) {
        StringBuilder csv = new StringBuilder(CatalogueImportIT.HEADER).append('\n');
        Map<Integer, String> warnings = new TreeMap<>();
        for (int i = 1; i <= rows; i++) {
            String topic = TOPICS.get(i % TOPICS.size());
            String audience = AUDIENCES.get(i % AUDIENCES.size());
            String title = topic + " for " + audience + " part " + i + " " + run;
            String keywords = topic.toLowerCase() + ";" + audience + ";statutory";
            if (i % 100 == 0) {
                title = title + ".";
                warnings.put(i, "trailing-full-stop");
            } else if (i % 250 == 1) {
                keywords = keywords + ";the";
                warnings.put(i, "keyword-stop-word");
            }
            String slug = topic.toLowerCase().replace(' ', '-');
            csv.append("R").append(i).append(',')
                    .append('"').append(title).append('"').append(',')
                    .append("\"").append(topic).append(" training for ").append(audience)
                    .append(", covering the essentials, with a short assessment, \"\"quotes\"\" included.\"").append(',')
                    .append(keywords).append(',')
                    .append(i % 3 == 0 ? "xapi-content" : "e-learning-package").append(',')
                    .append("https://content.example.nhs.uk/").append(run).append('/').append(slug).append('/').append(i)
                    .append("/index.html").append(',')
                    .append("https://content.example.nhs.uk/activities/").append(run).append('/').append(i).append(',')
                    .append("1.").append(i % 7).append(',')
                    .append(i % 2 == 0 ? "true,100" : "false,").append('\n');
        }
        return new GeneratedCatalogue(csv.toString(), warnings);
    }
}
