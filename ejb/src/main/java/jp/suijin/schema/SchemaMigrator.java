package jp.suijin.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else in the application runs, so an
 * integrator only deploys the EAR, then grants the application's account exactly what it may do
 * (see {@link DatabaseGrants}). Both run as the schema owner ({@code jdbc/suijin-owner}); the
 * application itself uses {@code jdbc/suijin}. Beans that touch the database at startup declare
 * {@code @DependsOn("SchemaMigrator")}.
 */
@Singleton
@Startup
// Flyway opens, commits and closes its own connections; a container transaction would only get in the way.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/suijin-owner")
    private DataSource owner;

    @Resource(lookup = "jdbc/suijin")
    private DataSource application;

    private volatile DatabaseGrants.Check grants;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now)");
        try {
            grants = DatabaseGrants.apply(owner, application);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application's database account its rights: "
                    + e.getMessage(), e);
        }
        if (grants.protectedAudit()) {
            LOG.info(() -> "Database account " + grants.account() + " may not change or remove audit records");
        } else {
            LOG.severe(() -> "Database account " + grants.account() + " has more rights than the application may have"
                    + " (audit records must be append-only for it): " + grants.problem());
        }
    }

    /** Whether the application's account is kept from changing audit records, as found at startup. */
    public DatabaseGrants.Check grants() {
        return grants;
    }
}
