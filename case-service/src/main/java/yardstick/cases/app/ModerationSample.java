package yardstick.cases.app;

import java.util.List;
import java.util.Optional;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.ModerationDraw;
import yardstick.cases.domain.Inspection;

/** An inspection's moderation sample: its random share once drawn, and the active sampled cases in it, in the sample's order. */
public record ModerationSample(Inspection inspection, Optional<ModerationDraw> draw, List<CaseProgress> cases) {

    static ModerationSample of(Inspection inspection, Optional<ModerationDraw> draw, List<CaseProgress> progress) {
        return new ModerationSample(inspection, draw, progress.stream().filter(CaseProgress::selectedForModeration).toList());
    }
}
