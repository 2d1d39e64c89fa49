package io.sdxlbatch.runpod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientWarmupTest {

    @Test
    void givenNothingButTheLoopback_whenWarmingUp_thenAWholeExchangeIsReadLikeAHealthAnswer() {
        assertThat(ClientWarmup.run()).isTrue();
    }
}
