package jp.suijin.it.report;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.suijin.report.LayoutItem;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFormat;
import jp.suijin.report.ReportKind;
import jp.suijin.report.ReportLayouts;
import jp.suijin.report.ReportService;
import jp.suijin.report.Statistic;
import jp.suijin.telemetry.FacilityNotFoundException;

/**
 * Calls the report services as the signed-in caller (HTTP Basic, see AuditITMechanism), with ids the
 * pages would never offer: GET report?facility=&kind=&date=, GET export?facility=&format=, POST
 * layout?facility=&items=pointId:STATISTIC,... Answers 404 for FacilityNotFoundException and 400
 * with the problem key and its arguments for ReportException.
 */
@WebServlet("/reports/*")
@DeclareRoles({"ADMIN", "OPERATOR", "VIEWER"})
@ServletSecurity(@HttpConstraint(rolesAllowed = {"ADMIN", "OPERATOR", "VIEWER"}))
public class ReportITServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ReportService reports;

    @EJB
    private ReportLayouts layouts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long facility = Long.parseLong(request.getParameter("facility"));
        LocalDate date = LocalDate.now();
        try {
            if ("/report".equals(request.getPathInfo())) {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().print(reports.report(facility, ReportKind.valueOf(request.getParameter("kind")), date)
                        .facility().name());
            } else {
                ReportFormat format = ReportFormat.valueOf(request.getParameter("format"));
                response.setContentType(format.contentType());
                reports.export(facility, ReportKind.DAILY, date, format, Locale.JAPANESE, response.getOutputStream());
            }
        } catch (FacilityNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "FacilityNotFoundException");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<LayoutItem> items = new ArrayList<>();
        for (String item : request.getParameter("items").split(",")) {
            String[] pair = item.split(":");
            items.add(new LayoutItem(Long.valueOf(pair[0]), Statistic.valueOf(pair[1])));
        }
        response.setContentType("text/plain;charset=UTF-8");
        try {
            layouts.save(Long.parseLong(request.getParameter("facility")), items);
            response.getWriter().print("saved");
        } catch (FacilityNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "FacilityNotFoundException");
        } catch (ReportException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().print(e.problem() + " " + Arrays.toString(e.args()));
        }
    }
}
