package jp.suijin.notify;

import jakarta.ejb.Local;

/** Sends mail through the domain's mail session {@code mail/suijin}. */
@Local
public interface MailService {

    /** Sends asynchronously, so a slow or absent SMTP server never delays the caller. */
    void send(Mail mail);
}
