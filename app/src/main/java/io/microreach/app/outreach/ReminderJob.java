package io.microreach.app.outreach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the follow-up reminders on {@code microreach.outreach.reminder-cron} (default: at the top of every hour; "-"
 * turns it off, as the tests do, which call {@link OutreachService#sendDueReminders} themselves).
 */
@Component
class ReminderJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final OutreachService outreach;

    ReminderJob(OutreachService outreach) {
        this.outreach = outreach;
    }

    @Scheduled(cron = "${microreach.outreach.reminder-cron:0 0 * * * *}", zone = "UTC")
    void run() {
        int sent = outreach.sendDueReminders();
        if (sent > 0) {
            LOG.info("Sent {} outreach reminder(s)", sent);
        }
    }
}
