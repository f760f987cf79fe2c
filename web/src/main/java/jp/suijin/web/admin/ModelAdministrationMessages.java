package jp.suijin.web.admin;

import jakarta.faces.context.FacesContext;
import jp.suijin.admin.AdministrationException;
import jp.suijin.web.Messages;

/** Runs one administration action of the facility pages and tells the administrator how it ended. */
final class ModelAdministrationMessages {

    private ModelAdministrationMessages() {
    }

    /** @return whether the action was applied; if not, its message is shown and the request marked failed */
    static boolean apply(Runnable action, String done, Object... args) {
        try {
            action.run();
            Messages.info(done, args);
            return true;
        } catch (AdministrationException e) {
            Messages.error(e.problem(), e.args());
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }
}
