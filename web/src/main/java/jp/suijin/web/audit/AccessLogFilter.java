package jp.suijin.web.audit;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.security.Principal;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;

/**
 * Gives the access log the status, size and user of every request that reaches the application
 * (error dispatches too, so a 403 from a security constraint is counted), and records a call that
 * the EJB container refused for lack of a role as an {@code authz_fail} event: Payara refuses
 * such calls before any interceptor runs.
 */
@WebFilter(filterName = "AccessLogFilter", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class AccessLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog log;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CountingResponse counted = new CountingResponse(response);
        try {
            chain.doFilter(request, counted);
        } catch (IOException | ServletException | RuntimeException e) {
            if (refusedByContainer(e)) {
                Principal p = request.getUserPrincipal();
                log.event("authz_fail", Outcome.DENIED, p == null ? null : p.getName(), null,
                        request.getMethod() + " " + request.getRequestURI(), "EJBAccessException");
            }
            request.setAttribute(AccessLog.STATUS, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        } finally {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                Object code = request.getAttribute("jakarta.servlet.error.status_code");
                if (code instanceof Integer status) {
                    request.setAttribute(AccessLog.STATUS, status);
                    if (status == HttpServletResponse.SC_FORBIDDEN) {
                        Principal p = request.getUserPrincipal();
                        log.event("authz_fail", Outcome.DENIED, p == null ? null : p.getName(), null,
                                request.getMethod() + " " + request.getAttribute("jakarta.servlet.error.request_uri"),
                                "forbidden");
                    }
                }
            } else if (request.getAttribute(AccessLog.STATUS) == null) {
                request.setAttribute(AccessLog.STATUS, counted.getStatus());
            }
            Object before = request.getAttribute(AccessLog.BYTES);
            request.setAttribute(AccessLog.BYTES, (before instanceof Long b ? b : 0) + counted.bytes);
            Principal p = request.getUserPrincipal();
            if (p != null) {
                request.setAttribute(AccessLog.PRINCIPAL, p.getName());
            }
        }
    }

    private static boolean refusedByContainer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    /** Counts the bytes the application writes, without buffering anything itself. */
    private static final class CountingResponse extends HttpServletResponseWrapper {

        private long bytes;
        private ServletOutputStream stream;
        private PrintWriter writer;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        real.write(b, off, len);
                        bytes += len;
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        real.close();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter real = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] c, int off, int len) {
                        real.write(c, off, len);
                        bytes += utf8Length(c, off, len);
                    }

                    @Override
                    public void flush() {
                        real.flush();
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                });
            }
            return writer;
        }

        private static long utf8Length(char[] c, int off, int len) {
            long n = 0;
            for (int i = off; i < off + len; i++) {
                char ch = c[i];
                n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
            }
            return n;
        }
    }
}
