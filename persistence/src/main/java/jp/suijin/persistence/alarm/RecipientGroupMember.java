package jp.suijin.persistence.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import jp.suijin.persistence.user.User;

/**
 * One recipient of a group: a user of the organisation (mailed at their address, in their language) or
 * an outside address with its own language.
 */
@Entity
@Table(name = "recipient_group_member")
public class RecipientGroupMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id", updatable = false)
    private RecipientGroup group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @Column(length = 254, updatable = false)
    private String email;

    /** "ja" or "en", for outside addresses only. */
    @Column(length = 8, updatable = false)
    private String locale;

    protected RecipientGroupMember() {
    }

    private RecipientGroupMember(RecipientGroup group, User user, String email, String locale) {
        this.group = Objects.requireNonNull(group, "group");
        this.user = user;
        this.email = email;
        this.locale = locale;
    }

    public static RecipientGroupMember user(RecipientGroup group, User user) {
        return new RecipientGroupMember(group, Objects.requireNonNull(user, "user"), null, null);
    }

    public static RecipientGroupMember address(RecipientGroup group, String email, String locale) {
        return new RecipientGroupMember(group, null, Objects.requireNonNull(email, "email"),
                Objects.requireNonNull(locale, "locale"));
    }

    public Long getId() {
        return id;
    }

    public RecipientGroup getGroup() {
        return group;
    }

    public User getUser() {
        return user;
    }

    public String getEmail() {
        return email;
    }

    public String getLocale() {
        return locale;
    }
}
