package io.sdxlbatch.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The ledger over the job repository's own database, so one file set holds a run's whole history. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    Ledger ledger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new Ledger(jdbc, transactions);
    }

    @Bean
    LedgerTransitions ledgerTransitions(Ledger ledger) {
        return new LedgerTransitions(ledger);
    }
}
