package jp.suijin.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The run command. See {@link Settings#USAGE}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the parts' own chatter goes nowhere; what matters is printed as plain lines
        Logger.getLogger("").setLevel(Level.SEVERE);
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv(), home(),
                    Path.of(System.getProperty("suijin.caller-dir", System.getProperty("user.dir"))));
        } catch (IllegalArgumentException e) {
            System.err.println("Suijin: " + e.getMessage());
            System.exit(2);
            return;
        }
        Launcher launcher = new Launcher(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "suijin-shutdown"));
        try {
            launcher.start();
        } catch (LaunchException e) {
            System.err.println("Suijin: " + e.getMessage());
            launcher.close();
            System.exit(1);
        }
        launcher.printReady();
        new CountDownLatch(1).await();
    }

    /** The project checkout: set by ./run, else found from this jar (launcher/target/suijin-launcher.jar). */
    private static Path home() {
        String home = System.getProperty("suijin.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath();
        }
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
