/**
 * Mail: the outbox every mail goes through ({@link jp.suijin.notify.MailOutbox}), the templates
 * (Japanese and English bundles) and the DNS records of the sending domain. The sender, its retries
 * and the DKIM signer live in {@code internal}.
 */
package jp.suijin.notify;
