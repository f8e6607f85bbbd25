package io.microreach.app.outreach;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends outreach e-mails through Spring Boot's mail sender, which exists only when {@code spring.mail.host} is set;
 * without it every sender of outreach says so up front instead of failing per message. Plain text in UTF-8, from
 * {@code microreach.mail.from}, with replies going to the user who sent it.
 */
@Component
public class OutreachMail {
    /** What the page, the API and the command line say when no mail server is configured. */
    public static final String NOT_CONFIGURED = "e-mail is not configured: set spring.mail.host (and spring.mail.port,"
            + " spring.mail.username, spring.mail.password as your SMTP server needs) and microreach.mail.from, then"
            + " restart";

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    OutreachMail(
            ObjectProvider<JavaMailSender> sender, @Value("${microreach.mail.from:microreach@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** The configured sender address. */
    String from() {
        return from;
    }

    /** Sends one message; throws the mail server's refusal as a {@link MailException}. */
    void send(String to, String replyTo, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new OutreachProblem(OutreachProblem.Kind.NOT_CONFIGURED, "mail", NOT_CONFIGURED);
        }
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            if (replyTo != null) {
                helper.setReplyTo(replyTo);
            }
            helper.setSubject(subject);
            helper.setText(body, false);
        } catch (MessagingException e) {
            throw new MailPreparationException("could not write the message: " + e.getMessage(), e);
        }
        mail.send(message);
    }
}
