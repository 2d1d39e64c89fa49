package io.sdxlbatch.stop;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.ledger.Ledger;

/**
 * The two things that pull the stop switch from inside the job: limits and the failure breaker. The switch itself
 * (bean "stopRequest") is made by the run command before Spring starts, so that a signal during start-up stops the
 * run too instead of killing it.
 */
@Configuration(proxyBeanMethods = false)
class StopConfiguration {

    /** Only where no run command made one: a context started without it, as the step tests do. */
    @Bean
    @ConditionalOnMissingBean
    StopRequest stopRequest() {
        return new StopRequest();
    }

    @Bean
    FailureBreaker failureBreaker(RunOptions options, StopRequest stop, Clock clock) {
        return new FailureBreaker(options.stop().failureWindow(), stop, clock);
    }

    @Bean
    SubmissionLimits submissionLimits(RunOptions options, Ledger ledger, StopRequest stop, Clock clock) {
        return new SubmissionLimits(options.stop(), options.cost(), ledger, options.runId(), stop, clock);
    }
}
