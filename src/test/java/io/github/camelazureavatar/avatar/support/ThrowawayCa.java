package io.github.camelazureavatar.avatar.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made for one test with the JDK's keytool, and a server certificate it signed for 127.0.0.1:
 * what a private CA or a TLS-inspecting gateway looks like to the component. Nothing of it is trusted by the JVM.
 */
public final class ThrowawayCa {

    public static final String PASSWORD = "changeit";

    private final Path dir;

    private ThrowawayCa(Path dir) {
        this.dir = dir;
    }

    public static ThrowawayCa create(Path dir) throws IOException, InterruptedException {
        ThrowawayCa ca = new ThrowawayCa(dir);
        ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Throw-away test CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", "ca.p12");
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        ca.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "truststore.p12");
        ca.keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-validity", "2",
                "-keystore", "server.p12");
        ca.keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        ca.keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile",
                "server.pem", "-ext", "san=ip:127.0.0.1", "-validity", "2");
        ca.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "server.p12");
        ca.keytool("-importcert", "-alias", "server", "-file", "server.pem", "-keystore", "server.p12");
        return ca;
    }

    /** A PKCS12 trust store holding the CA's certificate only. */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** The server side: the key and the chain the CA signed, for the emulator's HTTPS. */
    public SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
