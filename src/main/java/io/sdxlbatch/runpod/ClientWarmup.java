package io.sdxlbatch.runpod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Gets the JDK's HTTP client and the reading of Runpod's JSON ready on a spare core while Spring starts. Building an
 * HttpClient initialises TLS even for http://, and the first exchange and the first answer parsed load and
 * initialise a good deal more: together about half a second that otherwise sits between the start and the first
 * /run. It talks only to a socket of its own on the loopback address, never to an endpoint, so it costs no API call.
 */
public final class ClientWarmup {

    private static final byte[] HEALTH = ("{\"jobs\":{\"completed\":0,\"failed\":0,\"inProgress\":0,\"inQueue\":0,"
            + "\"retried\":0},\"workers\":{\"idle\":0,\"running\":0}}").getBytes(StandardCharsets.UTF_8);

    private ClientWarmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread thread = new Thread(ClientWarmup::run, "client-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Returns true when the whole exchange worked (for the test; callers ignore it). */
    static boolean run() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerOnce(server), "client-warmup-server");
            answer.setDaemon(true);
            answer.start();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getLocalPort()
                    + "/v2/warmup/health")).timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                return new RunpodJson().health(body).workers().containsKey("idle");
            }
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails costs only the time it would have saved
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(2_000);
            BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line;
            do {
                line = request.readLine();
            } while (line != null && !line.isEmpty());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + HEALTH.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(HEALTH);
            out.flush();
        } catch (IOException ignored) {
            // the client side notices and gives up; nothing else depends on this answer
        }
    }
}
