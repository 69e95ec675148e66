package io.github.camelazureavatar.avatar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import org.apache.camel.Converter;

/**
 * Turns a job back into the JSON Azure sent, every field included, so routes can pass it on; the signatures of its
 * links are masked (see {@link AvatarSynthesisJob#toJson()}).
 */
@Converter(generateLoader = true)
public final class AvatarSynthesisJobConverter {

    private AvatarSynthesisJobConverter() {
    }

    @Converter
    public static String toJson(AvatarSynthesisJob job) {
        return job.toJson();
    }

    @Converter
    public static InputStream toInputStream(AvatarSynthesisJob job) {
        return new ByteArrayInputStream(toBytes(job));
    }

    @Converter
    public static byte[] toBytes(AvatarSynthesisJob job) {
        return job.toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static Map<String, Object> toMap(AvatarSynthesisJob job) throws IOException {
        return AvatarApiDialect.MAPPER.readerForMapOf(Object.class).readValue(job.toJson());
    }
}
