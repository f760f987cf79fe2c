package jp.suijin.audit.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One administration command of the Payara domain, read from the text Payara's admin audit service
 * sends ("admin issued command set with parameters {DEFAULT: [a.b=c]\n}"), its secrets masked: a
 * parameter named as a secret (aliaspassword, AS_ADMIN_PASSWORD, ...) and every {@code name=value}
 * inside a value whose name says secret (a {@code set} of ...property.password=, a pool's property
 * list) keep only {@code ***}.
 */
public record AdminCommandRecord(String user, String command, String parameters) {

    private static final Pattern MESSAGE = Pattern.compile("(?s)(\\S+) issued command (\\S+) with parameters \\{(.*)}\\s*$");
    /** One parameter per line: {@code name: [value, value]}. */
    private static final Pattern PARAMETER = Pattern.compile("(?m)^\\s*([^:\\n]+): \\[(.*)]\\s*$");
    private static final String SECRET_WORD = "(?:password|passwd|passphrase|secret|token|credential|key)";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*" + SECRET_WORD + ".*");
    /** A name=value (in a property list or a dotted set) whose name says secret; the value runs to an unescaped ':' ',' or the end. */
    private static final Pattern SECRET_PAIR = Pattern.compile("(?i)([\\w.\\-\\\\]*" + SECRET_WORD + "[\\w.\\-\\\\]*=)(?:\\$\\{[^}]*}|\\\\.|[^:,\\s\\\\])*");
    private static final int MAX_PARAMETERS = 2000;

    /** The record of an admin audit message, or empty when the text is not one. */
    public static Optional<AdminCommandRecord> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = MESSAGE.matcher(message.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        StringBuilder parameters = new StringBuilder();
        Matcher p = PARAMETER.matcher(m.group(3));
        while (p.find()) {
            String name = p.group(1).strip();
            String value = SECRET_NAME.matcher(name).matches() ? "***" : SECRET_PAIR.matcher(p.group(2)).replaceAll("$1***");
            if (!parameters.isEmpty()) {
                parameters.append(", ");
            }
            parameters.append(name).append('=').append(value);
        }
        String text = parameters.length() > MAX_PARAMETERS ? parameters.substring(0, MAX_PARAMETERS - 1) + "…"
                : parameters.toString();
        return Optional.of(new AdminCommandRecord(m.group(1), m.group(2), text.isEmpty() ? null : text));
    }
}
