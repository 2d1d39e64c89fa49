package io.sdxlbatch.cli;

/**
 * One command-line option.
 *
 * @param valueLabel what the value is called in help ("FILE"), or null for a flag without a value
 * @param repeatable whether the option may be given more than once
 */
public record OptionSpec(String name, String valueLabel, String help, boolean repeatable) {

    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help, false);
    }

    public static OptionSpec value(String name, String valueLabel, String help) {
        return new OptionSpec(name, valueLabel, help, false);
    }

    /** An option that may be given several times, e.g. {@code --default width=768 --default height=768}. */
    public static OptionSpec repeatable(String name, String valueLabel, String help) {
        return new OptionSpec(name, valueLabel, help, true);
    }

    public boolean takesValue() {
        return valueLabel != null;
    }
}
