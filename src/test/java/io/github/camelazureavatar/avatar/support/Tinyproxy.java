package io.github.camelazureavatar.avatar.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;

/**
 * Debian's tinyproxy, a real forward proxy, started for one test on 127.0.0.1 and a free port with its own config and
 * log in a temp dir. .ci/run installs it; where it is missing the test is skipped, saying so on stderr.
 */
public final class Tinyproxy implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private Tinyproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts tinyproxy asking for these Basic credentials (none when user is null), or skips the test without it. */
    public static Tinyproxy start(Path dir, String user, String password) throws IOException {
        String binary = binary();
        if (binary == null) {
            System.err.println("SKIPPED: tinyproxy is not installed (apt-get install -y tinyproxy; .ci/run does): "
                               + "the forward proxy test did not run");
        }
        Assumptions.assumeTrue(binary != null, "tinyproxy is not installed");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("tinyproxy.log");
        Path config = dir.resolve("tinyproxy.conf");
        Files.writeString(config, String.join("\n", "Port " + port, "Listen 127.0.0.1", "Timeout 60",
                "LogFile \"" + log + "\"", "LogLevel Info", "MaxClients 50", "Allow 127.0.0.1",
                user == null ? "" : "BasicAuth " + user + " " + password, ""));
        Process process = new ProcessBuilder(binary, "-d", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tinyproxy.out").toFile()).start();
        Tinyproxy proxy = new Tinyproxy(process, log, port);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("tinyproxy ended: " + Files.readString(dir.resolve("tinyproxy.out")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return proxy;
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String candidate : new String[] { dir + "/tinyproxy", dir.replaceAll("/bin$", "/sbin") + "/tinyproxy" }) {
                if (new File(candidate).canExecute()) {
                    return candidate;
                }
            }
        }
        return new File("/usr/bin/tinyproxy").canExecute() ? "/usr/bin/tinyproxy" : null;
    }

    public int port() {
        return port;
    }

    /** The proxy's own log, as it wrote it. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
