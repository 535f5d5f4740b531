package io.crmlake.etl.model.segment;

/**
 * What the lifecycle rules need to know about one customer at the end of a month.
 *
 * @param monthlyRevenue revenue per month, oldest first, the last entry being the month evaluated
 * @param tenureMonths whole months since the first purchase or contract start (0 in the first month)
 * @param recencyDays days since the last purchase; NaN if none
 * @param meanInterPurchaseDays mean days between consecutive purchases; NaN with fewer than two
 */
public record CustomerHistory(double[] monthlyRevenue, int tenureMonths, double recencyDays, double meanInterPurchaseDays) {
    public CustomerHistory {
        if (monthlyRevenue == null) {
            throw new IllegalArgumentException("monthlyRevenue is required (may be empty)");
        }
        if (tenureMonths < 0) {
            throw new IllegalArgumentException("tenureMonths is " + tenureMonths + "; expected 0 or more");
        }
        monthlyRevenue = monthlyRevenue.clone();
    }
}
