package io.github.camelazureavatar.avatar.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskingTest {

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
        assertThat(SecretMasking.maskUrl("https://h/a&sig=path?x=1&sig=2&&token")).isEqualTo("https://h/a&sig=path?x=1&sig=xxxxxx&&token");
        assertThat(SecretMasking.maskUrl(null)).isNull();
    }

    @Test
    void masksSecretsAnywhereInText() {
        assertThat(SecretMasking.maskText("<Message>Server failed with sv=1&amp;sig=abc%2B&amp;se=2 for "
                                          + "https://h/p?Key=k2#x; token=t3 and subscription-key=k4</Message>"))
                .isEqualTo("<Message>Server failed with sv=1&amp;sig=xxxxxx&amp;se=2 for https://h/p?Key=xxxxxx#x; "
                           + "token=xxxxxx and subscription-key=xxxxxx</Message>");
        assertThat(SecretMasking.maskText("no secret, signature=1 monkey=2")).isEqualTo("no secret, signature=1 monkey=2");
        assertThat(SecretMasking.maskText(null)).isNull();
    }
}
