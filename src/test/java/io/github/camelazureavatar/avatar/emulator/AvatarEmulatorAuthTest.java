package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarEmulatorAuthTest {

    private AvatarEmulator emu;

    @BeforeEach
    void start() {
        emu = AvatarEmulator.builder().subscriptionKey("test-key")
                .acceptedBearerToken("token-1").acceptedBearerToken("token-2").start();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {A, B + "?" + V, "/avatar/operations/x?" + V, "/nowhere"})
    void missingOrWrongKeyGetsTheGateway401(String path) {
        for (EmulatorHttp client : new EmulatorHttp[] {new EmulatorHttp(emu, null), new EmulatorHttp(emu, "wrong")}) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("401");
            assertThat(json(r).at("/error/message").asText())
                    .startsWith("Access denied due to invalid subscription key or wrong API endpoint.");
        }
        assertThat(emu.requests().all()).allMatch(r -> r.status() == 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {A, B + "?" + V})
    void subscriptionKeyOrAcceptedBearerTokenIsLetIn(String path) {
        assertThat(new EmulatorHttp(emu, "test-key").get(path).statusCode()).isEqualTo(200);
        EmulatorHttp anonymous = new EmulatorHttp(emu, null);
        assertThat(anonymous.send("GET", path, null, "Authorization", "Bearer token-1").statusCode()).isEqualTo(200);
        assertThat(anonymous.send("GET", path, null, "Authorization", "bearer token-2").statusCode()).isEqualTo(200);
        assertThat(anonymous.send("GET", path, null, "Authorization", "Bearer token-3").statusCode()).isEqualTo(401);
        assertThat(anonymous.send("GET", path, null, "Authorization", "Basic dGVzdC1rZXk=").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT"})
    void unauthenticatedCreatesCreateNothing(String method) {
        EmulatorHttp anonymous = new EmulatorHttp(emu, null);
        String path = method.equals("POST") ? A : B + "/sneaky?" + V;
        String body = method.equals("POST") ? EmulatorHttp.bodyA("x") : EmulatorHttp.bodyB("x");
        assertThat(anonymous.send(method, path, body).statusCode()).isEqualTo(401);
        assertThat(emu.jobCount()).isZero();
    }
}
