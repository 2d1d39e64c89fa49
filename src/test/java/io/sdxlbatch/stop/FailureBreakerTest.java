package io.sdxlbatch.stop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

class FailureBreakerTest {

    private final StopRequest stop = new StopRequest();
    private final FailureBreaker breaker = new FailureBreaker(10, stop, Clock.systemUTC());

    @Test
    void givenMostOfTheWindowFailedTheSameWay_whenTheLastOneArrives_thenSubmissionStopsNamingTheReason() {
        for (int i = 0; i < 4; i++) {
            breaker.succeeded();
        }
        for (int i = 0; i < 5; i++) {
            breaker.failed("FAILED: CUDA error: out of memory");
        }
        assertThat(stop.requested()).as("5 of 9: not most of 10 yet").isFalse();

        breaker.failed("FAILED: CUDA error: out of memory");

        assertThat(stop.get()).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo(StopRequest.Kind.FAILURES);
            assertThat(s.reason()).startsWith("6 of the last 10 jobs failed the same way (FAILED: CUDA error: out"
                    + " of memory)");
        });
    }

    @Test
    void givenFailuresOfManyKindsAmongSuccesses_whenCounted_thenNoneIsAMajorityAndNothingStops() {
        for (int i = 0; i < 20; i++) {
            breaker.failed("FAILED: reason " + (i % 3));
            breaker.succeeded();
        }

        assertThat(stop.requested()).isFalse();
    }

    @Test
    void givenAWindowOfNothingButFailuresInManyWords_whenFull_thenSubmissionStops() {
        for (int i = 0; i < 10; i++) {
            breaker.failed("FAILED: reason " + (i % 4));
        }

        assertThat(stop.get()).hasValueSatisfying(s -> assertThat(s.reason())
                .startsWith("the last 10 jobs all failed (most often: FAILED: reason "));
    }

    @Test
    void givenOldFailuresPushedOutBySuccesses_whenCounted_thenOnlyTheLatestWindowMatters() {
        for (int i = 0; i < 5; i++) {
            breaker.failed("TIMED_OUT");
        }
        for (int i = 0; i < 10; i++) {
            breaker.succeeded();
        }
        breaker.failed("TIMED_OUT");

        assertThat(stop.requested()).isFalse();
    }

    @Test
    void givenLongErrorsThatDifferOnlyInTheirTail_whenCounted_thenTheyAreOneReason() {
        for (int i = 0; i < 6; i++) {
            breaker.failed("FAILED: " + "x".repeat(200) + " job " + i);
        }

        assertThat(stop.requested()).isTrue();
    }
}
