package io.crmlake.api.reports;

import jakarta.mail.MessagingException;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends a scheduled report's PDFs to its recipients as attachments, through Spring's
 * JavaMailSender. Without {@code spring.mail.host} Boot creates no sender and nothing is sent.
 */
public class ReportMailer {

    private final JavaMailSender sender;
    private final String from;

    /** @param sender null when mail is not configured */
    public ReportMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    public boolean enabled() {
        return sender != null;
    }

    /** One message with every PDF of the run attached; returns what happened, for the schedule's outcome. */
    public String send(String scheduleId, List<String> recipients, List<RenderedReport> reports) {
        if (recipients.isEmpty()) {
            return null;
        }
        if (sender == null) {
            return "off (spring.mail.host is not set)";
        }
        try {
            var message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
            mail.setFrom(from);
            mail.setTo(recipients.toArray(String[]::new));
            RenderedReport first = reports.get(0);
            String about = first.parameters().getOrDefault("period", first.parameters().getOrDefault("as_of", ""));
            mail.setSubject("crmlake " + first.report().id() + " " + about + " (" + scheduleId + ")");
            StringBuilder text = new StringBuilder("Attached: the reports of schedule ").append(scheduleId).append(".\n\n");
            for (RenderedReport r : reports) {
                text.append("- ").append(r.fileName()).append(" (").append(r.pdf().length).append(" bytes, data published ")
                        .append(r.dataVersion().publishedAt()).append(")\n");
                mail.addAttachment(r.fileName(), new ByteArrayResource(r.pdf()), "application/pdf");
            }
            mail.setText(text.toString());
            sender.send(message);
            return "sent to " + recipients.size();
        } catch (MessagingException | MailException e) {
            return "failed: " + e.getMessage();
        }
    }
}
