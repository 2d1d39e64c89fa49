package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many client threads at once: every accepted job is distinct and ends COMPLETED. */
class ConcurrencyTest {

    @Test
    void hammeringFromManyThreadsLosesNothing() throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(1000).withWorkers(20)
                .withRetentionMs(3_600_000).withIdleTimeoutMs(600_000);
        try (RunpodSimulator simulator = RunpodSimulator.start(settings)) {
            SimClient client = new SimClient(simulator);
            Set<String> ids = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 15; i++) {
                            String id = client.submit("{\"prompt\":\"t" + thread + " i" + i
                                    + "\",\"width\":16,\"height\":16}");
                            ids.add(id);
                            client.status(id);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(ids).hasSize(240);
            assertThat(simulator.jobsCreated()).isEqualTo(240);
            assertThat(simulator.requestCount("run")).isEqualTo(240);
            for (String id : ids) {
                assertThat(client.awaitFinal(id).get("status").asString()).isEqualTo("COMPLETED");
            }
        }
    }
}
