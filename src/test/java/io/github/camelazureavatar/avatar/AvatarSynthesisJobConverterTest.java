package io.github.camelazureavatar.avatar;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A job converts back to the JSON Azure sent, fields unknown to the model included. */
class AvatarSynthesisJobConverterTest {

    private static final String JSON = """
            {"id":"my-job-01","status":"Succeeded","createdDateTime":"2024-03-06T07:34:08.9487009Z",
             "lastActionDateTime":"2024-03-06T07:34:46.363789","inputKind":"PlainText",
             "avatarConfig":{"talkingAvatarCharacter":"lisa","photoAvatarBaseModel":"vasa-1"},
             "addedByAzureLater":{"nested":[1,2,3]}}""";

    @Test
    void toStringInputStreamBytesAndMap() throws Exception {
        AvatarSynthesisJob job = new AvatarApiDialect(AvatarApiVersion.V2024_08_01, URI.create("https://x.example.com"))
                .readJob(JSON.getBytes(StandardCharsets.UTF_8));
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            TypeConverter converter = context.getTypeConverter();
            ObjectMapper mapper = new ObjectMapper();

            // every field Azure sent, also those the model does not know
            assertThat(mapper.readTree(converter.mandatoryConvertTo(String.class, job))).isEqualTo(mapper.readTree(JSON));
            try (InputStream in = converter.mandatoryConvertTo(InputStream.class, job)) {
                assertThat(mapper.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .isEqualTo(mapper.readTree(JSON));
            }
            assertThat(mapper.readTree(converter.mandatoryConvertTo(byte[].class, job))).isEqualTo(mapper.readTree(JSON));
            assertThat(job.getJson()).isEqualTo(mapper.readTree(JSON));
            Map<?, ?> map = converter.mandatoryConvertTo(Map.class, job);
            assertThat(map.get("id")).isEqualTo("my-job-01");
            assertThat(map.get("addedByAzureLater")).isInstanceOf(Map.class).asString().contains("nested");
            assertThat(((Map<?, ?>) map.get("avatarConfig")).get("photoAvatarBaseModel")).isEqualTo("vasa-1");
        }
    }
}
