package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

class RepositoryConflictTest {

    @Test
    void givenSerializationFailureWrappedBySpring_whenAsked_thenItIsAConflict() {
        SQLException hsqldb = new SQLTransactionRollbackException("transaction rollback: serialization failure",
                "40001", -4861);

        assertThat(RepositoryConflict.isConflict(new CannotAcquireLockException("update step execution", hsqldb)))
                .isTrue();
    }

    @Test
    void givenAnyOtherFailure_whenAsked_thenItIsNot() {
        assertThat(RepositoryConflict.isConflict(new IllegalStateException("--harvest-timeout passed"))).isFalse();
        assertThat(RepositoryConflict.isConflict(new SQLException("disk full", "53100"))).isFalse();
    }
}
