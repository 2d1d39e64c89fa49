package io.sdxlbatch.sim;

/** Runpod job states as they appear in the {@code status} field. */
enum JobState {
    IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, TIMED_OUT;

    boolean isFinal() {
        return this != IN_QUEUE && this != IN_PROGRESS;
    }
}
