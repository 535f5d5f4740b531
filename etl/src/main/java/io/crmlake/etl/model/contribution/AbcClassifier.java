package io.crmlake.etl.model.contribution;

import io.crmlake.warehouse.rules.Bound;
import io.crmlake.warehouse.rules.ParetoScheme;
import io.crmlake.warehouse.rules.ParetoScheme.ParetoClass;
import java.math.BigDecimal;
import java.util.List;

/**
 * ABC classes of a {@link ParetoScheme}. Customers are ranked by the measure, largest first
 * (ties keep input order: pass customers in a stable order, e.g. by id). The position of the
 * customer at rank r (1-based) is
 * <ul>
 *   <li>cumulative_share: the sum of the measure over ranks 1..r divided by the total;</li>
 *   <li>customer_count: r / n.</li>
 * </ul>
 * The customer takes the first class whose {@code upto} cut admits the position, honouring
 * the inclusive flag; positions are compared exactly (decimal sums, no rounding). Negative
 * values are kept: the running share then rises above 1 and falls back to exactly 1 at the
 * last customer, so it never returns under a cut (cuts are at most 1); the class index is
 * still kept non-decreasing so the rule holds by construction.
 */
public final class AbcClassifier {
    private AbcClassifier() {}

    /** One class id per customer, in input order. */
    public static String[] classify(ParetoScheme scheme, double[] values) {
        int n = values.length;
        int[] order = Contribution.orderDescending(values);
        BigDecimal[] cumulative = new BigDecimal[n];
        BigDecimal total;
        if (scheme.method() == ParetoScheme.Method.CUMULATIVE_SHARE) {
            BigDecimal running = BigDecimal.ZERO;
            for (int r = 0; r < n; r++) {
                running = running.add(BigDecimal.valueOf(values[order[r]]));
                cumulative[r] = running;
            }
            total = running;
            if (n > 0 && total.signum() <= 0) {
                throw new IllegalArgumentException("the total is " + total.toPlainString()
                        + "; classes by cumulative share need a positive total (use customer_count)");
            }
        } else {
            for (int r = 0; r < n; r++) {
                cumulative[r] = BigDecimal.valueOf(r + 1L);
            }
            total = BigDecimal.valueOf(n);
        }
        List<ParetoClass> classes = scheme.classes();
        String[] result = new String[n];
        int current = 0;
        for (int r = 0; r < n; r++) {
            current = Math.max(current, classIndex(scheme, cumulative[r], total));
            result[order[r]] = classes.get(current).id();
        }
        return result;
    }

    /**
     * Index (0 = top class) of the first class whose cut admits the position cumulative / total,
     * for one customer: cumulative is the running sum of the measure (cumulative_share) or the
     * rank (customer_count), total the group's total or customer count (positive). Callers that
     * rank in bulk (the Spark marts) keep the index non-decreasing down the ranking, as
     * {@link #classify} does.
     */
    public static int classIndex(ParetoScheme scheme, BigDecimal cumulative, BigDecimal total) {
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("the total is " + total.toPlainString() + "; classes need a positive total");
        }
        List<ParetoClass> classes = scheme.classes();
        int i = 0;
        while (i < classes.size() - 1 && !admits(classes.get(i).upto(), cumulative, total)) {
            i++;
        }
        return i;
    }

    /** position = cumulative / total is inside the cut; compared as cumulative vs cut × total (total > 0). */
    private static boolean admits(Bound upto, BigDecimal cumulative, BigDecimal total) {
        int c = cumulative.compareTo(upto.value().multiply(total));
        return c < 0 || (c == 0 && upto.inclusive());
    }
}
