package io.crmlake.etl.model.segment;

import io.crmlake.warehouse.rules.Band;
import io.crmlake.warehouse.rules.BandScheme;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Puts a measure value into the band of a scheme that contains it, honouring each bound's
 * inclusive flag. The loader guarantees bands neither overlap nor leave gaps, so at most one
 * band matches; a value below a closed first band or above a closed last band has none.
 */
public final class BandClassifier {
    private BandClassifier() {}

    public static Optional<Band> classify(BandScheme scheme, BigDecimal value) {
        return scheme.bands().stream().filter(b -> b.contains(value)).findFirst();
    }

    /** Doubles are compared as their shortest decimal form: 79.99 is 79.99. NaN has no band. */
    public static Optional<Band> classify(BandScheme scheme, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Optional.empty();
        }
        return classify(scheme, BigDecimal.valueOf(value));
    }

    /** Band ids for many customers; null where no band contains the value. */
    public static String[] classify(BandScheme scheme, double[] values) {
        String[] bands = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            bands[i] = classify(scheme, values[i]).map(Band::id).orElse(null);
        }
        return bands;
    }
}
