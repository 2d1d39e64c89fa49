package io.sdxlbatch.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * FIFO queue of waiting jobs; low-priority jobs wait behind all normal ones. Not thread-safe: used under
 * the {@link EndpointEngine} lock.
 */
final class JobQueue {

    private final Deque<SimJob> normal = new ArrayDeque<>();
    private final Deque<SimJob> low = new ArrayDeque<>();

    void add(SimJob job) {
        (job.policy().lowPriority() ? low : normal).addLast(job);
    }

    SimJob poll() {
        return normal.isEmpty() ? low.pollFirst() : normal.pollFirst();
    }

    boolean remove(SimJob job) {
        return normal.remove(job) || low.remove(job);
    }

    boolean isEmpty() {
        return normal.isEmpty() && low.isEmpty();
    }

    int size() {
        return normal.size() + low.size();
    }

    /** Jobs that may make a cold worker start (low-priority ones never do). */
    int normalSize() {
        return normal.size();
    }

    List<SimJob> drain() {
        List<SimJob> all = new ArrayList<>(normal);
        all.addAll(low);
        normal.clear();
        low.clear();
        return all;
    }
}
