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
}
