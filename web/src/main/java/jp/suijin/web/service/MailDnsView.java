package jp.suijin.web.service;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.suijin.notify.MailDnsRecords;
import jp.suijin.notify.MailDomain;

/** The DNS records of the sending domain, for the service operator to publish. */
@Named
@ViewScoped
public class MailDnsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailDnsRecords dns;

    private MailDomain domain;

    @PostConstruct
    public void init() {
        domain = dns.records();
    }

    public MailDomain getDomain() {
        return domain;
    }
}
