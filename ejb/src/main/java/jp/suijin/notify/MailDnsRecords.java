package jp.suijin.notify;

import jakarta.ejb.Local;

/** The DNS records the service operator publishes for the sending domain (SPF, DKIM, DMARC). */
@Local
public interface MailDnsRecords {

    /** From the domain's mail session and DKIM key; service operators only. */
    MailDomain records();
}
