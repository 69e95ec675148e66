package io.github.camelazureavatar.examples.jobs;

import java.util.Locale;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** Turns an input file into the body of a create: plain text for {@code .txt}, SSML for {@code .ssml}. */
public class JobRequests {

    static final String VOICE = "en-US-AvaMultilingualNeural";

    public AvatarSynthesisRequest fromFile(@Body String content, @Header(Exchange.FILE_NAME) String fileName) {
        AvatarSynthesisRequest.Builder request = AvatarSynthesisRequest.builder()
                .description("job-notifications demo: " + fileName)
                .avatar("lisa", "casual-sitting")
                .avatarConfig("videoFormat", "mp4")
                .avatarConfig("videoCodec", "h264");
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".ssml")) {
            // the voice is named inside the SSML
            request.ssml(content.strip());
        } else {
            request.text(content.strip()).voice(VOICE);
        }
        return request.build();
    }
}
