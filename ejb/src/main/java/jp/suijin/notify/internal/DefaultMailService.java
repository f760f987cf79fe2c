package jp.suijin.notify.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.suijin.notify.Mail;
import jp.suijin.notify.MailService;

@Stateless
@PermitAll
public class DefaultMailService implements MailService {

    private static final Logger LOG = Logger.getLogger(DefaultMailService.class.getName());

    @Resource(lookup = "mail/suijin")
    private Session session;

    @Override
    @Asynchronous
    public void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom();
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            // the body may hold links with tokens: log only where it went and why it failed
            LOG.log(Level.WARNING, "Mail to {0} could not be sent: {1}",
                    new Object[] {maskAddress(mail.to()), e.toString()});
        }
    }

    static String maskAddress(String address) {
        int at = address.indexOf('@');
        if (at < 0) {
            return "***";
        }
        return at <= 1 ? "***" + address.substring(at) : address.charAt(0) + "***" + address.substring(at);
    }
}
