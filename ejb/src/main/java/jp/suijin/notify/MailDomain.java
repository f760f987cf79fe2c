package jp.suijin.notify;

import java.io.Serializable;
import java.util.List;

/**
 * What mail leaves as, and the records to publish for it.
 *
 * @param from the sender address of the mail session
 * @param relayHost the SMTP relay the server hands mail to (its public address belongs in SPF)
 * @param problem why the DKIM records cannot be shown (the key is missing or unusable), else null
 */
public record MailDomain(String from, String domain, String selector, String relayHost, List<DnsRecord> records,
        String problem) implements Serializable {

    /** One TXT record: {@code kind} is SPF, DKIM or DMARC. */
    public record DnsRecord(String kind, String name, String value) implements Serializable {
    }
}
