package io.sdxlbatch.cost;

import java.time.Duration;

/**
 * Price and idle timeout given on the report command line: each replaces, when given, what a run was costed with
 * when it ran; null leaves it.
 */
public record CostOverride(Price price, Duration idleTimeout) {

    public static CostOverride none() {
        return new CostOverride(null, null);
    }

    public CostSettings over(CostSettings recorded) {
        return new CostSettings(price == null ? recorded.price() : price,
                idleTimeout == null ? recorded.idleTimeout() : idleTimeout);
    }
}
