package jp.suijin.web.report;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.suijin.report.LayoutItem;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportLayout;
import jp.suijin.report.ReportLayouts;
import jp.suijin.report.ReportText;
import jp.suijin.report.Statistic;
import jp.suijin.telemetry.FacilityNotFoundException;
import jp.suijin.web.Messages;

/** An administrator sets which points a facility's reports show, in which order, with which statistic. */
@Named
@ViewScoped
public class ReportLayoutView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReportLayouts layouts;

    private List<ReportFacility> facilities;
    private Long facility;
    private ReportLayout layout;
    private List<Column> columns = new ArrayList<>();

    /** One editable column. */
    public static class Column implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long pointId;
        private Statistic statistic;

        public Column() {
        }

        Column(LayoutItem item) {
            pointId = item.pointId();
            statistic = item.statistic();
        }

        public Long getPointId() {
            return pointId;
        }

        public void setPointId(Long pointId) {
            this.pointId = pointId;
        }

        public Statistic getStatistic() {
            return statistic;
        }

        public void setStatistic(Statistic statistic) {
            this.statistic = statistic;
        }
    }

    /** Opens the layout of the facility the {@code facility} parameter names, or of the first one. */
    public void load() {
        facilities = layouts.facilities();
        if (facility == null && !facilities.isEmpty()) {
            facility = facilities.get(0).id();
        }
        open();
    }

    public void open() {
        layout = null;
        columns = new ArrayList<>();
        if (facility == null) {
            return;
        }
        try {
            layout = layouts.layout(facility);
            layout.items().forEach(i -> columns.add(new Column(i)));
        } catch (FacilityNotFoundException e) {
            Messages.error("report.error.facility");
        }
    }

    public void add() {
        Column column = new Column();
        column.setStatistic(Statistic.AVERAGE);
        columns.add(column);
    }

    public void remove(int index) {
        columns.remove(index);
    }

    public void up(int index) {
        if (index > 0) {
            Collections.swap(columns, index, index - 1);
        }
    }

    public void down(int index) {
        if (index < columns.size() - 1) {
            Collections.swap(columns, index, index + 1);
        }
    }

    public void save() {
        try {
            layouts.save(facility, columns.stream().map(c -> new LayoutItem(c.getPointId(), c.getStatistic())).toList());
            Messages.info("report.layout.saved", layout.facility().name());
            open();
        } catch (FacilityNotFoundException e) {
            refuse("report.error.facility");
        } catch (ReportException e) {
            refuse(e.problem(), e.args());
        }
    }

    public void useDefault() {
        try {
            layouts.useDefault(facility);
            Messages.info("report.layout.reset", layout.facility().name());
            open();
        } catch (FacilityNotFoundException e) {
            refuse("report.error.facility");
        }
    }

    private static void refuse(String key, Object... args) {
        Messages.error(key, args);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Statistic names as reports show them. */
    public ReportText getText() {
        return ReportText.of(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public Statistic[] getStatistics() {
        return Statistic.values();
    }

    public List<ReportFacility> getFacilities() {
        return facilities;
    }

    public Long getFacility() {
        return facility;
    }

    public void setFacility(Long facility) {
        this.facility = facility;
    }

    public ReportLayout getLayout() {
        return layout;
    }

    public List<Column> getColumns() {
        return columns;
    }
}
