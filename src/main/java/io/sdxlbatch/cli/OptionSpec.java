package io.sdxlbatch.cli;

/**
 * One command-line option.
 *
 * @param valueLabel what the value is called in help ("FILE"), or null for a flag without a value
 */
public record OptionSpec(String name, String valueLabel, String help) {

    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help);
    }

    public static OptionSpec value(String name, String valueLabel, String help) {
        return new OptionSpec(name, valueLabel, help);
    }

    public boolean takesValue() {
        return valueLabel != null;
    }
}
