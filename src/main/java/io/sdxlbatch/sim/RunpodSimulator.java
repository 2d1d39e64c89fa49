package io.sdxlbatch.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local fake of a Runpod Serverless queue endpoint running worker-sdxl 2.1.0, served over HTTP on
 * 127.0.0.1 with the JDK's HttpServer. Starts in milliseconds, needs no Spring. Thread-safe: any number of
 * client threads may call it; observation methods may be called from any thread.
 */
public final class RunpodSimulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed
        // ACK: about 40 ms per small answer, which would make polling tests crawl. Read once by the JDK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorSettings settings;
    private final EndpointEngine engine;
    private final RequestCounters counters = new RequestCounters();
    private final HttpServer server;
    private final ExecutorService executor;

    private RunpodSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        ScaledClock clock = ScaledClock.system(settings.timeScale());
        this.engine = new EndpointEngine(settings, clock);
        FaultInjector faults = new FaultInjector(settings.faults(), settings.seed());
        ApiOperations operations = new ApiOperations(settings, engine, clock, faults);
        RateLimiter limiter = new RateLimiter(settings.rateLimits(), System::nanoTime);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 256);
        server.createContext("/", new SimHttpHandler(settings, counters, limiter, faults, operations));
        server.setExecutor(executor);
        server.start();
    }

    /** Binds 127.0.0.1 on {@code settings.port()} (0 picks a free port) and starts serving. */
    public static RunpodSimulator start(SimulatorSettings settings) {
        try {
            return new RunpodSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind 127.0.0.1:" + settings.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v2}; operations live at {@code {baseUrl}/{endpointId}/run} etc. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2");
    }

    public String endpointId() {
        return settings.endpointId();
    }

    /** The accepted key; the default is a local fake, not a secret. */
    public String apiKey() {
        return settings.apiKey();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Requests received for "run", "runsync", "status", "cancel", "retry", "purge-queue" or "health". */
    public long requestCount(String operation) {
        return counters.get(operation);
    }

    /** Jobs actually accepted, so a test can prove that no duplicate paid job was created. */
    public long jobsCreated() {
        return engine.jobsCreated();
    }

    /** The prompt of every job ever accepted, in order of acceptance, including expired and purged ones. */
    public java.util.List<String> acceptedPrompts() {
        return engine.acceptedPrompts();
    }

    /** The job as the endpoint sees it now; empty when unknown, purged or expired. */
    public Optional<SimulatedJobView> job(String jobId) {
        return engine.snapshot(jobId).map(SimulatedJobView::of);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "runpod-sim-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
