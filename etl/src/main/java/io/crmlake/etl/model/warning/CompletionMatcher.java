package io.crmlake.etl.model.warning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a warning was acted on: it is completed by the first contact that
 * <ul>
 *   <li>happened on or after the day it was raised and on or before the last day of its
 *       completion window (and not after the analysis date: later contacts are not known yet);</li>
 *   <li>had a qualifying outcome (reached, responded, converted as the trigger lists them);</li>
 *   <li>went through a channel the customer had consented to, at the time of the contact;</li>
 *   <li>really took place: control-group members are held out, not contacted.</li>
 * </ul>
 * Otherwise the warning is expired once its window has passed, open before that.
 */
public final class CompletionMatcher {

    private CompletionMatcher() {}

    /** The contact task a warning creates. */
    public record Task(String warningId, LocalDate raisedOn, LocalDate windowEnd, Set<String> qualifyingOutcomes) {
        public Task {
            if (windowEnd.isBefore(raisedOn)) {
                throw new IllegalArgumentException("warning " + warningId + ": window ends " + windowEnd + " before it is raised " + raisedOn);
            }
            qualifyingOutcomes = Set.copyOf(qualifyingOutcomes);
        }
    }

    /** One touchpoint with a customer, as fact_touchpoint records it ({@code day} in business time). */
    public record Contact(String touchpointId, LocalDateTime at, LocalDate day, String channel, String outcome,
                          boolean consentOk, boolean control) {}

    /** The verdict for one task. */
    public record Resolution(String warningId, WarningStatus status, Optional<Contact> completedBy) {}

    private static final Comparator<Contact> IN_TIME = Comparator.comparing(Contact::at).thenComparing(Contact::touchpointId);

    public static Resolution resolve(Task task, List<Contact> contacts, LocalDate asOf) {
        LocalDate lastDay = task.windowEnd().isAfter(asOf) ? asOf : task.windowEnd();
        Optional<Contact> first = contacts.stream()
                .filter(c -> !c.day().isBefore(task.raisedOn()) && !c.day().isAfter(lastDay))
                .filter(c -> c.outcome() != null && task.qualifyingOutcomes().contains(c.outcome()))
                .filter(Contact::consentOk)
                .filter(c -> !c.control())
                .min(IN_TIME);
        if (first.isPresent()) {
            return new Resolution(task.warningId(), WarningStatus.COMPLETED, first);
        }
        WarningStatus status = task.windowEnd().isAfter(asOf) ? WarningStatus.OPEN : WarningStatus.EXPIRED;
        return new Resolution(task.warningId(), status, Optional.empty());
    }
}
