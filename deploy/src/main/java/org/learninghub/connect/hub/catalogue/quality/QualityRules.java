package org.learninghub.connect.hub.catalogue.quality;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.hub.catalogue.ResourceInput;
import org.learninghub.connect.hub.catalogue.ResourceType;

/**
 * Every metadata rule of the catalogue, for the admin API and imports alike (src/docs/catalogue.md lists each with
 * an example). Lengths are checked first; a value over its bound is rejected and no later rule reads it, so no
 * rule ever scans an unbounded value. Duplicates need the other rows and the catalogue: {@code Duplicates}.
 */
public final class QualityRules {

    /** English stop-words that make useless keywords (they are dropped, with a warning). */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "in", "into", "is", "it", "of", "on", "or", "the", "to", "with", "e-learning", "elearning", "course",
            "module", "training");

    private QualityRules() {
    }

    public static QualityCheck check(ResourceInput in) {
        List<Problem> problems = new ArrayList<>();
        String title = title(in.title(), problems);
        String description = description(in.description(), problems);
        List<String> keywords = keywords(in.keywords(), problems);
        ResourceType type = type(in.type(), problems);
        String launchUrl = launchUrl(in.launchUrl(), problems);
        String activityId = activityId(in.activityId(), problems);
        String version = optional("version", in.version(), Limits.VERSION, problems);
        String owner = owner(in.ownerTrust(), problems);
        String source = source(in.source(), problems);
        String sourceId = optional("sourceId", in.sourceId(), Limits.SOURCE_ID, problems);
        if ((source == null) != (sourceId == null) && problems.stream().noneMatch(p -> p.field().startsWith("source"))) {
            problems.add(Problem.rejected(source == null ? "source" : "sourceId", "source-pair",
                    source == null ? sourceId : source));
        }
        List<String> audience = audience(in.audience(), problems);
        String licence = optional("licence", in.licence(), Limits.LICENCE, problems);
        boolean gradable = Boolean.TRUE.equals(in.gradable());
        Double scoreMaximum = scoreMaximum(gradable, in.scoreMaximum(), problems);
        boolean rejected = problems.stream().anyMatch(Problem::isRejected);
        return new QualityCheck(problems, rejected ? Optional.empty() : Optional.of(new CleanResource(title,
                description, keywords, type, launchUrl, activityId, version, owner, source, sourceId, audience,
                licence, gradable, gradable ? scoreMaximum : null)));
    }

    private static String title(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.rejected("title", "required", value));
            return null;
        }
        if (value.length() > Limits.TITLE) {
            problems.add(Problem.rejected("title", "max-length", value));
            return null;
        }
        if (Text.looksLikeHtml(value)) {
            problems.add(Problem.rejected("title", "no-html", value));
        }
        if (Text.hasControl(value, false)) {
            problems.add(Problem.rejected("title", "control-characters", value));
        }
        String title = value.strip();
        if (!title.equals(value) || Text.hasDoubledWhitespace(title)) {
            problems.add(Problem.warning("title", "whitespace", value));
        }
        if (title.length() < Limits.TITLE_SHORTEST) {
            problems.add(Problem.warning("title", "too-short", value));
        } else if (title.length() > Limits.TITLE_LONGEST) {
            problems.add(Problem.warning("title", "too-long", value));
        }
        if (Text.allCapitals(title)) {
            problems.add(Problem.warning("title", "all-capitals", value));
        }
        if (title.endsWith(".") && !title.endsWith("...")) {
            problems.add(Problem.warning("title", "trailing-full-stop", value));
        }
        return title;
    }

    private static String description(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.warning("description", "missing", null));
            return null;
        }
        if (value.length() > Limits.DESCRIPTION) {
            problems.add(Problem.rejected("description", "max-length", value));
            return null;
        }
        if (Text.hasControl(value, true)) {
            problems.add(Problem.rejected("description", "control-characters", value));
        }
        if (Text.looksLikeHtml(value)) {
            problems.add(Problem.warning("description", "no-html", value));
        }
        return value.strip();
    }

    private static List<String> keywords(List<String> values, List<Problem> problems) {
        Set<String> kept = new LinkedHashSet<>();
        if (values.size() > Limits.KEYWORDS_MAX * 2) {
            // Far too many to be cleaned into shape: refused before any is read.
            problems.add(Problem.rejected("keywords", "count", Integer.toString(values.size())));
            return List.of();
        }
        for (String raw : values) {
            if (raw.length() > Limits.KEYWORD) {
                problems.add(Problem.rejected("keywords", "keyword-max-length", raw));
                continue;
            }
            if (raw.indexOf(';') >= 0 || Text.hasControl(raw, false)) {
                problems.add(Problem.rejected("keywords", "keyword-characters", raw));
                continue;
            }
            String trimmed = raw.strip();
            if (trimmed.isEmpty()) {
                problems.add(Problem.warning("keywords", "keyword-empty", raw));
                continue;
            }
            if (!trimmed.equals(raw)) {
                problems.add(Problem.warning("keywords", "keyword-untrimmed", raw));
            }
            String folded = trimmed.toLowerCase(Locale.ROOT);
            if (!folded.equals(trimmed)) {
                problems.add(Problem.warning("keywords", "keyword-case", raw));
            }
            if (STOP_WORDS.contains(folded)) {
                problems.add(Problem.warning("keywords", "keyword-stop-word", raw));
                continue;
            }
            if (!kept.add(folded)) {
                problems.add(Problem.warning("keywords", "keyword-duplicate", raw));
            }
        }
        if (kept.size() > Limits.KEYWORDS_MAX) {
            problems.add(Problem.rejected("keywords", "count", Integer.toString(kept.size())));
        } else if (kept.isEmpty()) {
            problems.add(Problem.warning("keywords", "count", "0"));
        }
        return List.copyOf(kept);
    }

    private static ResourceType type(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.warning("type", "missing", null));
            return ResourceType.ELEARNING_PACKAGE;
        }
        Optional<ResourceType> type = ResourceType.parse(value);
        if (type.isEmpty()) {
            problems.add(Problem.rejected("type", "unknown-type", value));
            return null;
        }
        return type.get();
    }

    private static String launchUrl(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.rejected("launchUrl", "required", value));
            return null;
        }
        if (value.length() > Limits.URL) {
            problems.add(Problem.rejected("launchUrl", "max-length", value));
            return null;
        }
        URI uri = uri(value);
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || !value.equals(value.strip())
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            problems.add(Problem.rejected("launchUrl", "url-syntax", value));
            return null;
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            problems.add(Problem.warning("launchUrl", "not-https", value));
        }
        return value;
    }

    private static String activityId(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.warning("activityId", "missing", null));
            return null;
        }
        if (value.length() > Limits.URL) {
            problems.add(Problem.rejected("activityId", "max-length", value));
            return null;
        }
        URI uri = uri(value);
        // xAPI 1.0.3 §4.1.4.1: an activity id is an IRI; the catalogue wants an absolute one with a scheme.
        if (uri == null || !uri.isAbsolute() || !value.equals(value.strip())
                || (uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") && uri.getHost() == null)) {
            problems.add(Problem.rejected("activityId", "iri-syntax", value));
            return null;
        }
        return value;
    }

    private static String owner(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 12 || !value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                || value.length() < 2) {
            problems.add(Problem.rejected("ownerTrust", "trust-code", value));
            return null;
        }
        return value;
    }

    private static String source(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > Limits.SOURCE || !value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_')) {
            problems.add(Problem.rejected("source", "source-code", value));
            return null;
        }
        return value;
    }

    private static List<String> audience(List<String> values, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        int total = 0;
        for (String raw : values) {
            String role = raw.strip();
            if (role.length() > Limits.AUDIENCE_ROLE || role.indexOf(';') >= 0 || Text.hasControl(role, false)) {
                problems.add(Problem.rejected("audience", "role-syntax", raw));
                return List.of();
            }
            if (!role.isEmpty() && !out.contains(role)) {
                out.add(role);
                total += role.length() + 1;
            }
        }
        if (total > Limits.AUDIENCE) {
            problems.add(Problem.rejected("audience", "max-length", String.join(";", out)));
            return List.of();
        }
        return out;
    }

    private static Double scoreMaximum(boolean gradable, Double max, List<Problem> problems) {
        if (gradable && (max == null || !(max > 0) || max > Limits.SCORE_MAXIMUM)) {
            // AGS 2.0 §3.2.7: a line item's scoreMaximum is a number greater than 0.
            problems.add(Problem.rejected("scoreMaximum", "positive-when-gradable", max == null ? null : max.toString()));
        } else if (!gradable && max != null) {
            problems.add(Problem.warning("scoreMaximum", "ignored-when-not-gradable", max.toString()));
        }
        return max;
    }

    private static String optional(String field, String value, int max, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            problems.add(Problem.rejected(field, "max-length", value));
            return null;
        }
        if (Text.hasControl(value, false)) {
            problems.add(Problem.rejected(field, "control-characters", value));
            return null;
        }
        return value.strip();
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
