package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void mainPrintsFourLinesAndServesUntilKilled() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                BlingSandbox.class.getName(), "--seed", "demo", "--auto-approve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                lines.add(out.readLine());
            }
            assertThat(lines.get(0)).matches("base-url: http://127\\.0\\.0\\.1:\\d+/Api/v3");
            assertThat(lines.get(1)).isEqualTo("client-id: " + OAuthApp.DEMO_CLIENT_ID);
            assertThat(lines.get(2)).isEqualTo("client-secret: " + OAuthApp.DEMO_CLIENT_SECRET);
            assertThat(lines.get(3)).isEqualTo("redirect-uri: " + OAuthApp.DEMO_REDIRECT_URI);
            String base = lines.get(0).substring("base-url: ".length());

            HttpResponse<String> authorize = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/oauth/authorize?response_type=code&client_id=" + OAuthApp.DEMO_CLIENT_ID + "&state=abc")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(authorize.statusCode()).isEqualTo(302);
            String code = OAuthService.form(URI.create(authorize.headers().firstValue("Location").orElseThrow()).getRawQuery())
                    .get("code");
            HttpResponse<String> token = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (OAuthApp.DEMO_CLIENT_ID + ":" + OAuthApp.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            String access = Api.JSON.readTree(token.body()).get("access_token").asText();
            HttpResponse<String> channels = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/canais-venda"))
                    .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(channels.statusCode()).isEqualTo(200);
            assertThat(channels.body()).contains("MercadoLivre", "Shopee");
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void argumentsAreValidated() {
        assertThatThrownBy(() -> BlingSandbox.parse(new String[] {"--seed", "big"}, BlingSandbox.builder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo");
        assertThatThrownBy(() -> BlingSandbox.parse(new String[] {"--port", "x"}, BlingSandbox.builder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> BlingSandbox.parse(new String[] {"--verbose"}, BlingSandbox.builder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
    }
}
