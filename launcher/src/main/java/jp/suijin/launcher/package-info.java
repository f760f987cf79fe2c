/**
 * The run command: everything a person needs to try Suijin on one machine, started and stopped
 * together. The integration tests reuse {@link jp.suijin.launcher.PayaraDomain},
 * {@link jp.suijin.launcher.EmbeddedMariaDb} and {@link jp.suijin.launcher.MailCatcher}.
 */
package jp.suijin.launcher;
