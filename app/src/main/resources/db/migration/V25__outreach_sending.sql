-- A message is claimed as 'sending' before the SMTP server is asked and becomes 'sent' only once it accepted it, so a
-- server that stops in between leaves an honest 'sending' (shown as unconfirmed) instead of a 'sent' that never left.
ALTER TABLE outreach_message DROP CONSTRAINT outreach_message_status_check;
ALTER TABLE outreach_message ADD CONSTRAINT outreach_message_status_check
    CHECK (status IN ('sending', 'sent', 'failed'));
DROP INDEX outreach_message_once_idx;
CREATE UNIQUE INDEX outreach_message_once_idx ON outreach_message (campaign_creator_id, kind)
    WHERE status IN ('sending', 'sent');
COMMENT ON COLUMN outreach_message.status IS 'sending (claimed, the SMTP server has not confirmed it), sent or failed.';
