package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an actual KPI value is compared with its target. */
public enum Operator {
    @JsonProperty("<=") AT_MOST("<="),
    @JsonProperty("<") BELOW("<"),
    @JsonProperty(">=") AT_LEAST(">="),
    @JsonProperty(">") ABOVE(">"),
    @JsonProperty("==") EQUAL("==");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Applies the operator to the sign of compare(actual, target). */
    public boolean holds(int comparison) {
        return switch (this) {
            case AT_MOST -> comparison <= 0;
            case BELOW -> comparison < 0;
            case AT_LEAST -> comparison >= 0;
            case ABOVE -> comparison > 0;
            case EQUAL -> comparison == 0;
        };
    }
}
