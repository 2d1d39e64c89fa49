package io.sdxlbatch.runpod;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The status, output and error shapes Runpod and worker-sdxl are known to send. */
class RunpodJsonTest {

    private final RunpodJson json = new RunpodJson();

    private static java.io.InputStream stream(String body) {
        return new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private JobStatus status(String body) {
        return json.status(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheWorkerReadmeExampleAndIgnoresUnknownFields() {
        JobStatus s = status("""
                {"delayTime":11449,"executionTime":6120,"id":"447f-e1","retries":0,"newField":{"x":1},
                 "output":{"image_url":"data:image/png;base64,iVBORa","images":["data:image/png;base64,iVBORa"],
                 "seed":42},"status":"COMPLETED","workerId":"462u6mrq9s28h6"}""");

        assertThat(s.state()).isEqualTo(JobState.COMPLETED);
        assertThat(s.delayTime()).isEqualTo(11449);
        assertThat(s.executionTime()).isEqualTo(6120);
        assertThat(s.workerId()).isEqualTo("462u6mrq9s28h6");
        assertThat(s.hasImages()).isTrue();
        // image_url repeats images[0]: it must not become a second image
        assertThat(s.output().images()).containsExactly(new OutputImage("data:image/png;base64,iVBORa", 42L));
        assertThat(s.output().images().get(0).base64Payload()).isEqualTo("iVBORa");
    }

    @Test
    void readsTheTutorialsListShapeWithASeedPerImage() {
        JobStatus s = status("""
                {"id":"a","status":"COMPLETED","output":[{"image_url":"https://bucket/x.png?sig=1","seed":7},
                {"image_url":"data:image/png;base64,AAAA","seed":8}]}""");

        assertThat(s.output().images()).extracting(OutputImage::seed).containsExactly(7L, 8L);
        assertThat(s.output().images().get(0).isDataUri()).isFalse();
        assertThat(s.output().images().get(1).isDataUri()).isTrue();
    }

    @Test
    void completedWithoutOutputIsNotASuccess() {
        assertThat(status("{\"id\":\"a\",\"status\":\"COMPLETED\",\"executionTime\":5}").hasImages()).isFalse();
        assertThat(status("{\"id\":\"a\",\"status\":\"COMPLETED\",\"output\":{\"images\":[]}}").hasImages())
                .isFalse();
    }

    @Test
    void unknownAndRunningStatesDoNotCrashAndAreNotFinal() {
        JobStatus odd = status("{\"id\":\"a\",\"status\":\"THROTTLED\"}");
        assertThat(odd.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(odd.rawStatus()).isEqualTo("THROTTLED");
        assertThat(odd.isFinal()).isFalse();
        assertThat(status("{\"id\":\"a\",\"status\":\"RUNNING\",\"delayTime\":900}").state())
                .isEqualTo(JobState.IN_PROGRESS);
    }

    @Test
    void validationErrorsComeAsAList() {
        JobError e = status("""
                {"id":"a","status":"FAILED","error":["Unexpected input. foo is not a valid input option.",
                "prompt is a required input."]}""").error();

        assertThat(e.type()).isEqualTo("validation");
        assertThat(e.messages()).hasSize(2);
        assertThat(e.summary()).contains("foo is not a valid input option").contains("prompt is a required");
    }

    @Test
    void plainStringErrorsKeepTheirExceptionType() {
        JobError e = status("{\"id\":\"a\",\"status\":\"FAILED\",\"error\":\"RuntimeError: CUDA out of memory\"}")
                .error();

        assertThat(e.type()).isEqualTo("RuntimeError");
        assertThat(e.summary()).isEqualTo("RuntimeError: CUDA out of memory");
    }

    @Test
    void jsonEncodedErrorsAreUnpacked() {
        JobError e = status("""
                {"id":"a","status":"FAILED","error":"{\\"error_type\\": \\"<class 'ValueError'>\\", \
                \\"error_message\\": \\"bad scheduler\\", \\"error_traceback\\": \\"Traceback ...\\"}"}""").error();

        assertThat(e.type()).isEqualTo("<class 'ValueError'>");
        assertThat(e.messages()).containsExactly("bad scheduler");
        assertThat(e.traceback()).isEqualTo("Traceback ...");
    }

    @Test
    void healthKeepsWorkerStatesItDoesNotKnow() {
        EndpointHealth h = json.health(stream("""
                {"jobs":{"completed":5,"failed":1,"inProgress":2,"inQueue":7,"retried":0},
                 "workers":{"idle":1,"running":2,"throttled":3,"initializing":0}}"""));

        assertThat(h.inQueue()).isEqualTo(7);
        assertThat(h.workers("throttled")).isEqualTo(3);
        assertThat(h.workers("unheard-of")).isZero();
    }

    @Test
    void purgeAnswerIsRead() {
        PurgeResult p = json.purge(stream("{\"removed\":2,\"status\":\"completed\"}"));

        assertThat(p.removed()).isEqualTo(2);
    }
}
