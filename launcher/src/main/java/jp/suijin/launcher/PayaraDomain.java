package jp.suijin.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Server domain in a directory of our own, driven through its asadmin. Every command's
 * output goes to a log file; a failing command becomes a one-line {@link LaunchException}. The
 * domain's administration answers on 127.0.0.1 only, to user {@value #ADMIN_USER} with a random
 * password kept in an asadmin password file (owner-only), which every command here uses.
 */
public final class PayaraDomain {

    public static final String ADMIN_USER = "admin";
    private static final String PASSWORD_KEY = "AS_ADMIN_PASSWORD=";
    /** The admin listener's element in domain.xml (one per config), with or without an address. */
    private static final Pattern ADMIN_LISTENER = Pattern.compile("<network-listener\\b[^>]*\\bname=\"admin-listener\"[^>]*>");

    private final Path asadmin;
    private final Path domainsDir;
    private final String name;
    private final int adminPort;
    private final Path log;
    private final Path passwordFile;
    /** Size of the server log before the last start or restart: what came after is that start's. */
    private long lastStart;

    /**
     * @param passwordFile the admin password in asadmin's password-file form ({@code AS_ADMIN_PASSWORD=...});
     *     made at random when missing
     */
    public PayaraDomain(Path payaraHome, Path domainsDir, String name, int portBase, Path log, Path passwordFile) {
        this.asadmin = payaraHome.resolve("bin/asadmin");
        this.domainsDir = domainsDir;
        this.name = name;
        this.adminPort = portBase + 48;
        this.log = log;
        this.passwordFile = passwordFile;
        if (!Files.isExecutable(asadmin)) {
            throw new LaunchException("Payara Server not found at " + payaraHome + ": build first (mvn -DskipTests install)");
        }
    }

    public boolean exists() {
        return Files.isDirectory(domainsDir.resolve(name).resolve("config"));
    }

    public void create(int portBase) {
        ensurePasswordFile();
        run(List.of("create-domain", "--domaindir", domainsDir.toString(), "--portbase",
                String.valueOf(portBase), name), 300);
    }

    /**
     * Starts the domain with its administration on 127.0.0.1 only and behind the password. A domain
     * made by an earlier version (no password, admin listener on every interface) is brought up to
     * that on this start.
     */
    public void start() {
        ensurePasswordFile();
        bindAdministrationToLoopback();
        lastStart = logSize();
        run(List.of("start-domain", "--domaindir", domainsDir.toString(), name), 600);
        requireAdminPassword();
    }

    /** Gives a running domain whose admin user has an empty password the password file's password. */
    public void requireAdminPassword() {
        if (answersAnonymousAdministration()) {
            setAdminPassword();
        }
    }

    /**
     * Whether the admin REST API answers a request without credentials (a domain without a password
     * does). The API starts at its first request after a start: half a minute and more on a busy machine.
     */
    public boolean answersAnonymousAdministration() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                    + "/management/domain")).header("Accept", "application/json").timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            throw new LaunchException("The admin port " + adminPort + " does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while asking the admin port " + adminPort);
        }
    }

    /** The password file's own password replaces the domain's empty one. */
    private void setAdminPassword() {
        String password = adminPassword();
        Path change = null;
        try {
            change = Files.createTempFile(passwordFile.getParent(), "change", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(change, PASSWORD_KEY + "\nAS_ADMIN_NEWPASSWORD=" + password + "\n");
            exec(List.of(asadmin.toString(), "--user", ADMIN_USER, "--passwordfile", change.toString(), "--port",
                    String.valueOf(adminPort), "--interactive=false", "change-admin-password"), Map.of(), 300,
                    "asadmin change-admin-password");
        } catch (IOException e) {
            throw new LaunchException("Cannot set the admin password: " + e.getMessage());
        } finally {
            try {
                if (change != null) {
                    Files.deleteIfExists(change);
                }
            } catch (IOException e) {
                // an owner-only file in the secrets directory; the next start overwrites nothing with it
            }
        }
    }

    /**
     * Sets address="127.0.0.1" on the admin listener in domain.xml while the domain is stopped, so it
     * never listens on another interface (asadmin could only change it on a running domain, for the
     * next start).
     */
    private void bindAdministrationToLoopback() {
        Path domainXml = domainsDir.resolve(name).resolve("config/domain.xml");
        try {
            String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
            Matcher m = ADMIN_LISTENER.matcher(xml);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String element = m.group().replaceAll("\\saddress=\"[^\"]*\"", "");
                m.appendReplacement(out, Matcher.quoteReplacement(element.replaceFirst("^<network-listener\\b",
                        "<network-listener address=\"127.0.0.1\"")));
            }
            m.appendTail(out);
            if (!out.toString().equals(xml)) {
                Files.writeString(domainXml, out.toString(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LaunchException("Cannot read the domain's configuration " + domainXml + ": " + e.getMessage());
        }
    }

    /** The asadmin password file of this domain's admin user. */
    public Path passwordFile() {
        return passwordFile;
    }

    private void ensurePasswordFile() {
        try {
            if (!Files.exists(passwordFile)) {
                Files.createDirectories(passwordFile.getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, PASSWORD_KEY + Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                        + "\n");
            }
        } catch (IOException e) {
            throw new LaunchException("Cannot keep the admin password in " + passwordFile + ": " + e.getMessage());
        }
    }

    /** The admin user's password (for clients that cannot read asadmin's password file). */
    public String adminPassword() {
        try {
            return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(PASSWORD_KEY))
                    .map(l -> l.substring(PASSWORD_KEY.length()).strip()).findFirst()
                    .orElseThrow(() -> new LaunchException(passwordFile + " has no " + PASSWORD_KEY + " line"));
        } catch (IOException e) {
            throw new LaunchException("Cannot read the admin password file " + passwordFile + ": " + e.getMessage());
        }
    }

    public void restart() {
        lastStart = logSize();
        run(List.of("restart-domain", "--domaindir", domainsDir.toString(), name), 600);
    }

    /** What the server logged since the last start or restart (all of it after a rotation). */
    public String logSinceLastStart() {
        long size = logSize();
        try {
            return size == 0 ? "" : readFrom(size < lastStart ? 0 : lastStart);
        } catch (IOException e) {
            throw new LaunchException("Cannot read " + serverLog() + ": " + e.getMessage());
        }
    }

    /** Whether an application of this name is deployed in the domain (read from its domain.xml). */
    public boolean hasApplication(String applicationName) {
        try {
            Path domainXml = domainsDir.resolve(name).resolve("config/domain.xml");
            return Files.exists(domainXml) && Files.readString(domainXml).contains("<application ")
                    && Files.readString(domainXml).contains("name=\"" + applicationName + "\"");
        } catch (IOException e) {
            throw new LaunchException("Cannot read the domain's configuration: " + e.getMessage());
        }
    }

    private long logSize() {
        try {
            return Files.exists(serverLog()) ? Files.size(serverLog()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String readFrom(long offset) throws IOException {
        try (var channel = Files.newByteChannel(serverLog())) {
            channel.position(offset);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Stops the domain; one that already stopped (Ctrl-C reaches its JVM too) is not an error. */
    public void stop() {
        try {
            run(List.of("stop-domain", "--domaindir", domainsDir.toString(), name), 300);
        } catch (LaunchException e) {
            if (!e.getMessage().contains("No domains are currently running") && !e.getMessage().contains("not running")) {
                throw e;
            }
        }
    }

    /** Runs an asadmin subcommand against this domain's admin port. */
    public String admin(String... args) {
        List<String> command = new ArrayList<>(List.of("--port", String.valueOf(adminPort), "--interactive=false"));
        command.addAll(List.of(args));
        return run(command, 600);
    }

    /**
     * Applies domain-config/ (apply.sh) with the given settings and restarts the domain if it asks
     * for it (first install of the JDBC driver).
     */
    public void applyConfig(Path domainConfigDir, Map<String, String> settings) {
        List<String> command = List.of("bash", domainConfigDir.resolve("apply.sh").toString(), "--asadmin",
                asadmin.toString(), "--admin-port", String.valueOf(adminPort), "--user", ADMIN_USER, "--passwordfile",
                passwordFile.toString());
        String out = exec(command, settings, 600, "domain-config/apply.sh");
        if (out.contains("RESTART REQUIRED")) {
            restart();
        }
    }

    public void deploy(Path ear, String applicationName) {
        admin("deploy", "--name", applicationName, ear.toString());
    }

    public Path serverLog() {
        return domainsDir.resolve(name).resolve("logs/server.log");
    }

    public Path asadmin() {
        return asadmin;
    }

    public int adminPort() {
        return adminPort;
    }

    private String run(List<String> args, int timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(asadmin.toString()));
        // a domain made by an earlier version has no password file yet (it gets one at its next start), and
        // asadmin refuses a password file that does not exist
        if (Files.exists(passwordFile)) {
            command.addAll(List.of("--user", ADMIN_USER, "--passwordfile", passwordFile.toString()));
        }
        command.addAll(args);
        return exec(command, Map.of(), timeoutSeconds, "asadmin " + args.get(args.get(0).startsWith("--") ? 3 : 0));
    }

    private String exec(List<String> command, Map<String, String> env, int timeoutSeconds, String what) {
        try {
            Files.createDirectories(log.getParent());
            Path out = Files.createTempFile(log.getParent(), "cmd", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new LaunchException(what + " did not finish within " + timeoutSeconds + " s; see " + log);
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                Files.writeString(log, "$ " + what + "\n" + text, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                if (p.exitValue() != 0) {
                    throw new LaunchException(what + " failed: " + lastMeaningfulLine(text) + " (details in " + log + ")");
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new LaunchException(what + " could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(what + " was interrupted");
        }
    }

    private static String lastMeaningfulLine(String text) {
        String[] lines = text.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("Command ") && !l.startsWith("Usage:")) {
                return l;
            }
        }
        return "no output";
    }
}
