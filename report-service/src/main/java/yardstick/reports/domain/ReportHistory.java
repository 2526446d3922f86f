package yardstick.reports.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A report's history, worked out from what is kept (its versions, its factual-accuracy check and
 * its publications), oldest first: nothing is recorded twice.
 */
public final class ReportHistory {

    private ReportHistory() {
    }

    /** One act: when, who (a token's subject), what, and the resource it made or concerns. */
    public record Event(Instant time, String actor, String description, String resource) {
    }

    /** A publication of the report, with its publisher. */
    public record Published(UUID id, int version, Instant time, String publishedBy, boolean correction) {
    }

    /**
     * @param report the report's name; its versions and check are named under it
     * @param publicationName how a publication is named, from its id
     */
    public static List<Event> of(String report, List<VersionOfReport> versions, Optional<FactualAccuracyCheck> check,
                                 List<Published> publications, Function<UUID, String> publicationName) {
        List<Event> events = new ArrayList<>();
        for (VersionOfReport version : versions) {
            String description = version.version() == 1 ? "drafted from the ratings snapshot (version 1)"
                    : "version " + version.version() + " written" + (version.correctionNote().isBlank() ? ""
                    : ", correcting: " + version.correctionNote());
            events.add(new Event(version.updateTime(), version.updatedBy(), description, report + "@" + version.version()));
        }
        check.ifPresent(sent -> {
            String name = report + "/factualAccuracyCheck";
            events.add(new Event(sent.sendTime(), sent.sentBy(), "version " + sent.reportVersion()
                    + " sent to the inspected service for its factual-accuracy check, due by " + sent.deadline(), name));
            for (FactualAccuracyCheck.Comment comment : sent.comments()) {
                String commentName = name + "/comments/" + comment.number();
                events.add(new Event(comment.commentTime(), comment.commentedBy(), "factual-accuracy comment " + comment.number()
                        + " on " + comment.section() + ": " + comment.text(), commentName));
                comment.answer().ifPresent(answer -> events.add(new Event(comment.answerTime().orElseThrow(), comment.answeredBy().orElseThrow(),
                        "factual-accuracy comment " + comment.number() + (answer == FactualAccuracyCheck.Answer.ACCEPTED ? " accepted"
                                : " declined: " + comment.reason()), commentName)));
            }
            sent.returnTime().ifPresent(time -> events.add(new Event(time, sent.returnedBy().orElseThrow(),
                    "factual-accuracy check returned by the inspected service", name)));
        });
        for (Published publication : publications) {
            events.add(new Event(publication.time(), publication.publishedBy(), "version " + publication.version()
                    + (publication.correction() ? " published as a correction" : " published"), publicationName.apply(publication.id())));
        }
        // Stable: acts at the same instant keep the order they are listed in above.
        events.sort(Comparator.comparing(Event::time));
        return events;
    }
}
