package jp.suijin.notify.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A message with the outbox's own Message-ID that puts a DKIM signature on top of exactly the bytes
 * it writes to the relay (the signature must cover what Jakarta Mail really sends: its encoding and
 * folding of the headers, the transfer encoding of the body).
 */
final class SignedMessage extends MimeMessage {

    private final String messageId;
    private final DkimSigner signer;
    private final Instant signedAt;

    SignedMessage(Session session, String messageId, DkimSigner signer, Instant signedAt) {
        super(session);
        this.messageId = messageId;
        this.signer = signer;
        this.signedAt = signedAt;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        // the id stored with the outbox row, the same on every attempt
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
        super.writeTo(unsigned, ignoreList);
        byte[] message = unsigned.toByteArray();
        out.write(signer.signatureHeader(message, signedAt).getBytes(StandardCharsets.US_ASCII));
        out.write(message);
    }
}
