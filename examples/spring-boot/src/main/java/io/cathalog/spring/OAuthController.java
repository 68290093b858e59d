package io.cathalog.spring;

import io.cathalog.core.CathalogException;
import io.cathalog.core.auth.AuthorizedAccount;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.jobs.SyncScheduler;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * Connecting a Bling account: {@code /bling/connect?account=…} sends the admin to Bling's consent
 * page with a fresh single-use state; Bling sends the browser back to {@code /bling/callback} (the
 * link registered on the Bling app), where the library checks the state, exchanges the code once
 * and stores the tokens. The account's paused runs resume. No loopback server: the callback is an
 * ordinary endpoint of this application.
 */
@Controller
class OAuthController {
    private final Accounts accounts;
    private final TokenManager tokens;
    private final SyncScheduler scheduler;

    OAuthController(Accounts accounts, TokenManager tokens, SyncScheduler scheduler) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.scheduler = scheduler;
    }

    @GetMapping("/bling/connect")
    RedirectView connect(@RequestParam("account") String account) {
        AccountRuntime a = accounts.get(account).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no account of that id is configured"));
        RedirectView consent = new RedirectView(AccountLogging.with(a.id(),
                () -> tokens.authorization().authorizeUrl(a.id())).toString());
        consent.setStatusCode(HttpStatus.FOUND);
        return consent;
    }

    @GetMapping("/bling/callback")
    String callback(@RequestParam Map<String, String> query, Model model, HttpServletResponse response) {
        try {
            AuthorizedAccount done = tokens.authorization().handleCallback(query);
            AccountLogging.with(done.accountId(), () -> scheduler.resume(done.accountId()));
            model.addAttribute("ok", true);
            model.addAttribute("account", done.accountId());
            model.addAttribute("message", "Account " + done.accountId() + " is connected to Bling; it syncs now.");
        } catch (CathalogException e) {
            // state_mismatch, state_expired, access_denied, a reused code...: said plainly, escaped by the template.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("ok", false);
            model.addAttribute("message", "The account was not connected: " + e.getMessage());
        }
        return "callback";
    }
}
