package jp.suijin.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The APIs authenticate every request by token, yet the container remembers a successful sign-in
 * in a new session; ending such sessions after the request keeps thousands of polling phones from
 * piling up sessions. Sessions that existed before (a browser's) are left alone.
 */
@WebFilter(filterName = "StatelessApiFilter")
public class StatelessApiFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null && session.isNew()) {
                session.invalidate();
            }
        }
    }
}
