package jp.suijin.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The code a user typed on the second sign-in step; its challenge is taken from the session. */
public record OneTimeCodeCredential(String code) implements Credential {
}
