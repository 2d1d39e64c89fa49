package io.sdxlbatch.sim;

import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decides what worker-sdxl 2.1.0's handler (runpod-workers/worker-sdxl tag 2.1.0 handler.py) does with one
 * input: validation errors, crashes, diffusers errors or images, and how long it takes. Not thread-safe
 * by itself: it draws from the caller's Random, which {@link EndpointEngine} guards with its lock.
 */
final class SdxlWorkerModel {

    /** A fault drawn for the job before it runs. */
    enum InjectedFault { NONE, WORKER_FAILURE, NO_OUTPUT }

    private static final Set<String> SCHEDULERS = Set.of("PNDM", "KLMS", "DDIM", "K_EULER", "K_EULER_ANCESTRAL",
            "DPMSolverMultistep", "DPMSolverSinglestep");
    /** Beyond this many pixels per job a 24 GB card runs out of memory; it also keeps our painter cheap. */
    private static final long MAX_PIXELS = 4096L * 4096L;

    private final WorkerInputValidator validator = new WorkerInputValidator();
    private final MsRange executionMs;

    SdxlWorkerModel(MsRange executionMs) {
        this.executionMs = executionMs;
    }

    JobOutcome plan(JsonNode input, String workerId, Random random, InjectedFault fault) {
        WorkerInputValidator.Result result;
        try {
            result = validator.validate(input);
        } catch (WorkerInputValidator.PythonError e) {
            return crash(e.pythonType(), e.getMessage(), workerId, random);
        }
        if (!result.ok()) {
            return new JobOutcome.Failure(HandlerErrors.list(result.errors()), quick(random), false);
        }
        var in = result.validated();
        long seed = in.get("seed").isNull() ? random.nextInt(65_536) : PythonValue.asLong(in.get("seed"));
        String scheduler = in.get("scheduler").asString();
        if (!SCHEDULERS.contains(scheduler)) {
            // make_scheduler indexes a dict outside the handler's try: KeyError escapes to the SDK.
            return crash("KeyError", PythonValue.repr(scheduler), workerId, random);
        }
        if (!in.get("image_url").isNull()) {
            return imageToImage(in.get("prompt").asString(), in.get("image_url").asString(), seed, in, workerId,
                    random, fault);
        }
        return textToImage(in.get("prompt").asString(), seed, in, workerId, random, fault);
    }

    private JobOutcome textToImage(String prompt, long seed, java.util.Map<String, JsonNode> in, String workerId,
            Random random, InjectedFault fault) {
        JsonNode height = in.get("height");
        JsonNode width = in.get("width");
        long h = PythonValue.asLong(height);
        long w = PythonValue.asLong(width);
        if (Math.floorMod(h, 8) != 0 || Math.floorMod(w, 8) != 0) {
            // diffusers' check_inputs raises ValueError inside the handler's try: "Unexpected error: ...".
            return new JobOutcome.Failure(HandlerErrors.plain("Unexpected error: `height` and `width` have to be "
                    + "divisible by 8 but are " + PythonValue.str(height) + " and " + PythonValue.str(width) + "."),
                    quick(random), true);
        }
        long count = PythonValue.asLong(in.get("num_images"));
        if (count < 1) {
            // No images come back, and image_urls[0] runs outside the try.
            return crash("IndexError", "list index out of range", workerId, random);
        }
        if (h < 8 || w < 8 || h * w * count > MAX_PIXELS) {
            return new JobOutcome.Failure(HandlerErrors.runtimeError("CUDA out of memory. Tried to allocate "
                    + Math.max(1, h * w * count / 100_000) + ".00 MiB", random), quick(random), true);
        }
        return succeed(prompt, seed, (int) w, (int) h, (int) count, false, workerId, random, fault);
    }

    /** Only the refiner runs; load_image is outside the try and accepts only http(s) URLs or local paths. */
    private JobOutcome imageToImage(String prompt, String url, long seed, java.util.Map<String, JsonNode> in,
            String workerId, Random random, InjectedFault fault) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return crash("ValueError", "Incorrect path or URL. URLs must start with `http://` or `https://`, and "
                    + url + " is not a valid path.", workerId, random);
        }
        // The real size is the source image's; we cannot download it, so the requested size stands in.
        long h = PythonValue.asLong(in.get("height"));
        long w = PythonValue.asLong(in.get("width"));
        int height = (int) Math.max(8, Math.min(h, 4096));
        int width = (int) Math.max(8, Math.min(w, 4096));
        return succeed(prompt, seed, width, height, 1, true, workerId, random, fault);
    }

    private JobOutcome succeed(String prompt, long seed, int width, int height, int count, boolean refresh,
            String workerId, Random random, InjectedFault fault) {
        long duration = executionMs.draw(random) * count;
        return switch (fault) {
            case WORKER_FAILURE -> new JobOutcome.Failure(HandlerErrors.injected(workerId, random),
                    executionMs.draw(random), true);
            case NO_OUTPUT -> new JobOutcome.Success(prompt, seed, width, height, count, false, duration, refresh);
            case NONE -> new JobOutcome.Success(prompt, seed, width, height, count, true, duration, refresh);
        };
    }

    private static JobOutcome crash(String type, String message, String workerId, Random random) {
        return new JobOutcome.Failure(HandlerErrors.crash(type, message, workerId), quick(random), false);
    }

    /** A handler that fails fast still takes a moment (SDK overhead, validation, a first pipeline step). */
    private static long quick(Random random) {
        return 20 + random.nextInt(180);
    }
}
