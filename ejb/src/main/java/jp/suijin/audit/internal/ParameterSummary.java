package jp.suijin.audit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.suijin.audit.AuditInterceptor;
import jp.suijin.audit.Sensitive;

/**
 * What an audit record keeps of a call's arguments: identifiers as targets ("userId=12"), other
 * values cut short, and of a secret only that it was given ("password=***"). Secrets are
 * {@code char[]} and {@code byte[]} values, parameters and record components marked
 * {@link Sensitive}, and names that say so (password, token, secret, key, otp, code, body).
 */
public record ParameterSummary(String targets, String parameters) {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(.*(password|passwd|token|secret|key|otp|credential|hash)|code|body|content)");
    private static final Pattern TARGET_NAME = Pattern.compile("id|.*Id|.*Ids|.*Code|.*Codes");
    private static final int MAX_VALUE = 100;
    /**
     * What a person wrote to justify an action (a shelving reason, an acknowledgement comment) is what
     * its record is for: kept as long as the forms accept.
     */
    private static final Pattern JUSTIFICATION_NAME = Pattern.compile("(?i).*(reason|comment)");
    static final int MAX_JUSTIFICATION = 500;

    private static final Map<Method, Plan> PLANS = new ConcurrentHashMap<>();

    /** What is known of a method's parameters before any call: names, which are secret, which are targets. */
    private record Plan(String[] names, boolean[] sensitive, boolean[] target, boolean[] justification) {

        static Plan of(Method method) {
            Parameter[] params = method.getParameters();
            Annotation[][] declared = interfaceAnnotations(method);
            String[] names = new String[params.length];
            boolean[] sensitive = new boolean[params.length];
            boolean[] target = new boolean[params.length];
            boolean[] justification = new boolean[params.length];
            for (int i = 0; i < params.length; i++) {
                names[i] = params[i].getName();
                sensitive[i] = params[i].isAnnotationPresent(Sensitive.class) || marked(declared, i)
                        || SECRET_NAME.matcher(names[i]).matches();
                target[i] = !sensitive[i] && TARGET_NAME.matcher(names[i]).matches();
                justification[i] = !sensitive[i] && JUSTIFICATION_NAME.matcher(names[i]).matches();
            }
            return new Plan(names, sensitive, target, justification);
        }
    }

    public static ParameterSummary of(Method method, Object[] args) {
        if (args == null || args.length == 0) {
            return new ParameterSummary(null, null);
        }
        Plan plan = PLANS.computeIfAbsent(method, Plan::of);
        StringBuilder targets = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < args.length && i < plan.names().length; i++) {
            String value = plan.sensitive()[i] ? (args[i] == null ? "null" : "***")
                    : plan.justification()[i] && args[i] instanceof CharSequence text ? cut(text.toString(), MAX_JUSTIFICATION)
                    : summary(args[i], 0);
            StringBuilder into = plan.target()[i] ? targets : rest;
            if (!into.isEmpty()) {
                into.append(", ");
            }
            into.append(plan.names()[i]).append('=').append(value);
        }
        return new ParameterSummary(targets.isEmpty() ? null : targets.toString(), rest.isEmpty() ? null : rest.toString());
    }

    private static Annotation[][] interfaceAnnotations(Method method) {
        Class<?> owner = AuditInterceptor.businessInterface(method);
        if (owner == method.getDeclaringClass()) {
            return null;
        }
        try {
            return owner.getMethod(method.getName(), method.getParameterTypes()).getParameterAnnotations();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean marked(Annotation[][] declared, int i) {
        if (declared == null || i >= declared.length) {
            return false;
        }
        for (Annotation a : declared[i]) {
            if (a.annotationType() == Sensitive.class) {
                return true;
            }
        }
        return false;
    }

    static String summary(Object v, int depth) {
        if (v == null) {
            return "null";
        }
        if (v instanceof char[] || v instanceof byte[]) {
            return "***";
        }
        if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>
                || v instanceof Temporal || v instanceof java.util.Locale) {
            return cut(v.toString(), MAX_VALUE);
        }
        if (v instanceof Collection<?> c) {
            return depth > 0 || c.size() > 10 ? "[" + c.size() + " items]" : join(c, depth);
        }
        if (v instanceof Map<?, ?> m) {
            return "{" + m.size() + " entries}";
        }
        if (v.getClass().isRecord() && depth == 0) {
            StringBuilder b = new StringBuilder(v.getClass().getSimpleName()).append('(');
            RecordComponent[] components = v.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                if (i > 0) {
                    b.append(", ");
                }
                b.append(c.getName()).append('=');
                if (c.isAnnotationPresent(Sensitive.class) || SECRET_NAME.matcher(c.getName()).matches()) {
                    b.append("***");
                } else {
                    try {
                        b.append(summary(c.getAccessor().invoke(v), depth + 1));
                    } catch (ReflectiveOperationException e) {
                        b.append('?');
                    }
                }
            }
            return b.append(')').toString();
        }
        return v.getClass().getSimpleName();
    }

    private static String join(Collection<?> c, int depth) {
        StringBuilder b = new StringBuilder("[");
        for (Object o : c) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(summary(o, depth + 1));
        }
        return b.append(']').toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
