package jp.suijin.it.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/**
 * Organisations for the facility administration suites, created once when the probe deploys: one
 * with an administrator, an operator, a viewer and an administrator the suite limits to some facilities; a second one whose administrator must not reach
 * the first one's facilities; a third for the browser test, so its facilities show on no other
 * suite's dashboard.
 */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class ModelAdministrationITFixture {

    public static final String PASSWORD = "Model admin password 4711";
    public static final String ADMIN = "it-model.admin";
    public static final String OPERATOR = "it-model.op";
    public static final String VIEWER = "it-model.viewer";
    public static final String OTHER_ADMIN = "it-model-b.admin";
    public static final String PAGES_ADMIN = "it-model-ui.admin";
    /** An administrator of the first organisation whom the suite limits to some facilities. */
    public static final String LIMITED_ADMIN = "it-model.limited";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = 'it-model'").getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        Organisation model = new Organisation("it-model", "IT 施設管理", now);
        Organisation other = new Organisation("it-model-b", "IT 施設管理 別組織", now);
        Organisation pages = new Organisation("it-model-ui", "IT 施設管理 画面", now);
        em.persist(model);
        em.persist(other);
        em.persist(pages);
        em.persist(new User(model, ADMIN, "施設 管理者", "admin@it-model.test", hash, Role.ADMIN, now));
        em.persist(new User(model, OPERATOR, "施設 運転員", "op@it-model.test", hash, Role.OPERATOR, now));
        em.persist(new User(model, VIEWER, "施設 閲覧者", "viewer@it-model.test", hash, Role.VIEWER, now));
        em.persist(new User(model, LIMITED_ADMIN, "施設 限定管理者", "limited@it-model.test", hash, Role.ADMIN, now));
        em.persist(new User(other, OTHER_ADMIN, "別組織 管理者", "admin@it-model-b.test", hash, Role.ADMIN, now));
        em.persist(new User(pages, PAGES_ADMIN, "画面 管理者", "admin@it-model-ui.test", hash, Role.ADMIN, now));
    }
}
