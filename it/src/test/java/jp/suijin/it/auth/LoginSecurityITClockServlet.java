package jp.suijin.it.auth;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import jp.suijin.time.SuijinClock;

/** Moves the application's clock: POST ?advance=PT31M, DELETE to go back to real time. Test WAR only. */
@WebServlet("/clock")
public class LoginSecurityITClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        SuijinClock.advance(Duration.parse(request.getParameter("advance")));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        SuijinClock.reset();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
