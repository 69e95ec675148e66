package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Output links carry an expiry the blob host enforces on the emulator's clock, and every read of the job signs them afresh. */
class AvatarEmulatorSasTest {

    private AvatarEmulator emu;
    private EmulatorHttp http;
    private EmulatorHttp anonymous;

    @BeforeEach
    void start() {
        emu = AvatarEmulator.builder().sasLifetime(Duration.ofMinutes(10)).start();
        http = new EmulatorHttp(emu);
        anonymous = new EmulatorHttp(emu, null);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private String result(String id) {
        return json(http.get(B + "/" + id + "?" + V)).at("/outputs/result").asText();
    }

    @Test
    void aLinkExpiresAndTheNextReadOfTheJobSignsAFreshOne() {
        http.createB("sas-1", EmulatorHttp.bodyB("x"));
        emu.advance(Duration.ofSeconds(15));
        String first = result("sas-1");
        Map<String, String> sas = Http.query(first.substring(first.indexOf('?') + 1));
        assertThat(Instant.parse(sas.get("se"))).isEqualTo(emu.clock().now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(sas).containsEntry("sr", "b").containsEntry("sp", "r").containsKey("st");
        assertThat(anonymous.get(first).statusCode()).isEqualTo(200);

        emu.advance(Duration.ofMinutes(11));
        HttpResponse<String> expired = anonymous.get(first);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("x-ms-error-code")).hasValue("AuthenticationFailed");
        assertThat(expired.body()).contains("Signed expiry time [").contains("must be after signed start time");

        String second = result("sas-1");
        assertThat(second).isNotEqualTo(first);
        assertThat(anonymous.get(second).statusCode()).isEqualTo(200);
        String summary = json(http.get(A + "/sas-1")).at("/outputs/summary").asText();
        assertThat(anonymous.get(summary).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignatureCannotBeWidenedOrMovedToAnotherJob() {
        http.createB("sas-1", EmulatorHttp.bodyB("x"));
        http.createB("sas-2", EmulatorHttp.bodyB("y"));
        emu.advance(Duration.ofSeconds(15));
        String one = result("sas-1");
        String two = result("sas-2");
        assertThat(anonymous.get(one.replace("sp=r", "sp=rwd")).statusCode()).isEqualTo(403);
        assertThat(anonymous.get(one.replace("se=", "se=2").replaceFirst("se=2\\d{4}", "se=2099")).statusCode()).isEqualTo(403);
        String moved = one.substring(0, one.indexOf('?')) + two.substring(two.indexOf('?'));
        assertThat(anonymous.get(moved).statusCode()).isEqualTo(403);
    }
}
