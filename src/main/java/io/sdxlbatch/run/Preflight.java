package io.sdxlbatch.run;

import java.io.PrintStream;

import io.sdxlbatch.cli.StoppedException;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.runpod.EndpointHealth;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodException;

/**
 * GET /health before anything is sent: a wrong key or endpoint id is a configuration error (exit 2) found before the
 * first paid request, and an endpoint that cannot be reached stops the run before it starts (exit 1). Also shows
 * what the endpoint is doing: a queue full of someone else's jobs makes this night longer.
 */
final class Preflight {

    private Preflight() {
    }

    /** @param healthUrl where /health was asked, for the messages (never carries the key) */
    static EndpointHealth check(RunpodClient client, String endpointId, String healthUrl, PrintStream out) {
        EndpointHealth health;
        try {
            health = client.health();
        } catch (RunpodException.Unauthorized e) {
            throw new UsageException("the API key was rejected (HTTP 401 from " + healthUrl + "): check"
                    + " RUNPOD_API_KEY");
        } catch (RunpodException.NotFound e) {
            throw new UsageException("no endpoint " + endpointId + " (HTTP 404 from " + healthUrl + "): check"
                    + " RUNPOD_ENDPOINT_ID");
        } catch (RunpodException e) {
            throw new StoppedException("cannot reach the endpoint at " + healthUrl + " (" + e.getMessage() + ");"
                    + " nothing was submitted: run the same command again when it answers");
        }
        out.println("endpoint health: workers " + describe(health) + "; jobs in queue " + health.inQueue()
                + ", in progress " + health.inProgress());
        if (health.inQueue() > 0) {
            out.println("note: " + health.inQueue() + " jobs are already queued on the endpoint; ours wait behind"
                    + " them, so this run takes longer");
        }
        return health;
    }

    private static String describe(EndpointHealth health) {
        StringBuilder text = new StringBuilder();
        for (String state : new String[] {"idle", "running", "initializing", "throttled", "unhealthy"}) {
            long n = health.workers(state);
            if (n > 0 || state.equals("idle") || state.equals("running")) {
                text.append(text.isEmpty() ? "" : ", ").append(state).append(' ').append(n);
            }
        }
        return text.toString();
    }
}
