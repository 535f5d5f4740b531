package io.crmlake.api.reports;

import io.crmlake.api.problems.NotFoundException;
import io.crmlake.api.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured report schedules, their next fire time and last outcome; admins can run one now. */
@RestController
class SchedulesController {

    private final ReportSchedules schedules;

    SchedulesController(ReportSchedules schedules) {
        this.schedules = schedules;
    }

    record ScheduleView(String id, String cron, String report, Map<String, String> parameters, List<String> locale,
                        int recipients, ZonedDateTime nextFireTime, ScheduleOutcome lastOutcome) {
    }

    record Schedules(boolean canRun, List<ScheduleView> schedules) {
    }

    @Operation(summary = "Report schedules with the next fire time (business zone) and the last outcome; canRun says whether you may run them now")
    @GetMapping("/api/reports/schedules")
    Schedules list(Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
        return new Schedules(admin, schedules.all().stream().map(s -> new ScheduleView(s.id(), s.cron(), s.report(),
                s.parameters(), s.locale(), s.recipients().size(), schedules.nextFireTime(s).orElse(null),
                schedules.lastOutcome(s.id()).orElse(null))).toList());
    }

    @Operation(summary = "Run a schedule now (admin); answers when its PDFs are archived, with the outcome")
    @PostMapping("/api/reports/schedules/{id}/run")
    ScheduleOutcome run(@PathVariable String id) {
        if (schedules.find(id).isEmpty()) {
            throw new NotFoundException("no report schedule '" + id + "'; see GET /api/reports/schedules");
        }
        return schedules.runNow(id);
    }
}
