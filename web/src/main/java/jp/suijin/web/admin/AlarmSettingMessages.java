package jp.suijin.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import jp.suijin.admin.AdministrationException;
import jp.suijin.web.Messages;

/**
 * Runs one action of the alarm pages and tells the administrator how it ended; a refusal is shown at
 * the input it names (an input of the dialog's form with the field's id), or above the form if none has it.
 */
final class AlarmSettingMessages {

    private AlarmSettingMessages() {
    }

    /** @return whether the action was applied; if not, the request is marked failed so the dialog stays open */
    static boolean apply(String formId, Runnable action, String done, Object... args) {
        try {
            action.run();
            Messages.info(done, args);
            return true;
        } catch (AdministrationException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            UIComponent input = formId == null ? null : faces.getViewRoot().findComponent(formId + ":" + e.field());
            if (input == null) {
                Messages.error(e.problem(), e.args());
            } else {
                if (input instanceof UIInput field) {
                    field.setValid(false);
                }
                faces.addMessage(input.getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        text(faces, e.problem(), e.args()), null));
            }
            faces.validationFailed();
            return false;
        }
    }

    /** Another organisation's facility, or none, is answered like a missing page. */
    static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseSendError(404, null);
        faces.responseComplete();
    }

    private static String text(FacesContext faces, String key, Object[] args) {
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        return args.length == 0 ? msg.getString(key) : new MessageFormat(msg.getString(key), msg.getLocale()).format(args);
    }
}
