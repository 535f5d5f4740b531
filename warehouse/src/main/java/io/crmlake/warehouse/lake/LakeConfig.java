package io.crmlake.warehouse.lake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.Require;
import io.crmlake.warehouse.yaml.YamlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the lake lives and how the jobs run, from {@code conf/crmlake.yml}. The lake root is a
 * local path or any Hadoop URI (s3a://, abfss://, hdfs://); the landing zone defaults to
 * {@code <lake>/landing}; the serving catalog (a local folder, always) defaults to
 * {@code <lake>/serving} for a local lake and {@code work/serving} otherwise. Spark settings here apply to local runs; under spark-submit the
 * cluster's own settings win (see docs/operations.md).
 */
public record LakeConfig(
        String lake,
        String landing,
        String serving,
        String rules,
        ZoneId timezone,
        String sparkMaster,
        Map<String, String> sparkConf) {

    public static final Path DEFAULT_FILE = Path.of("conf", "crmlake.yml");

    @JsonCreator
    static LakeConfig fromYaml(@JsonProperty("lake") String lake,
                               @JsonProperty("landing") String landing,
                               @JsonProperty("serving") String serving,
                               @JsonProperty("rules") String rules,
                               @JsonProperty("timezone") String timezone,
                               @JsonProperty("spark_master") String sparkMaster,
                               @JsonProperty("spark_conf") Map<String, String> sparkConf) {
        ZoneId zone;
        try {
            zone = timezone == null ? null : ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            throw new io.crmlake.warehouse.yaml.InvalidField("timezone", "'" + timezone + "' is not a time zone id such as Asia/Shanghai");
        }
        return new LakeConfig(lake, landing, serving, rules, zone, sparkMaster, sparkConf);
    }

    /** The configuration without a {@code serving} key (the serving catalog at its default place). */
    public LakeConfig(String lake, String landing, String rules, ZoneId timezone, String sparkMaster,
                      Map<String, String> sparkConf) {
        this(lake, landing, null, rules, timezone, sparkMaster, sparkConf);
    }

    public LakeConfig {
        Require.text(lake, "lake");
        if (serving != null && !LakePaths.isLocal(serving)) {
            throw new io.crmlake.warehouse.yaml.InvalidField("serving", "'" + serving
                    + "' is not a local path; the service opens the serving catalog from a local disk, so give a folder such as work/serving");
        }
        rules = rules == null ? "conf/rules" : rules;
        timezone = timezone == null ? ZoneId.of("Asia/Shanghai") : timezone;
        sparkMaster = sparkMaster == null ? "local[*]" : sparkMaster;
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(sparkConf));
    }

    /** Built-in defaults: a lake under ./work/lake. */
    public static LakeConfig defaults() {
        return new LakeConfig("work/lake", null, null, null, null, null);
    }

    /** Reads the file if given, else conf/crmlake.yml when present, else the defaults. */
    public static LakeConfig load(Path file) {
        if (file != null) {
            return YamlDocuments.read(file, LakeConfig.class);
        }
        return Files.exists(DEFAULT_FILE) ? YamlDocuments.read(DEFAULT_FILE, LakeConfig.class) : defaults();
    }

    public LakeConfig withLake(String newLake) {
        return new LakeConfig(newLake, landing, serving, rules, timezone, sparkMaster, sparkConf);
    }

    public LakeConfig withLanding(String newLanding) {
        return new LakeConfig(lake, newLanding, serving, rules, timezone, sparkMaster, sparkConf);
    }

    public LakeConfig withServing(String newServing) {
        return new LakeConfig(lake, landing, newServing, rules, timezone, sparkMaster, sparkConf);
    }

    public LakePaths paths() {
        return new LakePaths(lake, landing, serving);
    }
}
