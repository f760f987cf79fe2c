package jp.suijin.notify;

import java.util.Objects;

/** A plain-text mail to one recipient. The sender address comes from the mail session. */
public record Mail(String to, String subject, String body) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
