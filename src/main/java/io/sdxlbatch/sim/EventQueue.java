package io.sdxlbatch.sim;

import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Future events of the discrete-event endpoint model, run in time order (ties in scheduling order) when the
 * model is advanced. Not thread-safe: owned by {@link EndpointEngine}, which guards it with its lock.
 */
final class EventQueue {

    private record Event(long atMs, long sequence, LongConsumer action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long sequence;

    /** Schedules {@code action}, which receives the event's own time (not the time it is run at). */
    void at(long atMs, LongConsumer action) {
        events.add(new Event(atMs, sequence++, action));
    }

    /** Runs every event due at or before {@code nowMs}, including ones scheduled by those events. */
    void runDue(long nowMs) {
        while (!events.isEmpty() && events.peek().atMs() <= nowMs) {
            Event next = events.poll();
            next.action().accept(next.atMs());
        }
    }

    /** Time of the next event, or {@code Long.MAX_VALUE} when nothing is scheduled. */
    long nextAt() {
        return events.isEmpty() ? Long.MAX_VALUE : events.peek().atMs();
    }
}
