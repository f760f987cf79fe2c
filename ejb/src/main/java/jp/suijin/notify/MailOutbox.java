package jp.suijin.notify;

import jakarta.ejb.Local;

@Local
public interface MailOutbox {

    /** Writes the mail into the outbox in the caller's transaction (MANDATORY); it is sent after commit, retried until SMTP accepts it. Returns the outbox id. */
    long enqueue(Mail mail, String category, Long organisationId);
}
