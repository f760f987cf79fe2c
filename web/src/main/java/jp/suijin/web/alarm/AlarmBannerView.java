package jp.suijin.web.alarm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.suijin.alarm.AlarmConsole;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.alarm.AlarmSummary;

/**
 * The alarm banner of every signed-in page: read once per rendering (a page load, or the refresh a
 * push asks for), not kept, so it is never older than the request that shows it.
 */
@Named
@RequestScoped
public class AlarmBannerView {

    @Inject
    private AlarmConsole console;

    private AlarmSummary summary;

    public AlarmSummary getSummary() {
        if (summary == null) {
            summary = console.summary();
        }
        return summary;
    }

    public AlarmRow getNewest() {
        return getSummary().newestUnacknowledged();
    }
}
