package yardstick.cases.app;

import java.util.UUID;

/** An inspection as a request names it: its id, and the name as given, which a refusal repeats. */
public record InspectionName(UUID id, String name) {
}
