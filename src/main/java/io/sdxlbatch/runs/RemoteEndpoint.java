package io.sdxlbatch.runs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.report.RunRecord;
import io.sdxlbatch.runpod.RunpodSettings;

/**
 * The Runpod endpoint a command outside a run talks to: {@code runpod.*} bound exactly as a run binds them (a
 * {@code --runpod.x=y} argument wins over RUNPOD_* environment variables), but without starting Spring, and never
 * the embedded simulator: it lives and dies with a run's process, so there is nothing of it to reach later.
 */
final class RemoteEndpoint {

    private RemoteEndpoint() {
    }

    static RunpodSettings settings(List<String> springProperties, Map<String, String> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SimpleCommandLinePropertySource(springProperties.toArray(String[]::new)));
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment)));
        RunpodSettings settings;
        try {
            settings = new Binder(ConfigurationPropertySources.from(sources)).bind("runpod", RunpodSettings.class)
                    .orElseGet(() -> RunpodSettings.of(null, null, null));
        } catch (BindException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new UsageException("configuration property " + e.getProperty().getName() + " is invalid: "
                    + root.getMessage());
        }
        if (settings.apiKey() == null && settings.endpointId() == null) {
            throw new UsageException("cancel needs RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID: without them runs use the"
                    + " embedded simulator, which ends with the run's process, so there is nothing left to cancel");
        }
        ResolvedEndpoint.requireBothOrNeither(settings);
        return settings;
    }

    /** The jobs of a run live on the endpoint it was sent to: cancelling ids on another one would cancel nothing. */
    static void requireSameEndpoint(RunRecord run, RunpodSettings settings) {
        if (run.simulated()) {
            throw new UsageException("run " + run.runId() + " ran on the embedded simulator, which ended with its"
                    + " process: its jobs are gone, there is nothing to cancel");
        }
        if (!settings.endpointId().equals(run.endpoint())) {
            throw new UsageException("run " + run.runId() + " was sent to endpoint " + run.endpoint()
                    + ", but RUNPOD_ENDPOINT_ID is " + settings.endpointId() + ": set the endpoint the run used");
        }
    }
}
