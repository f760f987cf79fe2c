package jp.suijin.it.notify;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.suijin.notify.Mail;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.internal.MailSender;
import jp.suijin.time.SuijinClock;

/**
 * Test WAR only: POST do=enqueue (to, subject, body, count: in one transaction; answers the ids),
 * do=outside (enqueue with no transaction; answers the exception's class), do=run (one sender run
 * now), do=advance (advance=PT11M moves the clock); DELETE goes back to real time.
 */
@WebServlet("/outbox")
public class MailOutboxITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailOutbox outbox;

    @Inject
    private MailSender sender;

    @Resource
    private UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (request.getParameter("do")) {
                case "enqueue" -> enqueue(request);
                case "outside" -> outside(request);
                case "run" -> String.valueOf(sender.sendDue());
                case "advance" -> {
                    SuijinClock.advance(Duration.parse(request.getParameter("advance")));
                    yield "moved";
                }
                default -> throw new IllegalArgumentException("do=" + request.getParameter("do"));
            };
        } catch (Exception e) {
            response.sendError(500, e.toString());
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        SuijinClock.reset();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private String enqueue(HttpServletRequest request) throws Exception {
        int count = Integer.parseInt(request.getParameter("count"));
        List<Long> ids = new ArrayList<>();
        transaction.begin();
        try {
            for (int i = 0; i < count; i++) {
                ids.add(outbox.enqueue(new Mail(request.getParameter("to"), request.getParameter("subject") + " " + i,
                        request.getParameter("body")), "it_outbox", null));
            }
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private String outside(HttpServletRequest request) {
        try {
            outbox.enqueue(new Mail(request.getParameter("to"), request.getParameter("subject"), "-"), "it_outbox", null);
            return "accepted";
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
