package jp.suijin.notify.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import jp.suijin.auth.Roles;
import jp.suijin.notify.MailDnsRecords;
import jp.suijin.notify.MailDomain;

/** The records from the same key and names the sender signs with, so what is published matches what is sent. */
@Stateless
@RolesAllowed(Roles.SERVICE_OPERATOR)
public class DefaultMailDnsRecords implements MailDnsRecords {

    /** Stands for the relay's public IPv4 address in the SPF record; the page and dkim-dns.sh say so. */
    public static final String RELAY_IP_PLACEHOLDER = "<relay-ip>";

    @Resource(lookup = "mail/suijin")
    private Session session;

    @Inject
    private MailSender sender;

    @Override
    public MailDomain records() {
        String from = session.getProperty("mail.from");
        String relay = session.getProperty("mail.smtp.host") != null ? session.getProperty("mail.smtp.host")
                : session.getProperty("mail.host");
        DkimKey key;
        try {
            key = sender.key();
        } catch (IllegalStateException e) {
            String[] names;
            try {
                names = DkimKey.names(from);
            } catch (IllegalStateException unnamed) {
                return new MailDomain(from, null, null, relay, List.of(), unnamed.getMessage());
            }
            return new MailDomain(from, names[0], names[1], relay, records(names[0], names[1], null), e.getMessage());
        }
        return new MailDomain(from, key.domain(), key.selector(), relay,
                records(key.domain(), key.selector(), key.publicKeyBase64()), null);
    }

    /** SPF, DKIM (when the key is known) and DMARC; the same text domain-config/dkim-dns.sh prints. */
    static List<MailDomain.DnsRecord> records(String domain, String selector, String publicKey) {
        List<MailDomain.DnsRecord> records = new ArrayList<>();
        records.add(new MailDomain.DnsRecord("SPF", domain, "v=spf1 ip4:" + RELAY_IP_PLACEHOLDER + " -all"));
        if (publicKey != null) {
            records.add(new MailDomain.DnsRecord("DKIM", selector + "._domainkey." + domain,
                    "v=DKIM1; k=rsa; p=" + publicKey));
        }
        records.add(new MailDomain.DnsRecord("DMARC", "_dmarc." + domain,
                "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@" + domain));
        return records;
    }
}
