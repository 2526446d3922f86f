package yardstick.cases;

import io.micronaut.runtime.Micronaut;

/** case-service: inspections, eligible populations, samples and case judgements. */
public final class CaseServiceApplication {

    private CaseServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(CaseServiceApplication.class).banner(false).start();
    }
}
