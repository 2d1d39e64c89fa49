package io.sdxlbatch.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BillingModelTest {

    private static final BigDecimal PRICE = new BigDecimal("0.001");
    private static final long IDLE = 5_000;

    private static JobTiming job(int line, String worker, long submitted, long delay, long execution) {
        return new JobTiming(line, worker, submitted, delay, execution);
    }

    @Test
    void givenOneWorkerBusyBackToBack_whenBilled_thenOneColdStartThenExecutionThenOneIdleTail() {
        // submitted together at 0; boot 20 s; then 10 s + 10 s back to back
        Billing bill = BillingModel.bill(List.of(
                job(1, "w1", 0, 20_000, 10_000),
                job(2, "w1", 0, 30_000, 10_000)), PRICE, IDLE);

        assertThat(bill.coldStarts()).isEqualTo(1);
        assertThat(bill.coldStartMs()).isEqualTo(20_000);
        assertThat(bill.executionMs()).isEqualTo(20_000);
        assertThat(bill.idleMs()).isEqualTo(5_000);
        assertThat(bill.billedMs()).isEqualTo(45_000);
        assertThat(bill.totalCost()).isEqualByComparingTo("0.045");
        assertThat(bill.jobs()).extracting(JobBill::cost).containsExactly(new BigDecimal("0.030000"),
                new BigDecimal("0.010000"));
        assertThat(bill.sessions()).singleElement().satisfies(s -> {
            assertThat(s.bootAt()).isZero();
            assertThat(s.stoppedAt()).isEqualTo(45_000);
            assertThat(s.billedMs()).isEqualTo(45_000);
        });
    }

    @Test
    void givenAGapLongerThanTheIdleTimeout_whenBilled_thenTheWorkerStoppedAndTheNextJobPaysItsBoot() {
        // job 1 ends at 15 s; job 2 submitted at 60 s (worker stopped at 20 s), starts at 72 s: a 12 s boot
        Billing bill = BillingModel.bill(List.of(
                job(1, "w1", 0, 5_000, 10_000),
                job(2, "w1", 60_000, 12_000, 8_000)), PRICE, IDLE);

        assertThat(bill.sessions()).hasSize(2);
        assertThat(bill.jobs()).extracting(JobBill::coldStart).containsExactly(true, true);
        assertThat(bill.jobs()).extracting(JobBill::coldStartMs).containsExactly(5_000L, 12_000L);
        assertThat(bill.idleMs()).isEqualTo(10_000);
        assertThat(bill.billedMs()).isEqualTo(5_000 + 10_000 + 5_000 + 12_000 + 8_000 + 5_000);
    }

    @Test
    void givenAGapWithinTheIdleTimeout_whenBilled_thenTheGapIsBilledIdleAndNoColdStart() {
        Billing bill = BillingModel.bill(List.of(
                job(1, "w1", 0, 2_000, 10_000),
                job(2, "w1", 15_000, 0, 10_000)), PRICE, IDLE);

        assertThat(bill.coldStarts()).isEqualTo(1);
        assertThat(bill.idleMs()).isEqualTo(3_000 + 5_000);
        assertThat(bill.sessions()).hasSize(1);
    }

    @Test
    void givenAFirstJobThatStartedAtOnce_whenBilled_thenTheWorkerWasWarmAndNoColdStartIsCounted() {
        Billing bill = BillingModel.bill(List.of(job(1, "w1", 0, 300, 10_000)), PRICE, IDLE);

        assertThat(bill.coldStarts()).isZero();
        assertThat(bill.coldStartMs()).isZero();
        assertThat(bill.billedMs()).isEqualTo(15_000);
    }

    @Test
    void givenTwoWorkers_whenBilled_thenEachHasItsOwnBootAndIdleTail() {
        Billing bill = BillingModel.bill(List.of(
                job(1, "w1", 0, 20_000, 10_000),
                job(2, "w2", 0, 25_000, 10_000),
                job(3, "w1", 0, 30_000, 10_000)), PRICE, IDLE);

        assertThat(bill.coldStarts()).isEqualTo(2);
        assertThat(bill.coldStartMs()).isEqualTo(45_000);
        assertThat(bill.idleMs()).isEqualTo(10_000);
        assertThat(bill.executionCost()).isEqualByComparingTo("0.030");
        assertThat(bill.coldStartCost()).isEqualByComparingTo("0.045");
        assertThat(bill.idleCost()).isEqualByComparingTo("0.010");
        assertThat(bill.share(bill.coldStartMs())).isEqualTo(45.0 / 85.0);
    }

    @Test
    void givenAWorkerThatJoinsADeepQueue_whenBilled_thenItsBootIsNotTakenForTheJobsWholeWait() {
        // w2 appears an hour in and takes a job that had waited an hour: at most a 60 s boot is counted
        Billing bill = BillingModel.bill(List.of(
                job(1, "w1", 0, 20_000, 10_000),
                job(2, "w2", 0, 3_600_000, 10_000)), PRICE, IDLE);

        assertThat(bill.jobs()).extracting(JobBill::coldStartMs).containsExactly(20_000L, 60_000L);
    }

    @Test
    void givenJobsWithoutWorkerIds_whenBilled_thenOnlyAWaitFarAboveTheMedianCountsAsColdStart() {
        Billing bill = BillingModel.bill(List.of(
                job(1, null, 0, 2_000, 5_000),
                job(2, null, 0, 3_000, 5_000),
                job(3, null, 0, 30_000, 5_000)), PRICE, IDLE);

        assertThat(bill.jobs()).extracting(JobBill::coldStart).containsExactly(false, false, true);
        assertThat(bill.coldStartMs()).isEqualTo(27_000);
        assertThat(bill.idleMs()).as("idle cannot be placed without workers").isZero();
    }

    @Test
    void givenNothingRan_whenBilled_thenEverythingIsZero() {
        Billing bill = BillingModel.bill(List.of(), PRICE, IDLE);

        assertThat(bill.totalCost()).isEqualByComparingTo("0");
        assertThat(bill.share(0)).isZero();
    }
}
