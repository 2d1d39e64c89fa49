package io.sdxlbatch.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.sdxlbatch.images.AtomicFiles;
import io.sdxlbatch.images.ImageSource;
import io.sdxlbatch.images.ImageStager;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.runpod.JobOutput;
import io.sdxlbatch.runpod.OutputImage;
import io.sdxlbatch.sim.SimulatorImages;

/**
 * Base64 decode-and-write throughput of the harvester's own code path (issue 7, big-images: at least 200 MB/s of
 * base64 on one core), run by {@code bench/run.sh big-images}. Not a test and not shipped: a main method, because
 * a timing has no place in the test suite.
 *
 * <p>Input: the simulator's 1024x1024 PNGs with grain 3 (1.9 MB each for these four jobs), as the data URIs a
 * COMPLETED /status answer carries, two per job. Single thread. Each round stages the same jobs as the harvester does
 * ({@link ImageStager#stage}: decode while writing a temp file, fsync, rename, read it back to check the PNG), then
 * the same without the check, then decoding alone, so a miss can be placed. Warm-up rounds first, then timed rounds;
 * MB are 10^6 characters of base64 read.
 *
 * <p>Usage: {@code DecodeWriteBench DIR [JOBS_PER_ROUND] [WARMUP_ROUNDS] [ROUNDS]}, defaults 20, 3 and 7
 */
public final class DecodeWriteBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private interface Pass {
        void run(int job, JobOutput output) throws Exception;
    }

    private record Round(double seconds, double cpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;

        // four distinct jobs, reused round-robin: painting is the simulator's cost, not ours
        List<JobOutput> outputs = new ArrayList<>();
        long base64Chars = 0;
        for (int j = 0; j < 4; j++) {
            List<OutputImage> images = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                byte[] png = SimulatorImages.png("a photograph number " + j, 42 + j, 1024, 1024, i, 3);
                images.add(new OutputImage("data:image/png;base64," + Base64.getEncoder().encodeToString(png),
                        42L + j));
            }
            outputs.add(new JobOutput(images));
        }
        for (int j = 0; j < jobs; j++) {
            for (OutputImage image : outputs.get(j % outputs.size()).images()) {
                base64Chars += image.reference().length() - image.payloadOffset();
            }
        }

        ImageSource source = new ImageSource(Duration.ofSeconds(60));
        RunFolders folders = RunFolders.of(dir, "bench");
        ImageStager stager = new ImageStager(source, folders);
        Pass stage = (job, output) -> stager.stage(job, output);
        Pass decodeWrite = (job, output) -> {
            int n = 0;
            for (OutputImage image : output.images()) {
                AtomicFiles.write(folders.staged(job, ++n), out -> source.writeTo(image, out));
            }
        };
        Pass decodeOnly = (job, output) -> {
            for (OutputImage image : output.images()) {
                source.writeTo(image, OutputStream.nullOutputStream());
            }
        };

        double mb = base64Chars / 1e6;
        System.out.printf(Locale.ROOT, "decode bench: %d jobs x 2 images per round (%.1f MB of base64, PNG %d bytes"
                + " each on average), %d warm-up + %d timed rounds, one thread, files in %s%n", jobs, mb,
                averagePngBytes(outputs), warmup, rounds, dir);
        report("stage (decode+write+fsync+check)", stage, outputs, jobs, warmup, rounds, mb);
        report("decode+write+fsync, no check", decodeWrite, outputs, jobs, warmup, rounds, mb);
        report("decode only, to nowhere", decodeOnly, outputs, jobs, warmup, rounds, mb);
        Files.walk(dir).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }

    private static void report(String name, Pass pass, List<JobOutput> outputs, int jobs, int warmup, int rounds,
                               double mb) throws Exception {
        for (int r = 0; r < warmup; r++) {
            round(pass, outputs, jobs);
        }
        Round[] timed = new Round[rounds];
        for (int r = 0; r < rounds; r++) {
            timed[r] = round(pass, outputs, jobs);
        }
        double[] rates = Arrays.stream(timed).mapToDouble(t -> mb / t.seconds()).sorted().toArray();
        double seconds = Arrays.stream(timed).mapToDouble(Round::seconds).sum();
        double cpu = Arrays.stream(timed).mapToDouble(Round::cpuSeconds).sum();
        System.out.printf(Locale.ROOT, "%-34s median %6.0f MB/s  (min %.0f, max %.0f; thread CPU %.0f%% of wall)%n",
                name, rates[rates.length / 2], rates[0], rates[rates.length - 1], 100 * cpu / seconds);
    }

    private static Round round(Pass pass, List<JobOutput> outputs, int jobs) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int j = 0; j < jobs; j++) {
            pass.run(j, outputs.get(j % outputs.size()));
        }
        return new Round((System.nanoTime() - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    private static long averagePngBytes(List<JobOutput> outputs) {
        return Math.round(outputs.stream().flatMap(o -> o.images().stream())
                .mapToLong(i -> Base64.getDecoder().decode(i.base64Payload()).length).average().orElse(0));
    }
}
