package io.domaindesk.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page that breaks the sandbox on purpose: faults, latency, rate limit, Iceberg
 * and the clock. The application's security restricts it to platform admins.
 */
@Controller
@ConditionalOnSandbox
class ControlPage {

	static final long MAX_LATENCY_MS = 60_000;

	private final SandboxControl control;

	private final RateLimiter rateLimiter;

	private final IcebergLists iceberg;

	ControlPage(SandboxControl control, RateLimiter rateLimiter, IcebergLists iceberg) {
		this.control = control;
		this.rateLimiter = rateLimiter;
		this.iceberg = iceberg;
	}

	@GetMapping("/ovh-sandbox/control")
	String page(Model model) {
		model.addAttribute("faults", this.control.faults());
		model.addAttribute("kinds", SandboxProperties.FaultKind.values());
		model.addAttribute("rateLimit", this.rateLimiter.perMinute());
		model.addAttribute("iceberg", this.iceberg.enabled());
		model.addAttribute("now", Json.dateTime(this.control.now()));
		return "sandbox/control";
	}

	@PostMapping("/ovh-sandbox/control/faults")
	String addFault(@RequestParam String route, @RequestParam SandboxProperties.FaultKind kind,
			@RequestParam(defaultValue = "100") int rate, @RequestParam(defaultValue = "0") long latencyMs,
			RedirectAttributes redirect) {
		// Bounded: a sandbox thread held for an hour per call is a denial of service.
		if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS || rate < 0 || rate > 100 || route.isBlank()
				|| route.length() > 200) {
			redirect.addFlashAttribute("error",
					"Latency is 0 to " + MAX_LATENCY_MS + " ms, rate 0 to 100 %, route up to 200 characters");
			return "redirect:/ovh-sandbox/control";
		}
		try {
			this.control.addFault(route, kind, rate, latencyMs);
			redirect.addFlashAttribute("message", "Fault added on " + route);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/ovh-sandbox/control";
	}

	@PostMapping("/ovh-sandbox/control/faults/clear")
	String clearFaults(RedirectAttributes redirect) {
		this.control.clearFaults();
		redirect.addFlashAttribute("message", "All faults removed");
		return "redirect:/ovh-sandbox/control";
	}

	@PostMapping("/ovh-sandbox/control/settings")
	String settings(@RequestParam(defaultValue = "0") int rateLimit,
			@RequestParam(defaultValue = "false") boolean iceberg, RedirectAttributes redirect) {
		if (rateLimit < 0 || rateLimit > 100_000) {
			redirect.addFlashAttribute("error", "The rate limit is 0 (none) to 100000 calls a minute");
			return "redirect:/ovh-sandbox/control";
		}
		this.control.setRateLimitPerMinute(rateLimit);
		this.control.setIcebergEnabled(iceberg);
		redirect.addFlashAttribute("message", "Settings saved");
		return "redirect:/ovh-sandbox/control";
	}

	@PostMapping("/ovh-sandbox/control/clock")
	String advance(@RequestParam String duration, RedirectAttributes redirect) {
		try {
			this.control.advanceClock(Duration.parse(duration.trim().toUpperCase()));
			redirect.addFlashAttribute("message", "Sandbox clock moved forward by " + duration);
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("error", "Not an ISO-8601 duration (e.g. P7D, PT2H): " + duration);
		}
		return "redirect:/ovh-sandbox/control";
	}

}
