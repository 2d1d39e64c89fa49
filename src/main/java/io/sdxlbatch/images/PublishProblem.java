package io.sdxlbatch.images;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why the publish step of this process could not write every image. The step does not fail for it: Spring Batch
 * abandons a failed step that the flow moves past, and never runs it again on a restart, so a full disk would strand
 * the staged images for good. The report step, which ends the job, fails instead, with this as its cause.
 */
public final class PublishProblem {

    private final AtomicReference<RuntimeException> problem = new AtomicReference<>();

    void set(RuntimeException e) {
        problem.compareAndSet(null, e);
    }

    public Optional<RuntimeException> get() {
        return Optional.ofNullable(problem.get());
    }
}
