package jp.suijin.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's answers to a taken port and an unreachable database: one clear line, no stack trace. */
class RunCommandIT {

    @TempDir
    Path data;

    @Test
    void aTakenPortIsNamedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result r = run("--http-port=" + taken.getLocalPort());

            assertEquals(1, r.exit);
            assertEquals(List.of("Suijin: Port " + taken.getLocalPort() + " for operator HTTP is already in use;"
                    + " choose another with --http-port=<port> (or stop what is using it)"), r.lines);
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedInOneLine() throws Exception {
        Result r = run("--db-url=jdbc:mariadb://127.0.0.1:9/suijin");

        assertEquals(1, r.exit);
        String last = r.lines.get(r.lines.size() - 1);
        assertTrue(last.startsWith("Suijin: Cannot connect to MariaDB at jdbc:mariadb://127.0.0.1:9/suijin as suijin_app:"), last);
        assertFalse(String.join("\n", r.lines).contains("\tat "), "stack trace printed");
    }

    @Test
    void aBadOptionIsNamed() throws Exception {
        Result r = run("--http-port=eighty");

        assertEquals(2, r.exit);
        assertEquals("Suijin: --http-port=eighty is not a port number (1-65535)", r.lines.get(0));
    }

    private Result run(String... args) throws Exception {
        Path home = Path.of(System.getProperty("suijin.home"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsuijin.home=" + home, "-jar", home.resolve("launcher/target/suijin-launcher.jar").toString(),
                "--data-dir=" + data, "--port-base=14000", "--https-port=14181", "--device-port=14190",
                "--smtp-port=14025", "--mail-port=14026", "--db-port=14306", "--no-simulator"));
        command.addAll(List.of(args));
        if (command.stream().noneMatch(a -> a.startsWith("--http-port"))) {
            command.add("--http-port=14180");
        }
        // an unreachable external database: nothing here may get as far as starting one (and an
        // embedded one would refuse the temporary data directory)
        if (command.stream().noneMatch(a -> a.startsWith("--db-url"))) {
            command.add("--db-url=jdbc:mariadb://127.0.0.1:9/suijin");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run command did not stop by itself");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out.lines().filter(l -> !l.isBlank()).toList());
    }

    private record Result(int exit, List<String> lines) {
    }
}
