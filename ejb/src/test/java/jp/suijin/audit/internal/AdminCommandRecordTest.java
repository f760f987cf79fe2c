package jp.suijin.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The admin audit text as Payara 6.2025.10 sends it (ParameterMap.toString: one "name: [values]" a line). */
class AdminCommandRecordTest {

    @Test
    void readsUserCommandAndParameters() {
        AdminCommandRecord r = AdminCommandRecord.parse(
                "admin issued command set with parameters {DEFAULT: [configs.config.server-config.java-config.debug-enabled=false]\n}")
                .orElseThrow();

        assertEquals("admin", r.user());
        assertEquals("set", r.command());
        assertEquals("DEFAULT=configs.config.server-config.java-config.debug-enabled=false", r.parameters());
    }

    @Test
    void masksParametersNamedAsSecrets() {
        AdminCommandRecord r = AdminCommandRecord.parse(
                "admin issued command create-password-alias with parameters {aliaspassword: [secretvalue7]\nDEFAULT: [alias2]\n}")
                .orElseThrow();

        assertEquals("aliaspassword=***, DEFAULT=alias2", r.parameters());
    }

    @Test
    void masksSecretsInsideValues() {
        AdminCommandRecord set = AdminCommandRecord.parse("admin issued command set with parameters "
                + "{DEFAULT: [resources.jdbc-connection-pool.P.property.password=hunter2]\n}").orElseThrow();
        AdminCommandRecord pool = AdminCommandRecord.parse("admin issued command create-jdbc-connection-pool with parameters "
                + "{property: [url=jdbc\\:mariadb\\://h/db:user=app:password=hunter2:sslKey=k3y]\nDEFAULT: [P]\n}").orElseThrow();

        assertEquals("DEFAULT=resources.jdbc-connection-pool.P.property.password=***", set.parameters());
        assertFalse(pool.parameters().contains("hunter2") || pool.parameters().contains("k3y"), pool.parameters());
        assertTrue(pool.parameters().contains("user=app:password=***:sslKey=***"), pool.parameters());

        // an escaped separator is part of the secret, not its end
        AdminCommandRecord escaped = AdminCommandRecord.parse("admin issued command create-jdbc-connection-pool with"
                + " parameters {property: [password=hun\\:ter2:user=app]\n}").orElseThrow();
        assertFalse(escaped.parameters().contains("ter2"), escaped.parameters());
        assertTrue(escaped.parameters().contains("password=***:user=app"), escaped.parameters());
    }

    @Test
    void otherTextIsNoRecord() {
        assertTrue(AdminCommandRecord.parse("Health Check notification").isEmpty());
        assertTrue(AdminCommandRecord.parse(null).isEmpty());
    }
}
