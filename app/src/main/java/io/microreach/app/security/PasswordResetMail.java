package io.microreach.app.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Password-reset e-mails, when an SMTP server is configured ({@code spring.mail.host}, Spring Boot's mail
 * properties). Without one, the reset page says to ask an administrator ({@code microreach user password}). The link
 * goes in the e-mail only, never in a log.
 */
@Component
class PasswordResetMail {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String publicUrl;

    PasswordResetMail(
            ObjectProvider<JavaMailSender> sender,
            @Value("${microreach.mail.from:microreach@localhost}") String from,
            @Value("${microreach.public-url:}") String publicUrl) {
        this.sender = sender;
        this.from = from;
        this.publicUrl = publicUrl;
    }

    boolean available() {
        return sender.getIfAvailable() != null;
    }

    /** The address users reach the app at, for links in e-mails ({@code microreach.public-url}). */
    Optional<String> publicUrl() {
        return publicUrl.isBlank() ? Optional.empty() : Optional.of(publicUrl.replaceAll("/+$", ""));
    }

    void send(String to, String link) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("Reset your microreach password");
        message.setText("Someone asked to reset the microreach password of " + to + ".\n\n"
                + "To choose a new password, open this link within an hour (it works once):\n" + link + "\n\n"
                + "If it was not you, ignore this e-mail: your password stays as it is.\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            LOG.warn("Could not send the password-reset e-mail: {}", e.getMessage());
        }
    }
}
