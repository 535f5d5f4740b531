package io.crmlake.warehouse.rules;

import io.crmlake.warehouse.yaml.YamlDocumentException;
import io.crmlake.warehouse.yaml.YamlDocuments;
import io.crmlake.warehouse.yaml.YamlDocuments.Located;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Loads a rules folder: every file of {@link #FILES}, then the references between them. */
public final class RuleSets {

    public static final String SEGMENTS = "segments.yml";
    public static final String LIFECYCLE = "lifecycle.yml";
    public static final String TIERS = "tiers.yml";
    public static final String KPI_TARGETS = "kpi-targets.yml";
    public static final String WARNINGS = "warnings.yml";
    public static final String CLV = "clv.yml";
    public static final List<String> FILES = List.of(SEGMENTS, LIFECYCLE, TIERS, KPI_TARGETS, WARNINGS, CLV);

    /** Where the shipped default set lives, relative to the project root. */
    public static final Path DEFAULT_DIR = Path.of("conf", "rules");

    private RuleSets() {}

    /** The shipped default set under {@code projectRoot/conf/rules}. */
    public static RuleSet loadDefault(Path projectRoot) {
        return load(projectRoot.resolve(DEFAULT_DIR));
    }

    /**
     * Reads every rules file of {@code dir} and checks the references between them. Throws
     * {@link YamlDocumentException} naming file, line and field at the first problem; returns
     * only a fully valid set.
     */
    public static RuleSet load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new YamlDocumentException(dir + ": not a folder; expected a rules folder with " + FILES, null);
        }
        rejectUnknownFiles(dir);
        Located<SegmentRules> segments = YamlDocuments.readLocated(dir.resolve(SEGMENTS), SegmentRules.class);
        Located<LifecycleRules> lifecycle = YamlDocuments.readLocated(dir.resolve(LIFECYCLE), LifecycleRules.class);
        Located<TierRules> tiers = YamlDocuments.readLocated(dir.resolve(TIERS), TierRules.class);
        Located<KpiTargets> targets = YamlDocuments.readLocated(dir.resolve(KPI_TARGETS), KpiTargets.class);
        Located<WarningRules> warnings = YamlDocuments.readLocated(dir.resolve(WARNINGS), WarningRules.class);
        Located<ClvRules> clv = YamlDocuments.readLocated(dir.resolve(CLV), ClvRules.class);
        checkTargets(targets, segments.value(), warnings.value());
        return new RuleSet(segments.value(), lifecycle.value(), tiers.value(), targets.value(), warnings.value(),
                clv.value());
    }

    private static void rejectUnknownFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> known = Set.copyOf(FILES);
            files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yml") || name.endsWith(".yaml"))
                    .filter(name -> !known.contains(name))
                    .sorted()
                    .findFirst()
                    .ifPresent(name -> {
                        throw new YamlDocumentException(dir.resolve(name) + ": not a rules file; expected only " + FILES
                                + " (a misspelt name would otherwise be ignored)", null);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void checkTargets(Located<KpiTargets> file, SegmentRules segments, WarningRules warnings) {
        List<KpiTarget> targets = file.value().targets();
        List<String> measures = segments.schemes().stream()
                .filter(BandScheme.class::isInstance).map(s -> ((BandScheme) s).measure()).distinct().toList();
        for (int i = 0; i < targets.size(); i++) {
            KpiTarget target = targets.get(i);
            String at = "targets[" + i + "]";
            KpiScope scope = target.scope();
            switch (scope.form()) {
                case ALL -> { }
                case BANDS -> {
                    Scheme scheme = segments.scheme(scope.scheme()).orElseThrow(() -> file.error(at + ".scope.scheme",
                            "scheme '" + scope.scheme() + "' is not defined in " + SEGMENTS + "; expected one of "
                                    + segments.schemes().stream().map(Scheme::id).toList()));
                    for (int b = 0; b < scope.bands().size(); b++) {
                        String band = scope.bands().get(b);
                        if (!scheme.segmentIds().contains(band)) {
                            throw file.error(at + ".scope.bands[" + b + "]", "'" + band + "' is not a band of scheme '"
                                    + scheme.id() + "'; expected one of " + scheme.segmentIds());
                        }
                    }
                }
                case MEASURE -> {
                    if (!measures.contains(scope.measure())) {
                        throw file.error(at + ".scope.measure", "measure '" + scope.measure()
                                + "' is not the measure of any band scheme in " + SEGMENTS + "; expected one of " + measures);
                    }
                }
            }
            for (int t = 0; t < target.triggers().size(); t++) {
                String trigger = target.triggers().get(t);
                if (warnings.trigger(trigger).isEmpty()) {
                    throw file.error(at + ".triggers[" + t + "]", "trigger '" + trigger + "' is not defined in " + WARNINGS
                            + "; expected one of " + warnings.triggers().stream().map(WarningRules.Trigger::id).toList());
                }
            }
        }
    }
}
