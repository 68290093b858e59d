package io.cathalog.spring;

import io.cathalog.bling.webhooks.WebhookReceiver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bling's webhooks ({@code POST /bling/webhooks}, registered on the Bling app for the product
 * resource): the raw body and the headers go to the library's receiver untouched, because the
 * signature is over the raw bytes. The receiver answers at once (202 for a product event: the
 * account's next run is due now and re-reads the product); the run happens on the scheduler's
 * threads. No CSRF and no login here: the HMAC signature is the authentication.
 */
@RestController
class WebhookController {
    /** Bling's events are small; a larger body is refused by the receiver without reading all of it. */
    static final int MAX_BODY = 1024 * 1024;

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping(path = "/bling/webhooks", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        WebhookReceiver.Response r = receiver.receive(body, headers);
        return ResponseEntity.status(r.status()).body(r.body());
    }
}
