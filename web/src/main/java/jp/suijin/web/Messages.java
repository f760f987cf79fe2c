package jp.suijin.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Faces messages from the page bundle ({@code msg}), in the viewer's language. */
public final class Messages {

    private Messages() {
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, key, args);
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private static void add(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        String text = args.length == 0 ? msg.getString(key) : new MessageFormat(msg.getString(key), msg.getLocale())
                .format(args);
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }
}
