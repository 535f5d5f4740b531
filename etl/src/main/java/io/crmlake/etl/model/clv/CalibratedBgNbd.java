package io.crmlake.etl.model.clv;

import java.util.Objects;

import io.crmlake.etl.model.bgnbd.BgNbdModel;

/**
 * A {@link BgNbdModel} together with the time unit its parameters were fitted in. Of the four parameters
 * only alpha carries a unit. The purchase rate per unit U is lambda_U ~ Gamma(shape r, rate alpha_U); one
 * unit V lasts V/U units U, so lambda_V = lambda_U * V/U ~ Gamma(shape r, rate alpha_U * U/V) by the
 * scaling property of the gamma distribution. r, a and b (the dropout per purchase) are unit-free.
 */
public record CalibratedBgNbd(BgNbdModel model, ModelTimeUnit unit) {

    public CalibratedBgNbd {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
    }

    /** The same model with alpha re-expressed for {@code target} time units. */
    public CalibratedBgNbd inUnit(ModelTimeUnit target) {
        if (target == unit) {
            return this;
        }
        double alpha = model.alpha() * unit.days() / target.days();
        return new CalibratedBgNbd(new BgNbdModel(model.r(), alpha, model.a(), model.b()), target);
    }

    /** Expected purchases of this customer in the next {@code horizon} (BG/NBD eq. 10). */
    public double conditionalExpectedPurchases(CustomerHistory customer, Span horizon) {
        return model.conditionalExpectedPurchases(horizon.in(unit), customer.frequency(),
                customer.recency().in(unit), customer.age().in(unit));
    }

    /** P(alive) of this customer now. */
    public double probabilityAlive(CustomerHistory customer) {
        return model.probabilityAlive(customer.frequency(), customer.recency().in(unit), customer.age().in(unit));
    }

    /** Expected purchases of a new customer within {@code horizon} (BG/NBD eq. 9). */
    public double expectedPurchases(Span horizon) {
        return model.expectedPurchases(horizon.in(unit));
    }
}
