package jp.suijin.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Server domain in a directory of our own, driven through its asadmin. Every command's
 * output goes to a log file; a failing command becomes a one-line {@link LaunchException}.
 */
public final class PayaraDomain {

    private final Path asadmin;
    private final Path domainsDir;
    private final String name;
    private final int adminPort;
    private final Path log;
    /** Size of the server log before the last start or restart: what came after is that start's. */
    private long lastStart;

    public PayaraDomain(Path payaraHome, Path domainsDir, String name, int portBase, Path log) {
        this.asadmin = payaraHome.resolve("bin/asadmin");
        this.domainsDir = domainsDir;
        this.name = name;
        this.adminPort = portBase + 48;
        this.log = log;
        if (!Files.isExecutable(asadmin)) {
            throw new LaunchException("Payara Server not found at " + payaraHome + ": build first (mvn -DskipTests install)");
        }
    }

    public boolean exists() {
        return Files.isDirectory(domainsDir.resolve(name).resolve("config"));
    }

    public void create(int portBase) {
        run(List.of("create-domain", "--nopassword", "--domaindir", domainsDir.toString(), "--portbase",
                String.valueOf(portBase), name), 300);
    }

    public void start() {
        lastStart = logSize();
        run(List.of("start-domain", "--domaindir", domainsDir.toString(), name), 600);
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
                asadmin.toString(), "--admin-port", String.valueOf(adminPort));
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
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
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
