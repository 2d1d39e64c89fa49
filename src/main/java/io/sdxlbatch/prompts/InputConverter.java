package io.sdxlbatch.prompts;

import java.util.List;

/**
 * Turns one cell's text into the JSON value worker-sdxl's schema wants: Integer (Long for seeds, which go up to
 * 2^32 and beyond in other SD tools), Double, or the exact scheduler name. Stateless.
 */
final class InputConverter {

    static final List<String> SCHEDULERS = List.of("PNDM", "KLMS", "DDIM", "K_EULER", "K_EULER_ANCESTRAL",
            "DPMSolverMultistep", "DPMSolverSinglestep");

    private InputConverter() {
    }

    /** The typed value; throws IllegalArgumentException with "is not ..." wording when the text does not fit. */
    static Object convert(SdxlInput key, String raw) {
        // plain decimal notation only: Java would also take "7.5f", "0x1p3" or "Infinity"
        if ((key.type() == SdxlInput.Type.INTEGER && !raw.matches("[-+]?\\d+"))
                || (key.type() == SdxlInput.Type.FLOAT && !raw.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"))) {
            throw new IllegalArgumentException(key.key() + " '" + raw + "' " + expected(key));
        }
        try {
            return switch (key.type()) {
                case STRING -> key == SdxlInput.SCHEDULER ? scheduler(raw) : raw;
                case INTEGER -> key == SdxlInput.SEED ? (Object) Long.valueOf(raw) : (Object) Integer.valueOf(raw);
                case FLOAT -> finite(Double.parseDouble(raw));
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key.key() + " '" + raw + "' " + expected(key), e);
        }
    }

    private static String expected(SdxlInput key) {
        return switch (key.type()) {
            case INTEGER -> "is not a whole number";
            case FLOAT -> "is not a finite number";
            case STRING -> "is not one of " + String.join(", ", SCHEDULERS);
        };
    }

    /** Case-insensitive match, normalised to the exact name: anything else crashes the worker after billing. */
    private static String scheduler(String raw) {
        return SCHEDULERS.stream().filter(s -> s.equalsIgnoreCase(raw)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(raw));
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }
}
