package io.sdxlbatch.submit;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.stop.StopRequest;

/**
 * Reads the rows still to be sent straight from the ledger, in file order, a page at a time. It keeps no restart
 * state of its own: the ledger is the state, so after a crash it simply finds what is left. When it reaches the
 * end it makes up to {@code passes} passes, so rows a transient failure left behind get another chance.
 */
final class LedgerSubmitReader implements ItemStreamReader<LedgerEntry> {

    private static final int PAGE = 50;

    private final Ledger ledger;
    private final String runId;
    private final int passes;
    private final StopRequest stop;
    private final Deque<LedgerEntry> page = new ArrayDeque<>();
    private int lastLine;
    private int pass = 1;

    LedgerSubmitReader(Ledger ledger, String runId, int passes, StopRequest stop) {
        this.ledger = ledger;
        this.runId = runId;
        this.passes = passes;
        this.stop = stop;
    }

    /** Each step execution starts from the top of the ledger. */
    @Override
    public void open(ExecutionContext context) {
        page.clear();
        lastLine = 0;
        pass = 1;
    }

    @Override
    public LedgerEntry read() {
        if (stop.requested()) {
            return null;
        }
        if (page.isEmpty()) {
            page.addAll(ledger.toSubmit(runId, lastLine, PAGE));
            if (page.isEmpty() && pass < passes) {
                pass++;
                lastLine = 0;
                page.addAll(ledger.toSubmit(runId, lastLine, PAGE));
            }
        }
        LedgerEntry next = page.poll();
        if (next != null) {
            lastLine = next.line();
        }
        return next;
    }
}
