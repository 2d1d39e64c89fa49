package io.sdxlbatch.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The endpoint's max workers, all cold at start. Not thread-safe: used under the {@link EndpointEngine} lock. */
final class WorkerPool {

    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final List<SimWorker> workers = new ArrayList<>();

    WorkerPool(int size, Random random) {
        for (int i = 0; i < size; i++) {
            workers.add(new SimWorker(workerId(random)));
        }
    }

    Optional<SimWorker> firstIn(SimWorker.State state) {
        return workers.stream().filter(w -> w.state() == state).findFirst();
    }

    Optional<SimWorker> byId(String id) {
        return workers.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    int count(SimWorker.State state) {
        return (int) workers.stream().filter(w -> w.state() == state).count();
    }

    /** Runpod worker ids look like "462u6mrq9s28h6": 14 lower-case letters and digits. */
    private static String workerId(Random random) {
        StringBuilder id = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
