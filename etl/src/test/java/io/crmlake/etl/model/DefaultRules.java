package io.crmlake.etl.model;

import io.crmlake.warehouse.rules.RuleSet;
import io.crmlake.warehouse.rules.RuleSets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped conf/rules, found from the module folder Maven runs the tests in. */
public final class DefaultRules {
    private static RuleSet rules;

    private DefaultRules() {}

    public static synchronized RuleSet get() {
        if (rules == null) {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.isDirectory(p.resolve(RuleSets.DEFAULT_DIR))) {
                p = p.getParent();
            }
            if (p == null) {
                throw new IllegalStateException("no conf/rules above " + Path.of("").toAbsolutePath());
            }
            rules = RuleSets.loadDefault(p);
        }
        return rules;
    }
}
