package io.sdxlbatch.runpod;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Builds clients against a {@link ScriptedServer} with a fixed clock and a recording sleeper. */
final class ClientFixture {

    static final String KEY = "rpa_TESTKEY0123456789abcdefghijklmnop";
    static final String ENDPOINT = "ep-test";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
    static final JobRequest REQUEST = JobRequest.of(Map.of("prompt", "a red fox", "width", 1024));

    private ClientFixture() {
    }

    static RunpodSettings settings(ScriptedServer server) {
        return RunpodSettings.of(server.baseUrl(), ENDPOINT, KEY);
    }

    static RunpodClient client(RunpodSettings settings, RecordingSleeper sleeper) {
        return new RunpodClient(settings, CLOCK, sleeper);
    }

    static RunpodClient client(ScriptedServer server, RecordingSleeper sleeper) {
        return client(settings(server), sleeper);
    }
}
