package yardstick.cases.peers;

import io.grpc.StatusRuntimeException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.DisposalType;
import yardstick.cases.domain.FrameworkQuestions;
import yardstick.platform.peers.Peer;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.Prompt;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;

/** What case-service asks rating-service: the framework an inspection uses. */
@Singleton
public class RatingServiceClient {

    private final Peer ratingService;
    /** Framework versions never change, so each is fetched once. */
    private final Map<String, FrameworkQuestions> questions = new ConcurrentHashMap<>();

    public RatingServiceClient(@Named("rating-service") Peer ratingService) {
        this.ratingService = ratingService;
    }

    /**
     * The case-based key questions of a framework version, or empty if rating-service knows none.
     *
     * @throws StatusRuntimeException UNAVAILABLE naming rating-service when it is down or slow
     */
    public Optional<FrameworkQuestions> questions(String name) {
        FrameworkQuestions known = questions.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<FrameworkQuestions> fetched = framework(name).map(RatingServiceClient::questions);
        fetched.ifPresent(q -> questions.put(name, q));
        return fetched;
    }

    private static FrameworkQuestions questions(Framework framework) {
        Map<String, FrameworkQuestions.Question> byId = new LinkedHashMap<>();
        for (Domain domain : framework.getDomainsList()) {
            for (Standard standard : domain.getStandardsList()) {
                if (standard.getBasis() != StandardBasis.STANDARD_BASIS_CASE_BASED) {
                    continue;
                }
                CaseCategory category = CaseCategory.valueOf(standard.getCaseCategory().name().substring("CASE_CATEGORY_".length()));
                for (KeyQuestion question : standard.getKeyQuestionsList()) {
                    Set<DisposalType> onlyFor = question.getApplicability().getDisposalTypesList().stream()
                            .map(t -> DisposalType.valueOf(t.name().substring("DISPOSAL_TYPE_".length())))
                            .collect(Collectors.toSet());
                    byId.put(question.getId(), new FrameworkQuestions.Question(question.getId(), standard.getId(), category, onlyFor,
                            question.getPromptsList().stream().map(Prompt::getLetter).toList()));
                }
            }
        }
        return new FrameworkQuestions(framework.getName(), byId);
    }

    /**
     * The framework version of that name, or empty if rating-service knows none.
     *
     * @throws StatusRuntimeException UNAVAILABLE naming rating-service when it is down or slow
     */
    public Optional<Framework> framework(String name) {
        return ratingService.find(FrameworkServiceGrpc::newBlockingStub,
                stub -> stub.getFramework(GetFrameworkRequest.newBuilder().setName(name).build()).getFramework());
    }
}
