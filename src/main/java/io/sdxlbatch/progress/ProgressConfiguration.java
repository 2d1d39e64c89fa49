package io.sdxlbatch.progress;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.stop.StopRequest;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    ProgressReporter progressReporter(Ledger ledger, RunOptions options, RunpodClient client, StopRequest stop,
                                      Clock clock) {
        return new ProgressReporter(ledger, options.runId(), RunFolders.of(options.outputDir(), options.runId())
                .runDir(), options.progressInterval(), client.backoff(), stop, clock, ProgressMode.detect());
    }
}
