package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Renders a job in each dialect, and its summary.json. A job's JSON only changes with its
 * status, so it is rendered once per (dialect, status) and cached on the job: listing 100 jobs
 * is 100 string copies, not 100 serialisations. Only {@code outputs} is added on every read,
 * last, since its SAS URLs are signed afresh each time.
 */
final class JobJson {

    static final String FAILURE_CODE = "InvalidRequest";
    static final long VIDEO_MILLIS_PER_INPUT = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlobLayout blobs;
    private final long defaultResultSize;

    JobJson(BlobLayout blobs, long defaultResultSize) {
        this.blobs = blobs;
        this.defaultResultSize = defaultResultSize;
    }

    String render(EmulatedJob job, Dialect dialect, Instant now) {
        return appendTo(new StringBuilder(2048), job, dialect, now).toString();
    }

    /** Appends the job's JSON to {@code out} (a list page), without a copy of its own. */
    StringBuilder appendTo(StringBuilder out, EmulatedJob job, Dialect dialect, Instant now) {
        JobStatus status = job.statusAt(now);
        String json = job.cachedJson(dialect, status);
        if (json == null) {
            json = (dialect == Dialect.PREVIEW ? preview(job, status) : batch(job, status)).toString();
            job.cacheJson(dialect, status, json);
        }
        if (!status.isFinished()) {
            return out.append(json);
        }
        return out.append(json, 0, json.length() - 1).append(job.outputs(now, second -> outputs(job, status, second))).append('}');
    }

    /** {@code ,"outputs":{...}}: summary always, result only when the job succeeded. */
    private String outputs(EmulatedJob job, JobStatus status, Instant now) {
        String sas = blobs.sasQuery(job, now);
        StringBuilder out = new StringBuilder(600).append(",\"outputs\":{");
        if (status == JobStatus.SUCCEEDED) {
            quoted(out.append("\"result\":"), blobs.result(job, sas)).append(',');
        }
        return quoted(out.append("\"summary\":"), blobs.summary(job, sas)).append('}').toString();
    }

    private static StringBuilder quoted(StringBuilder out, String value) {
        return out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }

    private ObjectNode preview(EmulatedJob job, JobStatus status) {
        JobDraft d = job.draft;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", job.id());
        root.put("displayName", d.displayName != null ? d.displayName : job.id());
        if (d.description != null) {
            root.put("description", d.description);
        }
        root.put("textType", d.inputKind);
        if (d.synthesisConfig != null) {
            root.set("synthesisConfig", d.synthesisConfig.deepCopy());
        }
        root.set("customVoices", d.customVoices.deepCopy());
        ObjectNode p = root.putObject("properties");
        if (status.isFinished()) {
            int ok = status == JobStatus.SUCCEEDED ? d.inputCount : 0;
            if (ok > 0) {
                long millis = VIDEO_MILLIS_PER_INPUT * d.inputCount;
                p.put("audioSize", job.resultSize(defaultResultSize));
                p.put("durationInTicks", millis * 10_000);
                p.put("duration", java.time.Duration.ofMillis(millis).toString());
            }
            p.put("succeededAudioCount", ok);
            p.put("failedAudioCount", d.inputCount - ok);
            if (ok > 0) {
                boolean custom = !d.customVoices.isEmpty();
                p.putObject("billingDetails")
                        .put("customNeural", custom ? d.billedCharacters : 0)
                        .put("neural", custom ? 0 : d.billedCharacters);
            } else {
                p.putObject("error").put("code", FAILURE_CODE).put("message", d.failureMessage);
            }
        }
        p.put("timeToLive", d.ttlText != null ? d.ttlText : isoTtl(d));
        p.put("outputFormat", "riff-24khz-16bit-mono-pcm");
        putAvatarSettings(p, d, d.videoFormat.toLowerCase(Locale.ROOT), "kBitrate");
        root.put("lastActionDateTime", AzureDates.preview(job.enteredAt(status)));
        root.put("status", status.wireName());
        root.put("createdDateTime", AzureDates.preview(job.created));
        return root;
    }

    private static String isoTtl(JobDraft d) {
        long hours = d.ttl.toHours();
        return hours % 24 == 0 ? "P" + hours / 24 + "D" : "PT" + hours + "H";
    }

    private ObjectNode batch(EmulatedJob job, JobStatus status) {
        JobDraft d = job.draft;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", job.id());
        root.put("internalId", job.internalId());
        root.put("status", status.wireName());
        root.put("createdDateTime", AzureDates.batch(job.created));
        Instant last = job.enteredAt(status);
        // The real service drops the offset and a digit once a job is finished; clients must cope.
        root.put("lastActionDateTime", status.isFinished() ? AzureDates.batchFinished(last) : AzureDates.batch(last));
        root.put("inputKind", d.inputKind);
        root.set("customVoices", d.customVoices.deepCopy());
        if (d.description != null) {
            root.put("description", d.description);
        }
        ObjectNode p = root.putObject("properties");
        p.put("timeToLiveInHours", d.ttl.toHours());
        if (status.isFinished()) {
            int ok = status == JobStatus.SUCCEEDED ? d.inputCount : 0;
            if (ok > 0) {
                p.put("sizeInBytes", job.resultSize(defaultResultSize));
                p.put("durationInMilliseconds", VIDEO_MILLIS_PER_INPUT * d.inputCount);
            }
            p.put("succeededCount", ok);
            p.put("failedCount", d.inputCount - ok);
            if (ok > 0) {
                boolean custom = !d.customVoices.isEmpty();
                p.putObject("billingDetails")
                        .put(custom ? "customNeuralCharacters" : "neuralCharacters", d.billedCharacters)
                        .put("talkingAvatarDurationSeconds", VIDEO_MILLIS_PER_INPUT * d.inputCount / 1000);
            } else {
                p.putObject("error").put("code", FAILURE_CODE).put("message", d.failureMessage);
            }
        }
        if (d.synthesisConfig != null) {
            root.set("synthesisConfig", d.synthesisConfig.deepCopy());
        }
        putAvatarSettings(root.putObject("avatarConfig"), d, capitalise(d.videoFormat), "bitrateKbps");
        return root;
    }

    /**
     * The avatar's settings: the same fields in both generations (in properties for 3.1-preview1, in avatarConfig
     * for 2024), but for the video format's case and the bitrate's name.
     */
    private static void putAvatarSettings(ObjectNode target, JobDraft d, String videoFormat, String bitrateField) {
        target.put("talkingAvatarCharacter", d.character);
        if (d.style != null) {
            target.put("talkingAvatarStyle", d.style);
        }
        target.put("videoFormat", videoFormat);
        target.put("videoCodec", d.videoCodec);
        target.put("subtitleType", d.subtitleType);
        if (d.backgroundColor != null) {
            target.put("backgroundColor", d.backgroundColor);
        }
        target.setAll(d.avatarExtras.deepCopy());
        target.put(bitrateField, d.bitrateKbps);
        target.put("customized", d.customized);
    }

    private static String capitalise(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** summary.json as §7 of the API notes: mixed key casing, billing numbers as strings (A only). */
    String summary(EmulatedJob job, JobStatus status) {
        JobDraft d = job.draft;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("jobID", job.internalId());
        root.put("status", status.wireName());
        ArrayNode results = root.putArray("results");
        List<String> texts = d.texts != null ? d.texts : List.of("Seeded job " + job.id() + ".");
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode r = results.addObject();
            r.putArray("texts").add(asSsml(d, texts.get(i)));
            r.put("status", status.wireName());
            if (status == JobStatus.SUCCEEDED) {
                if (d.createdVia == Dialect.PREVIEW) {
                    r.putObject("billingDetails")
                            .put("Neural", Long.toString(d.billedCharacters))
                            .put("TalkingAvatarDuration", Long.toString(VIDEO_MILLIS_PER_INPUT / 1000));
                }
                r.put("videoFileName", blobs.videoFileName(job, i + 1));
            } else {
                r.put("errorMessage", d.failureMessage);
            }
            r.put("TalkingAvatarCharacter", d.character);
            if (d.style != null) {
                r.put("TalkingAvatarStyle", d.style);
            }
        }
        return root.toString();
    }

    private static String asSsml(JobDraft d, String text) {
        if ("SSML".equalsIgnoreCase(d.inputKind)) {
            return text;
        }
        String voice = d.synthesisConfig != null && d.synthesisConfig.hasNonNull("voice")
                ? d.synthesisConfig.get("voice").asText() : "en-US-AvaMultilingualNeural";
        return "<speak version='1.0' xml:lang='en-US'><voice name='" + xml(voice) + "'>" + xml(text) + "</voice></speak>";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
