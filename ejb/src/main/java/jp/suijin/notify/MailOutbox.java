package jp.suijin.notify;

import jakarta.ejb.Local;

/**
 * The one way the service sends mail: written into the outbox table with the caller's data, sent by
 * the outbox sender after commit, DKIM-signed, retried until the SMTP relay accepts it.
 */
@Local
public interface MailOutbox {

    /**
     * Writes the mail into the outbox in the caller's transaction (MANDATORY); it is sent after commit, retried until
     * SMTP accepts it. Returns the outbox id.
     *
     * @param category what kind of mail ({@code alarm}, {@code otp}, {@code unlock}, ...; lower case, up to 32
     *        characters), which flood control counts by
     * @param organisationId whose mail it is; null for the service operators'
     */
    long enqueue(Mail mail, String category, Long organisationId);
}
