package io.sdxlbatch.runpod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.time.MutableClock;

class BackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T02:00:00Z"));
    private final Backoff backoff = new Backoff(clock);

    @Test
    void givenNoWait_whenAsked_thenNothingIsHeldBack() {
        assertThat(backoff.remaining()).isZero();
    }

    @Test
    void givenAWait_whenTimePasses_thenWhatIsLeftOfItShrinksToZero() {
        backoff.holdFor(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(2));
        Duration afterTwo = backoff.remaining();
        backoff.holdFor(Duration.ofSeconds(1));
        Duration shorterWaitOnTop = backoff.remaining();
        clock.advance(Duration.ofSeconds(4));

        assertThat(afterTwo).isEqualTo(Duration.ofSeconds(3));
        assertThat(shorterWaitOnTop).as("the longer wait still holds").isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.remaining()).isZero();
    }
}
