package io.github.camelazureavatar.avatar.model;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskingTest {

    /** The rule as a regular expression, which is how it was first written: the hand-written masker must agree. */
    private static final Pattern RULE = Pattern.compile(
            "(?i)([?&](?:sig|subscription-key|subscriptionKey|access_token|token|key)=)[^&#]*");

    @Test
    void masksSecretValuesOnly() {
        assertThat(SecretMasking.maskUrl(
                "https://blob.example/r/job.mp4?sv=2023-01-03&st=2026-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=abc%2Bdef%3D"))
                .isEqualTo("https://blob.example/r/job.mp4?sv=2023-01-03&st=2026-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=xxxxxx");
        assertThat(SecretMasking.maskUrl("https://h/p?SIG=1&Key=2&x=3#frag")).isEqualTo("https://h/p?SIG=xxxxxx&Key=xxxxxx&x=3#frag");
        assertThat(SecretMasking.maskUrl("https://h/p?subscription-key=k&access_token=t&token=u&subscriptionKey=v"))
                .isEqualTo("https://h/p?subscription-key=xxxxxx&access_token=xxxxxx&token=xxxxxx&subscriptionKey=xxxxxx");
        assertThat(SecretMasking.maskUrl("https://h/p?monkey=1&signature=2&sig")).isEqualTo("https://h/p?monkey=1&signature=2&sig");
        assertThat(SecretMasking.maskUrl("https://h/p?sig=")).isEqualTo("https://h/p?sig=xxxxxx");
        assertThat(SecretMasking.maskUrl("https://h/no-query")).isEqualTo("https://h/no-query");
        assertThat(SecretMasking.maskUrl(null)).isNull();
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomUrls() {
        List<String> pieces = List.of("?", "&", "#", "=", "sig", "SiG", "key", "token", "access_", "subscription-",
                "subscriptionKey", "Key", "x", "%3D", "/", "sv", "monkey", "");
        Random random = new Random(20261124);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder("https://h/p");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                url.append(pieces.get(random.nextInt(pieces.size())));
            }
            String candidate = url.toString();
            assertThat(SecretMasking.maskUrl(candidate)).as(candidate)
                    .isEqualTo(RULE.matcher(candidate).replaceAll("$1xxxxxx"));
        }
    }
}
