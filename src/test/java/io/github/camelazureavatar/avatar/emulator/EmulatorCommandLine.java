package io.github.camelazureavatar.avatar.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-alone emulator's options: {@link AvatarEmulator#main} and
 * {@code mvn -Pemulator test-compile exec:java -Demulator.args="..."}. It runs on real time
 * (or real time sped up) with realistic job durations, prints the ready line scripts wait for,
 * then what it accepts.
 */
final class EmulatorCommandLine {

    /** The first line printed once the emulator listens; scripts wait for it. */
    static final String READY_LINE = "Azure avatar emulator listening on %s (blob host %s), key %s";

    static final String USAGE = """
            Options (durations as 500ms, 5s, 1m, 2h, 7d or ISO 8601 such as PT5S):
              --port N                API port, 0 for any free one (default 0)
              --bind ADDR             API address (default 127.0.0.1; the blob host is 127.0.0.2)
              --key K                 the subscription key it accepts (default emulator-key)
              --token T               also accept Authorization: Bearer T (repeatable)
              --any-token             accept any bearer token, as if Microsoft Entra ID issued it
              --quota N/WINDOW        at most N requests per WINDOW, then 429 (Azure: 2/1m for batch avatar)
              --rate-limit-headers    X-RateLimit-Limit/-Remaining/-Reset on every answer (3.1-preview1: 50/5s)
              --not-started D         how long a job stays NotStarted (default 3s)
              --running D             how long it runs (default 8s)
              --failure-rate R        fraction 0..1 of jobs that end Failed (default 0; [fail] in a text always fails)
              --seed N                seed of the failure draws and ids (default 42)
              --time-scale F          emulated time runs F times faster than real time (default 1)
              --sas-lifetime D        how long output links stay valid after each read (default 24h)
              --max-active-jobs N     unfinished jobs a create may reach (default 200)
              --fault SPEC[:N]        the next N API requests (default 1) answer SPEC: an HTTP status
                                      (503, 429, ...), delay=D, reset, malformed or truncated (repeatable)
              --fault-rate R:SPEC     a fraction R of API requests answers SPEC, at random
              --help                  this text
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private EmulatorCommandLine() {
    }

    /** Parses, starts and prints; null after {@code --help}. */
    static AvatarEmulator launch(String[] args, PrintStream out) {
        AvatarEmulator.Builder b = AvatarEmulator.builder()
                .notStartedFor(Duration.ofSeconds(3))
                .runningFor(Duration.ofSeconds(8));
        double scale = 1;
        double failureRate = 0;
        long seed = 42;
        int quotaRequests = 0;
        Duration quotaWindow = null;
        boolean rateLimitHeaders = false;
        List<Consumer<Faults>> faults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--any-token" -> b.acceptAnyBearerToken();
                case "--rate-limit-headers" -> rateLimitHeaders = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Missing value for " + arg);
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--port" -> b.port(Integer.parseInt(value));
                        case "--bind" -> b.bind(value);
                        case "--key" -> b.subscriptionKey(value);
                        case "--token" -> b.acceptedBearerToken(value);
                        case "--quota" -> {
                            String[] parts = value.split("/", 2);
                            if (parts.length != 2) {
                                throw new IllegalArgumentException("--quota wants N/WINDOW, for example 2/1m: " + value);
                            }
                            quotaRequests = Integer.parseInt(parts[0].trim());
                            quotaWindow = duration(parts[1].trim());
                        }
                        case "--not-started" -> b.notStartedFor(duration(value));
                        case "--running" -> b.runningFor(duration(value));
                        case "--failure-rate" -> failureRate = Double.parseDouble(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--time-scale" -> scale = Double.parseDouble(value);
                        case "--sas-lifetime" -> b.sasLifetime(duration(value));
                        case "--max-active-jobs" -> b.maxActiveJobs(Integer.parseInt(value));
                        case "--fault" -> {
                            int colon = value.lastIndexOf(':');
                            int n = colon > 0 ? Integer.parseInt(value.substring(colon + 1)) : 1;
                            Fault fault = fault(colon > 0 ? value.substring(0, colon) : value);
                            faults.add(f -> f.next(n, fault));
                        }
                        case "--fault-rate" -> {
                            String[] parts = value.split(":", 2);
                            if (parts.length != 2) {
                                throw new IllegalArgumentException("--fault-rate wants R:SPEC, for example 0.1:503: " + value);
                            }
                            double rate = Double.parseDouble(parts[0]);
                            Fault fault = fault(parts[1]);
                            long faultSeed = seed;
                            faults.add(f -> f.randomly(rate, fault, faultSeed));
                        }
                        default -> throw new IllegalArgumentException("Unknown option " + arg + " (see --help)");
                    }
                }
            }
        }
        b.clock(scale == 1 ? new SystemClock() : ScaledClock.startingNow(scale)).failureRate(failureRate, seed);
        if (quotaRequests > 0) {
            if (rateLimitHeaders) {
                b.quotaWithRateLimitHeaders(quotaRequests, quotaWindow);
            } else {
                b.quota(quotaRequests, quotaWindow);
            }
        } else if (rateLimitHeaders) {
            throw new IllegalArgumentException("--rate-limit-headers needs a --quota");
        }
        AvatarEmulator emulator = b.start();
        faults.forEach(action -> action.accept(emulator.faults()));
        out.println(String.format(READY_LINE, emulator.baseUrl(), emulator.blobBaseUrl(), emulator.subscriptionKey()));
        emulator.describe().forEach(line -> out.println("  " + line));
        out.flush();
        return emulator;
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a duration: " + text + " (use 500ms, 5s, 1m, 2h, 7d or PT5S)");
        }
    }

    static Fault fault(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("delay=")) {
            return Fault.delay(duration(s.substring(6)));
        }
        return switch (s) {
            case "reset" -> Fault.connectionReset();
            case "malformed" -> Fault.malformedJson();
            case "truncated" -> Fault.truncatedJson();
            default -> {
                try {
                    yield Fault.status(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a fault: " + spec
                            + " (use an HTTP status, delay=D, reset, malformed or truncated)");
                }
            }
        };
    }
}
