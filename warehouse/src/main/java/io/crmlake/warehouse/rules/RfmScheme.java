package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.util.ArrayList;
import java.util.List;

/**
 * RFM: each customer gets a score 1..{@code scores} (quintiles by default) for recency,
 * frequency and monetary over the window; named segments are score ranges, tried in order,
 * first match wins, otherwise {@code default_segment}.
 */
public record RfmScheme(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("window_months") Integer windowMonths,
        @JsonProperty("scores") Integer scores,
        @JsonProperty("segments") List<RfmSegment> segments,
        @JsonProperty("default_segment") String defaultSegment) implements Scheme {

    /**
     * Score ranges. {@code min} and {@code max} are both inclusive by definition: scores are
     * whole numbers, so "4..5" can only mean 4 and 5. An absent dimension matches any score.
     */
    public record ScoreRange(@JsonProperty("min") Integer min, @JsonProperty("max") Integer max) implements java.io.Serializable {
        public ScoreRange {
            if (min == null || max == null) {
                throw new InvalidField(min == null ? "min" : "max", "is required: score ranges are {min, max}, both inclusive");
            }
            if (min > max) {
                throw new InvalidField("max", "is " + max + ", below min " + min + "; expected min <= max");
            }
        }

        public boolean contains(int score) {
            return score >= min && score <= max;
        }
    }

    public record RfmSegment(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("recency") ScoreRange recency,
            @JsonProperty("frequency") ScoreRange frequency,
            @JsonProperty("monetary") ScoreRange monetary) implements java.io.Serializable {

        public RfmSegment {
            Ids.id(id, "id");
            if (recency == null && frequency == null && monetary == null) {
                throw new InvalidField("", "segment '" + id + "' needs at least one of recency, frequency, monetary");
            }
        }

        public boolean matches(int r, int f, int m) {
            return (recency == null || recency.contains(r))
                    && (frequency == null || frequency.contains(f))
                    && (monetary == null || monetary.contains(m));
        }
    }

    public RfmScheme {
        Ids.id(id, "id");
        Ids.positive(windowMonths, "window_months", "months of transactions scored");
        scores = scores == null ? 5 : scores;
        if (scores < 2) {
            throw new InvalidField("scores", "is " + scores + "; expected at least 2 score levels (5 = quintiles)");
        }
        segments = Ids.nonEmpty(segments, "segments", "segment");
        Ids.unique(segments, RfmSegment::id, "segments", "id");
        for (int i = 0; i < segments.size(); i++) {
            RfmSegment s = segments.get(i);
            String[] dims = {"recency", "frequency", "monetary"};
            ScoreRange[] ranges = {s.recency(), s.frequency(), s.monetary()};
            for (int d = 0; d < 3; d++) {
                if (ranges[d] != null && (ranges[d].min() < 1 || ranges[d].max() > scores)) {
                    throw new InvalidField("segments[" + i + "]." + dims[d], "range " + ranges[d].min() + ".." + ranges[d].max()
                            + " is outside the scores 1.." + scores);
                }
            }
        }
        Ids.id(defaultSegment, "default_segment");
        for (RfmSegment s : segments) {
            if (s.id().equals(defaultSegment)) {
                throw new InvalidField("default_segment", "'" + defaultSegment + "' is also a listed segment; expected a separate catch-all id");
            }
        }
    }

    /** The first segment whose ranges hold, else the default segment. */
    public String segmentOf(int recencyScore, int frequencyScore, int monetaryScore) {
        for (RfmSegment s : segments) {
            if (s.matches(recencyScore, frequencyScore, monetaryScore)) {
                return s.id();
            }
        }
        return defaultSegment;
    }

    @Override
    public List<String> segmentIds() {
        List<String> ids = new ArrayList<>(segments.stream().map(RfmSegment::id).toList());
        ids.add(defaultSegment);
        return List.copyOf(ids);
    }
}
