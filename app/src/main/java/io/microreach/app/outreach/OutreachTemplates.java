package io.microreach.app.outreach;

import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The workspace's invitation and reminder wording: its own once saved, else the built-in one. A template is checked
 * when saved, so a typo in a placeholder is refused naming it instead of reaching a creator's inbox as braces.
 */
@Service
public class OutreachTemplates {
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    static final MessageTemplate INVITATION =
            new MessageTemplate("invitation", "Collaboration invitation: {{campaign.name}}", """
            Hi @{{creator.handle}},

            We would love to work with you on {{campaign.name}} on {{creator.platform}}.

            What we would ask for:
            {{deliverables}}

            Fee: {{fee}}
            Please use {{campaign.hashtag}} and mention {{brand.handles}}.
            Your personal link: {{trackingUrl}}
            Your promo code for your audience: {{promoCode}}

            Just reply to this e-mail to accept or to ask anything.

            {{sender}}
            """, true);

    static final MessageTemplate REMINDER = new MessageTemplate("reminder", "Reminder: {{campaign.name}}", """
            Hi @{{creator.handle}},

            A few days ago we invited you to {{campaign.name}}. In case it got lost, here it is again:

            {{deliverables}}

            Fee: {{fee}}
            Your personal link: {{trackingUrl}}
            Your promo code: {{promoCode}}

            A short reply either way would help us plan.

            {{sender}}
            """, true);

    private final JdbcTemplate jdbc;
    private final CurrentWorkspace workspace;
    private final AuditLog audit;

    public OutreachTemplates(JdbcTemplate jdbc, CurrentWorkspace workspace, AuditLog audit) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.audit = audit;
    }

    /** Both templates of the caller's workspace. */
    public List<MessageTemplate> all() {
        long ws = workspace.id();
        return Arrays.stream(MessageKind.values()).map(k -> get(ws, k)).toList();
    }

    public MessageTemplate get(MessageKind kind) {
        return get(workspace.id(), kind);
    }

    MessageTemplate get(long workspaceId, MessageKind kind) {
        return jdbc
                .query(
                        "SELECT subject, body FROM outreach_template WHERE workspace_id = ? AND kind = ?",
                        (rs, i) -> new MessageTemplate(kind.id(), rs.getString(1), rs.getString(2), false),
                        workspaceId,
                        kind.id())
                .stream()
                .findFirst()
                .orElse(kind == MessageKind.INVITATION ? INVITATION : REMINDER);
    }

    /** Saves the workspace's own wording of {@code kind} after checking it (see {@link #check}). */
    public MessageTemplate save(String kind, String subject, String body) {
        MessageKind k = kind(kind);
        MessageTemplate t = check(k, subject, body);
        long ws = workspace.id();
        String actor = workspace.actor();
        jdbc.update(
                "INSERT INTO outreach_template (workspace_id, kind, subject, body, updated_by) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (workspace_id, kind) DO UPDATE SET subject = excluded.subject,"
                        + " body = excluded.body, updated_by = excluded.updated_by, updated_at = now()",
                ws,
                k.id(),
                t.subject(),
                t.body(),
                actor);
        audit.record(actor, ws, "outreach.template", k.id(), t.subject());
        return get(ws, k);
    }

    static MessageKind kind(String kind) {
        return MessageKind.fromId(kind)
                .orElseThrow(() -> OutreachProblem.invalid(
                        "kind", "'" + kind + "' is not a template kind; one of invitation, reminder"));
    }

    /**
     * A template as it would be stored: a one-line subject (a line break there could add mail headers), a plain-text
     * body, and only known placeholders, else a problem naming the field and the reason.
     */
    static MessageTemplate check(MessageKind kind, String subject, String body) {
        String s = subject == null ? "" : subject.strip();
        if (s.isEmpty()) {
            throw OutreachProblem.invalid("subject", "write a subject");
        }
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw OutreachProblem.invalid("subject", "must be one line: line breaks (CR, LF) are not allowed");
        }
        if (s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw OutreachProblem.invalid("subject", "contains control characters");
        }
        if (s.length() > MAX_SUBJECT) {
            throw OutreachProblem.invalid("subject", "at most " + MAX_SUBJECT + " characters");
        }
        String b = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (b.isEmpty()) {
            throw OutreachProblem.invalid("body", "write the message");
        }
        if (b.length() > MAX_BODY) {
            throw OutreachProblem.invalid("body", "at most 20,000 characters");
        }
        if (b.chars().anyMatch(ch -> (ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f)) {
            throw OutreachProblem.invalid("body", "contains control characters (the body is plain text)");
        }
        for (String[] part : new String[][] {{"subject", s}, {"body", b}}) {
            Placeholders.unknown(part[1]).ifPresent(name -> {
                throw OutreachProblem.invalid(
                        part[0],
                        "unknown placeholder {{" + name + "}}; known: {{" + String.join("}}, {{", Placeholders.NAMES)
                                + "}}");
            });
        }
        return new MessageTemplate(kind.id(), s, b + "\n", false);
    }
}
