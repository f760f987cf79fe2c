package jp.suijin.web.api.device;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a set number of bytes has been read, whatever Content-Length claimed. */
final class LimitedInputStream extends FilterInputStream {

    static final class LimitExceededException extends IOException {

        private static final long serialVersionUID = 1L;

        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(limit);
        }
    }
}
