package io.github.camelazureavatar.avatar.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies far larger than the heap: each scenario of {@link BoundedMemoryScenario} runs in a JVM with 96 MiB of heap,
 * where reading the body whole would end in an OutOfMemoryError.
 */
class BoundedMemoryIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "download-1GiB", "summary-600MB", "create-600MB-file", "create-600MB-stream" })
    void streamsOrRefusesWithoutReadingTheWholeBody(String scenario) throws Exception {
        String output = runChildJvm(dir.resolve(scenario + ".log"), "-Xmx96m", BoundedMemoryScenario.class, scenario,
                dir.toString());
        assertThat(output).as(output).containsPattern("(?m)^ok ");
    }

    /** Runs mainClass in a JVM of the given heap, stopped at its first OutOfMemoryError; asserts it ended well. */
    static String runChildJvm(Path log, String heap, Class<?> mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("ended within 5 minutes: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
