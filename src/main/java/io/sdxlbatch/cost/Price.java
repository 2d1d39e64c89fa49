package io.sdxlbatch.cost;

import java.math.BigDecimal;

import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;

/**
 * The per-second worker price for estimates and reports: {@code --price-per-second}, else {@code --gpu}, else ADA_24.
 * {@code describe} says where the figure came from, because a report is only as good as the price it assumed.
 */
public record Price(BigDecimal perSecond, String describe) {

    public static Price of(ParsedCommand command) {
        if (command.option("price-per-second").isPresent()) {
            String raw = command.option("price-per-second").get();
            try {
                BigDecimal value = new BigDecimal(raw.trim());
                if (value.signum() <= 0) {
                    throw new NumberFormatException();
                }
                return new Price(value, "$" + value.toPlainString() + "/s (--price-per-second)");
            } catch (NumberFormatException e) {
                throw new UsageException("--price-per-second '" + raw + "' is not a positive number of dollars");
            }
        }
        try {
            return of(GpuPrice.byName(command.option("gpu").orElse(GpuPrice.ADA_24.name())));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gpu: " + e.getMessage());
        }
    }

    public static Price of(GpuPrice gpu) {
        return new Price(gpu.perSecond(), gpu.name() + " " + gpu.label() + " $" + gpu.perSecond().toPlainString()
                + "/s (Runpod flex price, 2026-06)");
    }

    /** ADA_24, the 4090: the SDXL worker's hub default. */
    public static Price defaultGpu() {
        return of(GpuPrice.ADA_24);
    }
}
