package yardstick.ratings.api;

import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.DisposalType;
import yardstick.common.v1.RiskLevel;
import yardstick.ratings.domain.Applicability;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkDomain;
import yardstick.ratings.domain.KeyQuestion;
import yardstick.ratings.domain.Prompt;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.domain.StandardBasis;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.KeyQuestionArea;

/** Translates frameworks from the domain to their protobuf messages. */
final class FrameworkMessages {

    private FrameworkMessages() {
    }

    static yardstick.ratings.v1.Framework framework(Framework framework) {
        yardstick.ratings.v1.Framework.Builder message = yardstick.ratings.v1.Framework.newBuilder()
                .setName(framework.name())
                .setTitle(framework.title())
                .setSource(framework.source());
        framework.domains().forEach(d -> message.addDomains(domain(d)));
        return message.build();
    }

    private static Domain domain(FrameworkDomain domain) {
        Domain.Builder message = Domain.newBuilder().setNumber(domain.number()).setName(domain.name());
        domain.standards().forEach(s -> message.addStandards(standard(s)));
        return message.build();
    }

    private static yardstick.ratings.v1.Standard standard(Standard standard) {
        yardstick.ratings.v1.Standard.Builder message = yardstick.ratings.v1.Standard.newBuilder()
                .setId(standard.id())
                .setName(standard.name())
                .setBasis(standard.basis() == StandardBasis.CASE_BASED
                        ? yardstick.ratings.v1.StandardBasis.STANDARD_BASIS_CASE_BASED
                        : yardstick.ratings.v1.StandardBasis.STANDARD_BASIS_QUALITATIVE)
                .setRatedSeparately(standard.ratedSeparately())
                .setStatement(standard.statement());
        standard.caseCategory().ifPresent(c -> message.setCaseCategory(CaseCategory.valueOf("CASE_CATEGORY_" + c.name())));
        standard.keyQuestions().forEach(k -> message.addKeyQuestions(keyQuestion(k)));
        return message.build();
    }

    private static yardstick.ratings.v1.KeyQuestion keyQuestion(KeyQuestion question) {
        yardstick.ratings.v1.KeyQuestion.Builder message = yardstick.ratings.v1.KeyQuestion.newBuilder()
                .setId(question.id())
                .setText(question.text());
        question.area().ifPresent(a -> message.setArea(KeyQuestionArea.valueOf("KEY_QUESTION_AREA_" + a.name())));
        question.applicability().ifPresent(a -> message.setApplicability(applicability(a)));
        for (Prompt prompt : question.prompts()) {
            message.addPrompts(yardstick.ratings.v1.Prompt.newBuilder().setLetter(prompt.letter()).setText(prompt.text()));
        }
        return message.build();
    }

    private static yardstick.ratings.v1.Applicability applicability(Applicability applicability) {
        yardstick.ratings.v1.Applicability.Builder message = yardstick.ratings.v1.Applicability.newBuilder()
                .setDescription(applicability.description());
        applicability.disposalTypes().stream().sorted()
                .forEach(t -> message.addDisposalTypes(DisposalType.valueOf("DISPOSAL_TYPE_" + t.name())));
        applicability.excludedRiskOfSeriousHarm().stream().sorted()
                .forEach(r -> message.addExcludedRiskOfSeriousHarm(RiskLevel.valueOf("RISK_LEVEL_" + r.name())));
        return message.build();
    }
}
