package jp.suijin.it.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** The probe WAR signs callers in with HTTP Basic; the identity store is the application's own. */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "tenant-probe")
public class TenantIsolationITSecurity {
}
