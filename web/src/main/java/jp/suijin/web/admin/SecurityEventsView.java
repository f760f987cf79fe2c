package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.suijin.admin.AdministrationException;
import jp.suijin.security.RuleSetting;
import jp.suijin.security.SecurityEventRow;
import jp.suijin.security.SecurityEvents;
import jp.suijin.security.SecurityRule;
import jp.suijin.web.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Security events of the organisation (acknowledge one or several) and the tuning of the rules. */
@Named
@ViewScoped
public class SecurityEventsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SecurityEvents service;

    private boolean openOnly = true;
    private List<SecurityEventRow> selected = new ArrayList<>();
    private List<RuleForm> rules;
    private final LazyDataModel<SecurityEventRow> events = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service.count(openOnly);
        }

        @Override
        public List<SecurityEventRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return service.events(openOnly, first, pageSize);
        }

        @Override
        public String getRowKey(SecurityEventRow row) {
            return Long.toString(row.id());
        }

        @Override
        public SecurityEventRow getRowData(String rowKey) {
            for (SecurityEventRow row : getWrappedData()) {
                if (getRowKey(row).equals(rowKey)) {
                    return row;
                }
            }
            return null;
        }
    };

    /** One rule in the settings form; the bounds come from the rule. */
    public static final class RuleForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final SecurityRule rule;
        private boolean enabled;
        private int threshold;
        private int windowMinutes;

        RuleForm(RuleSetting s) {
            rule = s.rule();
            enabled = s.enabled();
            threshold = s.threshold();
            windowMinutes = s.windowMinutes();
        }

        RuleSetting setting() {
            return new RuleSetting(rule, enabled, threshold, windowMinutes);
        }

        public SecurityRule getRule() {
            return rule;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getThreshold() {
            return threshold;
        }

        public void setThreshold(int threshold) {
            this.threshold = threshold;
        }

        public int getWindowMinutes() {
            return windowMinutes;
        }

        public void setWindowMinutes(int windowMinutes) {
            this.windowMinutes = windowMinutes;
        }
    }

    @PostConstruct
    public void init() {
        rules = service.ruleSettings().stream().map(RuleForm::new).toList();
    }

    public void acknowledge(SecurityEventRow row) {
        acknowledged(service.acknowledge(Set.of(row.id())));
    }

    public void acknowledgeSelected() {
        if (selected.isEmpty()) {
            Messages.error("events.noneSelected");
            return;
        }
        acknowledged(service.acknowledge(selected.stream().map(SecurityEventRow::id).collect(Collectors.toSet())));
    }

    private void acknowledged(int count) {
        selected = new ArrayList<>();
        Messages.info("events.acknowledged", count);
    }

    public void saveRules() {
        try {
            service.saveRuleSettings(rules.stream().map(RuleForm::setting).toList());
            Messages.info("rules.saved");
        } catch (AdministrationException e) {
            Object[] args = e.args();
            String label = FacesContext.getCurrentInstance().getApplication()
                    .getResourceBundle(FacesContext.getCurrentInstance(), "msg").getString("security.rule." + e.field());
            Messages.error("rules.error." + e.problem(), label, args[0], args[1]);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public LazyDataModel<SecurityEventRow> getEvents() {
        return events;
    }

    public List<RuleForm> getRules() {
        return rules;
    }

    public List<SecurityEventRow> getSelected() {
        return selected;
    }

    public void setSelected(List<SecurityEventRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }
}
