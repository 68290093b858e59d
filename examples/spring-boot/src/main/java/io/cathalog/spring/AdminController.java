package io.cathalog.spring;

import io.cathalog.core.CathalogException;
import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The admin page ({@code /}): each account's status, its last runs, the pending plan in the
 * Terraform-like text, the items that need a person per store, and buttons to plan, apply the
 * reviewed plan, and sync now. Every value goes through Mustache's {@code {{ }}}, which escapes
 * HTML: product and category names come from Bling and may hold anything.
 */
@Controller
class AdminController {
    private final Accounts accounts;
    private final SyncScheduler scheduler;
    private final RunHistory runs;
    private final AdminService admin;
    private final BlingApp app;

    AdminController(Accounts accounts, SyncScheduler scheduler, RunHistory runs, AdminService admin, BlingApp app) {
        this.app = app;
        this.accounts = accounts;
        this.scheduler = scheduler;
        this.runs = runs;
        this.admin = admin;
    }

    @GetMapping("/")
    String page(Model model, CsrfToken csrf) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AccountRuntime a : accounts.all()) {
            list.add(account(a));
        }
        model.addAttribute("accounts", list);
        if (!model.containsAttribute("message")) {
            model.addAttribute("message", "");
        }
        model.addAttribute("hasMessage", !String.valueOf(model.getAttribute("message")).isEmpty());
        model.addAttribute("csrfParameter", csrf.getParameterName());
        model.addAttribute("csrfToken", csrf.getToken());
        return "admin";
    }

    @PostMapping("/accounts/{account}/plan")
    String plan(@PathVariable("account") String account, RedirectAttributes flash) {
        AccountRuntime a = account(account);
        try {
            AccountLogging.with(a.id(), () -> admin.plan(a));
        } catch (CathalogException e) {
            flash.addFlashAttribute("message", "Planning " + a.id() + " failed: " + e.getMessage());
        }
        return "redirect:/#account-" + a.id();
    }

    @PostMapping("/accounts/{account}/apply")
    String apply(@PathVariable("account") String account, @RequestParam("plan") String planId,
                 RedirectAttributes flash) {
        AccountRuntime a = account(account);
        try {
            AdminService.Applied result = AccountLogging.with(a.id(), () -> admin.apply(a, planId));
            flash.addFlashAttribute("message", a.id() + ": " + result.message());
        } catch (CathalogException e) {
            flash.addFlashAttribute("message", "Applying to " + a.id() + " failed: " + e.getMessage());
        }
        return "redirect:/#account-" + a.id();
    }

    @PostMapping("/accounts/{account}/sync")
    String sync(@PathVariable("account") String account, RedirectAttributes flash) {
        AccountRuntime a = account(account);
        boolean queued = AccountLogging.with(a.id(), () -> scheduler.syncNow(a.id()));
        flash.addFlashAttribute("message", queued ? a.id() + ": a sync is due now; the scheduler runs it."
                : a.id() + ": the scheduler does not know this account.");
        return "redirect:/#account-" + a.id();
    }

    private AccountRuntime account(String id) {
        return accounts.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no account of that id is configured"));
    }

    private Map<String, Object> account(AccountRuntime a) {
        AccountStatus s = scheduler.status(a.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("companyId", app.companies().entrySet().stream().filter(e -> e.getValue().equals(a.id()))
                .map(Map.Entry::getKey).findFirst().orElse("(not set: webhooks are ignored)"));
        m.put("state", s.state().name());
        m.put("down", s.state() == AccountStatus.State.PAUSED);
        m.put("connected", s.accessTokenExpiresAt().isPresent());
        m.put("pauseReason", s.pauseReason().orElse(""));
        m.put("paused", s.pauseReason().isPresent());
        m.put("nextRunAt", text(s.nextRunAt()));
        m.put("requestsUsedToday", s.requestsUsedToday());
        m.put("dailyBudget", s.dailyBudget());
        m.put("requestsLeft", Math.max(0, s.dailyBudget() - s.requestsUsedToday()));
        m.put("leaseHolder", s.leaseHolder().orElse(""));
        m.put("hasLeaseHolder", s.leaseHolder().isPresent());
        m.put("progress", s.progress().map(p -> p.phase() + " " + p.done() + "/" + p.total()).orElse(""));
        m.put("hasProgress", s.progress().isPresent());
        m.put("runs", runs.runs(a.id()).stream().map(AdminController::run).toList());
        // Lists of zero or one, not nulls: a section over an empty list renders nothing.
        m.put("pending", admin.pending(a.id()).map(AdminController::pending).stream().toList());
        m.put("applied", admin.lastApplied(a.id()).map(r -> Map.of("at", r.at().toString(), "message", r.message()))
                .stream().toList());
        return m;
    }

    private static Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", r.startedAt().toString());
        m.put("duration", r.duration().toString());
        m.put("trigger", r.trigger().name());
        m.put("outcome", r.outcome().name());
        m.put("failed", r.counts().getOrDefault(Outcome.FAILED, 0L) > 0 || r.error().isPresent());
        m.put("counts", r.counts().toString());
        m.put("requests", r.requestsUsed());
        m.put("owner", r.owner());
        m.put("error", r.error().orElse(""));
        m.put("hasError", r.error().isPresent());
        return m;
    }

    private static Map<String, Object> pending(AdminService.Pending p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planId", p.id());
        m.put("plannedAt", p.plannedAt().toString());
        m.put("hasChanges", p.plan().hasChanges());
        m.put("summary", p.plan().summary());
        m.put("text", p.plan().render());
        m.put("estimatedRequests", p.plan().estimatedRequests());
        Map<String, List<Map<String, String>>> byStore = new TreeMap<>();
        for (AttentionItem item : p.plan().attention()) {
            byStore.computeIfAbsent(item.store().orElse("(every store)"), k -> new ArrayList<>())
                    .add(Map.of("entity", item.entity().name(), "key", item.key(), "reason", item.reason()));
        }
        m.put("hasAttention", !byStore.isEmpty());
        m.put("attention", byStore.entrySet().stream()
                .map(e -> Map.of("store", e.getKey(), "items", e.getValue(), "count", e.getValue().size())).toList());
        return m;
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("—");
    }
}
