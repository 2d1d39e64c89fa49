package io.sdxlbatch.submit;

/** Harvesting ended (its own failure says why) while rows were still to be sent: submission stops too. */
public class HarvestStoppedException extends RuntimeException {

    public HarvestStoppedException() {
        super("harvesting stopped, so submission stopped too: nothing is sent that nobody would collect");
    }
}
