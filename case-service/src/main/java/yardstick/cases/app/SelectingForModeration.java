package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.ModerationDraw;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.ModerationShare;
import yardstick.cases.store.FieldworkStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * The moderation sample, chosen by the lead inspector in fieldwork: every case the lead picks,
 * plus a share of the active sampled cases drawn at random, once, with a recorded seed.
 */
@Singleton
public class SelectingForModeration {

    /** The cases {@code references} the lead picks for a second reader. */
    public record PickCases(InspectionName inspection, List<String> references) {
    }

    /** The random share to draw ({@code share} 0 for the configured default), with {@code seed} (0 for one chosen and recorded). */
    public record DrawShare(InspectionName inspection, double share, long seed) {
    }

    private final InspectionAccess access;
    private final FieldworkStore fieldwork;
    private final ModerationSettings settings;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    SelectingForModeration(InspectionAccess access, FieldworkStore fieldwork, ModerationSettings settings, Clock clock) {
        this.access = access;
        this.fieldwork = fieldwork;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public ModerationSample pick(Caller caller, PickCases command) {
        Inspection inspection = access.forLead(caller, command.inspection(), CaseWork.SELECT_FOR_MODERATION);
        Set<String> active = fieldwork.progress(inspection.id()).stream().map(CaseProgress::reference).collect(Collectors.toSet());
        List<Refused.FieldProblem> problems = new ArrayList<>();
        if (command.references().isEmpty()) {
            problems.add(new Refused.FieldProblem("references", "names no case; give the sampled cases a second reader is to read"));
        }
        for (int i = 0; i < command.references().size(); i++) {
            if (!active.contains(command.references().get(i))) {
                problems.add(new Refused.FieldProblem("references[" + i + "]", "is not a case in the sample as it stands"));
            }
        }
        Refused.BadRequest.refuse(problems);
        command.references().forEach(reference -> fieldwork.pick(inspection.id(), reference));
        return ModerationSample.of(inspection, fieldwork.moderationDraw(inspection.id()), fieldwork.progress(inspection.id()));
    }

    @Transactional
    public ModerationSample draw(Caller caller, DrawShare command) {
        Inspection inspection = access.forLead(caller, command.inspection(), CaseWork.SELECT_FOR_MODERATION);
        double share = command.share() == 0 ? settings.getShare() : command.share();
        if (!(share > 0 && share <= 1)) {
            throw new Refused.BadRequest("share", "must be a fraction above 0 and at most 1 (0.1 for one case in ten), or 0 for the default");
        }
        if (fieldwork.moderationDraw(inspection.id()).isPresent()) {
            throw new Refused.RulesBroken("MODERATION_DRAWN", inspection.name(),
                    "the moderation sample's random share is drawn already; pick further cases instead (PickCasesForModeration)");
        }
        long seed = command.seed() != 0 ? command.seed() : 1 + (seeds.nextLong() >>> 1);
        List<CaseProgress> progress = fieldwork.progress(inspection.id());
        List<String> drawn = ModerationShare.draw(progress.stream().map(CaseProgress::reference).toList(), share, seed);
        fieldwork.saveModerationDraw(inspection.id(), new ModerationDraw(share, seed, caller.subject(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)), drawn);
        return ModerationSample.of(inspection, fieldwork.moderationDraw(inspection.id()), fieldwork.progress(inspection.id()));
    }
}
