package io.sdxlbatch.endpoint;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodSettings;
import io.sdxlbatch.time.Sleeper;

/** Wires the Runpod client to the configured endpoint, or to the embedded simulator when no key is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunpodSettings.class)
class EndpointConfiguration {

    @Bean(destroyMethod = "close")
    ResolvedEndpoint resolvedEndpoint(RunpodSettings settings, Environment environment) {
        Map<String, String> simulatorOptions = Binder.get(environment)
                .bind("sdxl.simulator", org.springframework.boot.context.properties.bind.Bindable
                        .mapOf(String.class, String.class))
                .orElse(Map.of());
        return ResolvedEndpoint.resolve(settings, simulatorOptions);
    }

    @Bean
    RunpodClient runpodClient(ResolvedEndpoint endpoint, RunpodSettings settings, Clock clock, Sleeper sleeper) {
        return new RunpodClient(endpoint.clientSettings(settings), clock, sleeper);
    }
}
