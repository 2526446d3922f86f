package yardstick.cases.api;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.cases.app.ImportingPopulation;
import yardstick.cases.app.SummarisingPopulation;
import yardstick.cases.domain.CaseDraft;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.v1.GetPopulationSummaryRequest;
import yardstick.cases.v1.GetPopulationSummaryResponse;
import yardstick.cases.v1.ImportCasesRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.PopulationServiceGrpc;
import yardstick.platform.app.Refused;
import yardstick.platform.audit.WithoutValues;
import yardstick.platform.grpc.Failures;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.identity.Caller;

@Singleton
public class PopulationEndpoint extends PopulationServiceGrpc.PopulationServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(PopulationEndpoint.class);
    /** More than this many bad fields are summed up, not listed. */
    private static final int MOST_VIOLATIONS = 100;
    /**
     * The most one import may carry, checked as it arrives: an import is refused as soon as it
     * passes either, so that no caller can make the service hold an unbounded upload. An inspected
     * service's eligible population is hundreds of cases; a whole region's is tens of thousands.
     */
    static final int MOST_CASES = 250_000;
    static final long MOST_BYTES = 64L * 1024 * 1024;

    private final ImportingPopulation importing;
    private final SummarisingPopulation summarising;

    PopulationEndpoint(ImportingPopulation importing, SummarisingPopulation summarising) {
        this.importing = importing;
        this.summarising = summarising;
    }

    @Override
    public StreamObserver<ImportCasesRequest> importCases(StreamObserver<ImportCasesResponse> response) {
        return new StreamObserver<>() {
            private String inspection;
            private final List<EligibleCase> cases = new ArrayList<>();
            private final List<FieldProblem> problems = new ArrayList<>();
            private final Map<String, Integer> rowOfReference = new HashMap<>();
            private int rows;
            private long bytes;
            private int problemCount;
            private boolean refused;

            @Override
            public void onNext(ImportCasesRequest request) {
                if (refused) {
                    return;
                }
                bytes += request.getSerializedSize();
                if ((long) rows + request.getCasesCount() > MOST_CASES || bytes > MOST_BYTES) {
                    refuse(new Refused.BadRequest("cases", (bytes > MOST_BYTES ? "come to more than " + MOST_BYTES + " bytes"
                            : "number more than " + MOST_CASES) + " by row " + rows + "; an import carries at most " + MOST_CASES
                            + " cases in at most " + MOST_BYTES + " bytes, and nothing was imported"));
                    return;
                }
                if (inspection == null) {
                    try {
                        Inspections.name(request.getInspection(), "inspection");
                    } catch (Refused.BadRequest bad) {
                        refuse(bad);
                        return;
                    }
                    inspection = request.getInspection();
                } else if (!request.getInspection().isEmpty() && !request.getInspection().equals(inspection)) {
                    problem(new FieldProblem("inspection", "names " + request.getInspection() + " after " + inspection
                            + "; a stream imports into one inspection"));
                }
                for (yardstick.cases.v1.EligibleCase message : request.getCasesList()) {
                    String prefix = "cases[" + rows + "].";
                    CaseDraft draft = PopulationMessages.draft(message);
                    List<FieldProblem> found = draft.problems(prefix);
                    Integer earlier = rowOfReference.putIfAbsent(draft.reference(), rows);
                    if (earlier != null && !draft.reference().isBlank()) {
                        problem(new FieldProblem(prefix + "reference", "repeats the reference of row " + earlier));
                    }
                    found.forEach(this::problem);
                    if (found.isEmpty() && problemCount == 0) {
                        cases.add(draft.toCase());
                    }
                    rows++;
                }
            }

            private void problem(FieldProblem problem) {
                problemCount++;
                if (problems.size() < MOST_VIOLATIONS) {
                    problems.add(problem);
                }
            }

            /** Ends the call at once, dropping every row gathered: the client learns now, not at the end of its upload. */
            private void refuse(Refused refusal) {
                refused = true;
                cases.clear();
                rowOfReference.clear();
                response.onError(Refusals.status(refusal));
            }

            @Override
            public void onError(Throwable t) {
                LOG.info("an import into {} was abandoned by its client after {} rows; nothing was stored", inspection, rows);
            }

            @Override
            public void onCompleted() {
                if (refused) {
                    return;
                }
                try {
                    if (problemCount > problems.size()) {
                        problems.add(new FieldProblem("cases", "and " + (problemCount - problems.size())
                                + " more problems in the " + rows + " rows; nothing was imported"));
                    }
                    PopulationSummary summary = importing.importCases(Caller.current(), new ImportingPopulation.ImportCases(
                            Inspections.name(inspection == null ? "" : inspection, "inspection"), cases, problems));
                    response.onNext(ImportCasesResponse.newBuilder()
                            .setImported(cases.size())
                            .setSummary(PopulationMessages.summary(summary))
                            .build());
                    response.onCompleted();
                } catch (Refused refused) {
                    response.onError(Refusals.status(refused));
                } catch (StatusRuntimeException e) {
                    response.onError(e);
                } catch (RuntimeException e) {
                    LOG.error("import into {} failed", inspection, WithoutValues.of(e));
                    response.onError(Failures.status(e));
                }
            }
        };
    }

    @Override
    public void getPopulationSummary(GetPopulationSummaryRequest request, StreamObserver<GetPopulationSummaryResponse> response) {
        Refusals.answer(response, () -> GetPopulationSummaryResponse.newBuilder().setSummary(PopulationMessages.summary(
                summarising.summary(Caller.current(), Inspections.name(request.getInspection(), "inspection")))).build());
    }
}
