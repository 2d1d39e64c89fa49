package io.sdxlbatch.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.images.ImageSource;
import io.sdxlbatch.images.ImageStager;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.FileLedger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runpod.JobStatus;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.stop.FailureBreaker;
import io.sdxlbatch.stop.StopRequest;
import io.sdxlbatch.stop.StopSettings;
import io.sdxlbatch.stop.SubmissionLimits;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.runpod.RunpodSettings;
import io.sdxlbatch.runpod.ScriptedServer;
import io.sdxlbatch.runpod.ScriptedServer.Answer;
import io.sdxlbatch.submit.JobSubmitter;

/**
 * Every outcome of a status answer lands in the ledger as its own state with its own reason: retries through
 * /retry or a new submission, missing output, corrupt images read again, expired results.
 */
class ResultHandlerTest {

    @TempDir
    Path dir;

    private final ScriptedServer server = newServer();
    private FileLedger db;
    private ResultHandler handler;
    private RunpodClient client;

    @AfterEach
    void stop() {
        server.close();
        if (db != null) {
            db.close();
        }
    }

    private LedgerEntry queuedRow() {
        db = new FileLedger(dir);
        return queuedRowWithImages(1);
    }

    private LedgerEntry queuedRowWithImages(int images) {
        client = new RunpodClient(RunpodSettings.of(server.baseUrl(), "ep", "key")
                .withRetry(new RunpodSettings.RetrySettings(1, null, null, null)), Clock.systemUTC(), d -> { });
        ImageStager stager = new ImageStager(new ImageSource(Duration.ofSeconds(5)), RunFolders.of(dir, "r"));
        JobSubmitter submitter = new JobSubmitter(client, db.transitions, Clock.systemUTC(), new io.sdxlbatch.stop.StopRequest());
        StopRequest stop = new StopRequest();
        handler = new ResultHandler(client, db.transitions, stager, submitter, Clock.systemUTC(), 1,
                new FailureBreaker(20, stop, Clock.systemUTC()), stop, new SubmissionLimits(StopSettings.none(),
                        CostSettings.defaults(), db.ledger, "r", stop, Clock.systemUTC()));
        db.ledger.addIfAbsent("r", 2, "id2", io.sdxlbatch.ledger.RequestCodec.encode(java.util.Map.of("prompt",
                "fox"), null), "{}", LedgerState.PENDING, images, null);
        db.transitions.intendToSend("r", 2);
        db.transitions.sent("r", 2, "job-1", 1L);
        return db.ledger.get("r", 2);
    }

    private JobStatus status(String json) {
        server.then(Answer.json(200, json));
        return client.status("job-1");
    }

    @Test
    void aFailedJobWithRetriesLeftIsRetriedUnderTheSameId() {
        LedgerEntry row = queuedRow();
        JobStatus failed = status("{\"id\":\"job-1\",\"status\":\"FAILED\",\"error\":\"RuntimeError: boom\"}");
        server.then(Answer.json(200, "{\"id\":\"job-1\",\"status\":\"IN_QUEUE\"}"));

        handler.handle(row, failed);

        LedgerEntry after = db.ledger.get("r", 2);
        assertThat(server.received()).extracting(ScriptedServer.Received::path).last().isEqualTo("/v2/ep/retry/job-1");
        assertThat(after.state()).isEqualTo(LedgerState.QUEUED);
        assertThat(after.retries()).isEqualTo(1);
        assertThat(after.jobId()).isEqualTo("job-1");
    }

    @Test
    void whenRetryIsRefusedTheRowIsSubmittedAgainAsANewJob() {
        LedgerEntry row = queuedRow();
        JobStatus failed = status("{\"id\":\"job-1\",\"status\":\"TIMED_OUT\"}");
        server.then(Answer.json(404, "")).then(Answer.json(200, "{\"id\":\"job-2\",\"status\":\"IN_QUEUE\"}"));

        handler.handle(row, failed);

        LedgerEntry after = db.ledger.get("r", 2);
        assertThat(server.received()).extracting(ScriptedServer.Received::path).last().isEqualTo("/v2/ep/run");
        assertThat(after.state()).isEqualTo(LedgerState.QUEUED);
        assertThat(after.jobId()).isEqualTo("job-2");
        assertThat(after.possibleDuplicate()).as("job-1 failed, so job-2 pays for nothing twice").isFalse();
        assertThat(db.ledger.jobIdsReceived("r", 2)).isEqualTo(2);
    }

    @Test
    void aRetryRefusedBecauseAnEarlierOneAlreadyWorkedDoesNotPayForASecondJob() {
        LedgerEntry row = queuedRow();
        JobStatus failed = status("{\"id\":\"job-1\",\"status\":\"FAILED\"}");
        server.then(Answer.json(400, "{\"error\":\"job is not in a retryable state\"}"))
                .then(Answer.json(200, "{\"id\":\"job-1\",\"status\":\"IN_QUEUE\"}"));

        handler.handle(row, failed);

        assertThat(server.received()).extracting(ScriptedServer.Received::path).doesNotContain("/v2/ep/run");
        assertThat(db.ledger.get("r", 2).jobId()).isEqualTo("job-1");
        assertThat(db.ledger.get("r", 2).retries()).isEqualTo(1);
    }

    @Test
    void aRetryWhoseAnswerIsLostIsNotSentAgainAndStillCounts() {
        LedgerEntry row = queuedRow();
        JobStatus failed = status("{\"id\":\"job-1\",\"status\":\"FAILED\"}");
        server.then(Answer.dropConnection()).always(Answer.json(200, "{\"id\":\"job-1\",\"status\":\"IN_QUEUE\"}"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handler.handle(row, failed))
                .isInstanceOf(io.sdxlbatch.runpod.RunpodException.NoAnswer.class);

        assertThat(server.received()).extracting(ScriptedServer.Received::path)
                .filteredOn(path -> path.contains("/retry/")).hasSize(1);
        assertThat(db.ledger.get("r", 2).retries()).isEqualTo(1);
    }

    @Test
    void fewerImagesThanAskedForAreKeptAndTheShortfallIsSaid() {
        db = new FileLedger(dir);
        queuedRowWithImages(2);

        handler.handle(db.ledger.get("r", 2), status("{\"id\":\"job-1\",\"status\":\"COMPLETED\","
                + "\"output\":{\"images\":[\"data:image/png;base64," + pngBase64() + "\"],\"seed\":5}}"));

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.HARVESTED);
        assertThat(db.ledger.get("r", 2).error()).isEqualTo("Runpod returned 1 of the 2 images asked for");
    }

    @Test
    void aFailedDownloadIsTriedAgainLaterWithoutCountingAgainstTheImage() throws IOException {
        LedgerEntry row = queuedRow();
        try (ScriptedServer bucket = new ScriptedServer()) {
            bucket.always(Answer.json(503, "busy"));
            String url = bucket.baseUrl().resolve("/bucket/x.png").toString();
            String answer = "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":[{\"image_url\":\"" + url
                    + "\"}]}";

            for (int read = 0; read < ResultHandler.MAX_READS + 1; read++) {
                handler.handle(row, status(answer));
            }

            assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.QUEUED);
        }
    }

    @Test
    void aFailedJobWithoutRetriesLeftFailsWithTheWorkersError() {
        LedgerEntry row = queuedRow();
        db.transitions.countRetry("r", 2);
        JobStatus failed = status("{\"id\":\"job-1\",\"status\":\"FAILED\",\"delayTime\":5,\"executionTime\":7,"
                + "\"error\":[\"Unexpected input. colour is not a valid input option.\"]}");

        handler.handle(db.ledger.get("r", 2), failed);

        LedgerEntry after = db.ledger.get("r", 2);
        assertThat(after.state()).isEqualTo(LedgerState.FAILED);
        assertThat(after.error())
                .isEqualTo("FAILED: validation: Unexpected input. colour is not a valid input option.");
        assertThat(after.executionMs()).isEqualTo(7);
        assertThat(row.retries()).isZero();
    }

    @Test
    void completedWithoutOutputIsItsOwnFailure() {
        LedgerEntry row = queuedRow();

        handler.handle(row, status("{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"executionTime\":9000}"));

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.NO_OUTPUT);
        assertThat(db.ledger.get("r", 2).error()).contains("COMPLETED without output");
    }

    @Test
    void corruptImagesAreReadAgainAndOnlyThenDeclaredUndecodable() throws IOException {
        LedgerEntry row = queuedRow();
        String corrupt = "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"images\":[\"data:image/png;base64,"
                + "iVBORw0KGgo*broken*\"]}}";

        handler.handle(row, status(corrupt));
        handler.handle(row, status(corrupt));
        assertThat(db.ledger.get("r", 2).state()).as("two bad reads: still waiting").isEqualTo(LedgerState.QUEUED);
        handler.handle(row, status("{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"images\":[\""
                + "data:image/png;base64," + pngBase64() + "\"],\"seed\":5}}"));

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.HARVESTED);
        assertThat(db.ledger.get("r", 2).seed()).isEqualTo(5);
    }

    @Test
    void threeCorruptReadsMakeTheRowUndecodable() {
        LedgerEntry row = queuedRow();
        String truncated = "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"images\":[\"data:image/png;base64,"
                + pngBase64().substring(0, 40) + "\"]}}";

        for (int read = 0; read < ResultHandler.MAX_READS; read++) {
            handler.handle(row, status(truncated));
        }

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.UNDECODABLE);
        assertThat(db.ledger.get("r", 2).error()).contains("after 3 reads");
    }

    @Test
    void anImageBehindAPresignedUrlIsDownloadedWithoutTheApiKey() throws IOException {
        LedgerEntry row = queuedRow();
        try (ScriptedServer bucket = new ScriptedServer()) {
            byte[] png = Base64.getDecoder().decode(pngBase64());
            bucket.always(Answer.binary(200, "image/png", png));
            String url = bucket.baseUrl().resolve("/bucket/x.png?X-Amz-Signature=abc").toString();

            handler.handle(row, status("{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":[{\"image_url\":\""
                    + url + "\",\"seed\":3}]}"));

            assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.HARVESTED);
            assertThat(bucket.received().get(0).headers()).doesNotContainKey("Authorization");
            assertThat(RunFolders.of(dir, "r").staged(2, 1)).hasBinaryContent(png);
        }
    }

    @Test
    void aResultThatIsGoneIsExpiredWithItsReason() {
        LedgerEntry row = queuedRow();

        handler.expired(row);

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.EXPIRED);
        assertThat(db.ledger.get("r", 2).error()).contains("job-1").contains("30 minutes");
    }

    static String pngBase64() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0xff0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScriptedServer newServer() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void base64WithADanglingEndIsReadAgainNotACrash() {
        LedgerEntry row = queuedRow();
        String unpadded = pngBase64().replace("=", "");
        // a length of 4n+1 leaves a dangling base64 character that no decoder can place
        String payload = unpadded + "A".repeat((1 - unpadded.length() % 4 + 4) % 4);
        String dangling = "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"images\":[\"data:image/png;base64,"
                + payload + "\"]}}";

        handler.handle(row, status(dangling));

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.QUEUED);
        assertThat(RunFolders.of(dir, "r").staged(2, 1)).doesNotExist();
    }

    @Test
    void imagesBehindBucketUrlsAreStillFetchedAfterRunpodDeletedTheJob() throws IOException {
        LedgerEntry row = queuedRow();
        try (ScriptedServer bucket = new ScriptedServer()) {
            byte[] png = Base64.getDecoder().decode(pngBase64());
            bucket.then(Answer.json(503, "busy")).always(Answer.binary(200, "image/png", png));
            String url = bucket.baseUrl().resolve("/bucket/x.png?X-Amz-Signature=abc").toString();
            handler.handle(row, status("{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":[{\"image_url\":\""
                    + url + "\",\"seed\":3}]}"));
            assertThat(db.ledger.get("r", 2).state()).as("the first download failed").isEqualTo(LedgerState.QUEUED);

            handler.expired(db.ledger.get("r", 2));

            assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.HARVESTED);
            assertThat(db.ledger.get("r", 2).error()).contains("downloaded from the bucket URLs");
            assertThat(RunFolders.of(dir, "r").staged(2, 1)).hasBinaryContent(png);
        }
    }
}
