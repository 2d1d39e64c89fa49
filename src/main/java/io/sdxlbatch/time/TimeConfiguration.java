package io.sdxlbatch.time;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time as a dependency: every component that reads the clock or waits gets these, tests get their own. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    Sleeper sleeper() {
        return Sleeper.system();
    }
}
