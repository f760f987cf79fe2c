package jp.suijin.resilience;

/**
 * A capability's part of the service's readiness: each capability provides a CDI bean of this type
 * (not an EJB: health is asked often and anonymously, and is no business operation to audit).
 */
public interface HealthContributor {

    CheckResult check();
}
