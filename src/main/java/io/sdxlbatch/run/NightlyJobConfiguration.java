package io.sdxlbatch.run;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import io.sdxlbatch.config.SplitProgress;
import io.sdxlbatch.progress.ProgressReporter;

/**
 * The nightly job, and nothing else: load the CSV into the ledger; submit and harvest side by side (results expire
 * 30 minutes after completion, so harvesting cannot wait for the last submission); publish the images; report.
 * Publish and report run even when submit or harvest failed, so every run leaves its images and report behind.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    static final String JOB = JobIdentity.JOB_NAME;

    @Bean
    Job nightlyJob(JobRepository repository, @Qualifier("loadStep") Step load, @Qualifier("submitStep") Step submit,
                   @Qualifier("harvestStep") Step harvest, @Qualifier("publishStep") Step publish,
                   @Qualifier("reportStep") Step report, SplitProgress progress, ProgressReporter reporter) {
        Flow submitting = new FlowBuilder<SimpleFlow>("submitting").start(submit).build();
        Flow harvesting = new FlowBuilder<SimpleFlow>("harvesting").start(harvest).build();
        Flow sideBySide = new FlowBuilder<SimpleFlow>("submitAndHarvest")
                .split(new SimpleAsyncTaskExecutor("nightly-"))
                .add(submitting, harvesting)
                .build();
        Flow nightly = new FlowBuilder<SimpleFlow>("nightlyFlow")
                .start(load)
                .next(sideBySide).on("*").to(publish)
                .from(publish).on("*").to(report)
                .build();
        return new JobBuilder(JOB, repository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        progress.reset();
                    }
                })
                .listener(reporter)
                .start(nightly)
                .end()
                .build();
    }
}
