package io.github.camelazureavatar.avatar;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * azure-core is an optional dependency: with a subscription key the component must run without it. The test classpath
 * minus azure-core (and its reactor and netty friends are left in: only com.azure is missing) runs a key-only route in
 * a fresh class loader, against the emulator over HTTP.
 */
class OptionalAzureCoreTest {

    /** Loads everything itself (parent: the platform loader) and records every com.azure class it was asked for. */
    static final class WithoutAzureCore extends URLClassLoader {
        final Set<String> azureRequests = ConcurrentHashMap.newKeySet();

        WithoutAzureCore(URL[] urls) {
            super("without-azure-core", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.azure.")) {
                azureRequests.add(name);
            }
            return super.loadClass(name, resolve);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void aKeyOnlyRouteRunsWithoutAzureCore() throws Exception {
        List<URL> urls = testClasspath();
        int before = urls.size();
        urls.removeIf(url -> url.getPath().contains("/com/azure/"));
        assertThat(urls).as("azure-core was on the test classpath and is now left out").hasSizeLessThan(before);

        try (AvatarEmulator emu = AvatarEmulator.builder().subscriptionKey("k-without-azure").start();
             WithoutAzureCore loader = new WithoutAzureCore(urls.toArray(new URL[0]))) {
            assertThatThrownBy(() -> loader.loadClass("com.azure.core.credential.TokenCredential"))
                    .isInstanceOf(ClassNotFoundException.class);
            loader.azureRequests.clear();

            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            String result;
            try {
                result = (String) loader.loadClass(KeyPathProbe.class.getName())
                        .getMethod("run", String.class, String.class).invoke(null, emu.baseUrl(), "k-without-azure");
            } finally {
                thread.setContextClassLoader(previous);
            }

            assertThat(result).contains("AvatarSynthesisJob[id=no-azure-core, status=NotStarted");
            assertThat(emu.jobStatus("no-azure-core")).contains("NotStarted");
            assertThat(loader.loaded("io.github.camelazureavatar.avatar.AzureAvatarProducer")).isTrue();
            assertThat(loader.loaded("io.github.camelazureavatar.avatar.client.TokenCredentialAuth")).isFalse();
            assertThat(loader.azureRequests).as("the only azure-core lookup is the component's presence check")
                    .containsOnly("com.azure.core.credential.TokenCredential");
        }
    }

    /** The forked test JVM's classpath; surefire may hand it over as a manifest-only jar. */
    private static List<URL> testClasspath() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            File file = new File(entry);
            urls.add(file.toURI().toURL());
            if (file.getName().endsWith(".jar") && file.isFile()) {
                try (JarFile jar = new JarFile(file)) {
                    Manifest manifest = jar.getManifest();
                    String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String ref : classPath.trim().split("\\s+")) {
                            urls.add(resolve(file.toPath(), ref));
                        }
                    }
                }
            }
        }
        return urls;
    }

    private static URL resolve(Path jar, String ref) throws MalformedURLException {
        try {
            return jar.toUri().resolve(ref).toURL();
        } catch (IllegalArgumentException e) {
            return new URL(ref);
        }
    }
}
