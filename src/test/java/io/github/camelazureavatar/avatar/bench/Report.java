package io.github.camelazureavatar.avatar.bench;

import java.util.List;
import java.util.Locale;

import io.github.camelazureavatar.avatar.bench.ConsumerBenchmark.Samples;
import io.github.camelazureavatar.avatar.bench.ConsumerBenchmark.SteadyRow;
import io.github.camelazureavatar.avatar.bench.ConsumerBenchmark.ThroughputRow;

/** The benchmark's tables, as Markdown for people and CSV for tools. */
final class Report {

    private Report() {
    }

    static String throughputTable(List<ThroughputRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Delivery: one poll (or walk) delivering N jobs, 100 per page; jobs/s median (min..max). "
                   + "(a) the consumer as configured by default\n\n");
        out.append("| N | (a) consumer | (b) hand-written route | (c) raw floor | a/c | a/b | requests/poll "
                   + "| emulator busy (a) / (c) | heap retained (a) | allocated (a) |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ThroughputRow r : rows) {
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %.2f | %.2f | %d | %.0f%% / %.0f%% "
                                                  + "| %.1f MiB | %.1f MiB |%n",
                    r.n(), rate(r.consumer()), rate(r.handWritten()), rate(r.floor()),
                    r.consumer().rate() / r.floor().rate(), r.consumer().rate() / r.handWritten().rate(),
                    r.consumer().requestsPerRun(), 100 * r.consumer().emulatorShare(), 100 * r.floor().emulatorShare(),
                    mib(r.heap().retainedBytes()), mib(r.heap().allocatedBytes())));
        }
        return out.toString();
    }

    static String steadyTable(List<SteadyRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Steady state: a poll after every listed job was delivered; time median (min..max)\n\n");
        out.append("| jobs | mode | requests/poll | poll time | heap retained | allocated |\n");
        out.append("|---|---|---:|---:|---:|---:|\n");
        for (SteadyRow r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.2f MiB | %.2f MiB |%n", r.scenario(), r.mode(),
                    r.requests(), r.samples().timeText(), mib(r.heap().retainedBytes()), mib(r.heap().allocatedBytes())));
        }
        return out.toString();
    }

    static String throughputCsv(List<ThroughputRow> rows) {
        StringBuilder out = new StringBuilder("n,consumer_jobs_per_s,consumer_min,consumer_max,"
                                              + "hand_written_jobs_per_s,hand_written_min,hand_written_max,"
                                              + "raw_floor_jobs_per_s,raw_floor_min,raw_floor_max,a_over_c,a_over_b,"
                                              + "requests_per_poll,emulator_share_consumer,emulator_share_floor,"
                                              + "heap_retained_bytes,allocated_bytes\n");
        for (ThroughputRow r : rows) {
            out.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f,%.3f,%d,%.3f,%.3f,%d,%d%n",
                    r.n(), csv(r.consumer()), csv(r.handWritten()), csv(r.floor()),
                    r.consumer().rate() / r.floor().rate(), r.consumer().rate() / r.handWritten().rate(),
                    r.consumer().requestsPerRun(), r.consumer().emulatorShare(), r.floor().emulatorShare(),
                    r.heap().retainedBytes(), r.heap().allocatedBytes()));
        }
        return out.toString();
    }

    static String steadyCsv(List<SteadyRow> rows) {
        StringBuilder out = new StringBuilder("scenario,mode,jobs,requests_per_poll,poll_ms_median,heap_retained_bytes,"
                                              + "allocated_bytes\n");
        for (SteadyRow r : rows) {
            out.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%d,%.3f,%d,%d%n", r.scenario(), r.mode(), r.jobs(),
                    r.requests(), r.samples().millis(), r.heap().retainedBytes(), r.heap().allocatedBytes()));
        }
        return out.toString();
    }

    private static String rate(Samples s) {
        return String.format(Locale.ROOT, "%,.0f (%,.0f..%,.0f)", s.rate(), s.minRate(), s.maxRate());
    }

    private static String csv(Samples s) {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f", s.rate(), s.minRate(), s.maxRate());
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }
}
