package io.domaindesk.contacts;

import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /nic-changes/bulk} and {@code /batches/{id}}: choose domains (ticked or by
 * filter) and new nichandles, read the per-domain pre-flight report, confirm, then watch
 * the batch run.
 */
@Controller
class BulkController {

	private final CurrentUser currentUser;

	private final NicChangeBatches batches;

	private final NicChangeRepository changes;

	private final BatchWorker worker;

	BulkController(CurrentUser currentUser, NicChangeBatches batches, NicChangeRepository changes, BatchWorker worker) {
		this.currentUser = currentUser;
		this.batches = batches;
		this.changes = changes;
		this.worker = worker;
	}

	@GetMapping("/nic-changes/bulk")
	String form(@RequestParam MultiValueMap<String, String> params, Model model) {
		Selection selection = Selection.from(params);
		model.addAttribute("form", NicChangeForm.empty());
		return page(selection, model);
	}

	@PostMapping("/nic-changes/bulk")
	String submit(@RequestParam MultiValueMap<String, String> params, @ModelAttribute("form") NicChangeForm form,
			BindingResult errors, @RequestParam(defaultValue = "preflight") String step, Model model,
			RedirectAttributes redirect) {
		Selection selection = Selection.from(params);
		Map<String, String> requested = form.requested(errors);
		NicChangeBatches.Selected selected = this.batches.select(selection);
		if (selected.domains().isEmpty()) {
			errors.reject("nic.bulk.empty");
		}
		if (selected.tooMany()) {
			errors.reject("nic.bulk.tooMany", new Object[] { io.domaindesk.domains.Inventory.MAX_SELECTION }, null);
		}
		if (errors.hasErrors()) {
			return page(selection, model);
		}
		if (!"confirm".equals(step)) {
			List<Preflight.Plan> report = this.batches.preflight(selected.domains(), requested);
			model.addAttribute("report", report);
			model.addAttribute("willChange", report.stream().filter(Preflight.Plan::changes).count());
			return page(selection, model);
		}
		NicChangeBatch batch = this.batches.create(selection, requested);
		this.worker.start(batch.getId());
		Flash.ok(redirect, "nic.batch.started", batch.getId());
		return "redirect:/batches/" + batch.getId();
	}

	@GetMapping("/batches/{id}")
	String batch(@PathVariable long id, HtmxRequest htmx, Model model) {
		NicChangeBatch batch = this.batches.find(id);
		List<NicChange> rows = this.changes.findByBatchIdOrderByIdAsc(batch.getId());
		model.addAttribute("batch", batch);
		model.addAttribute("rows", rows);
		model.addAttribute("progress", BatchProgress.of(rows));
		return htmx.isHtmxRequest() ? "contacts/batch :: progress" : "contacts/batch";
	}

	@PostMapping("/batches/{id}/{action}")
	String control(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		switch (action) {
			case "pause" -> this.batches.pause(id);
			case "resume" -> {
				this.batches.resume(id);
				this.worker.start(id);
			}
			case "cancel" -> this.batches.cancel(id);
			default -> throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		Flash.ok(redirect, "nic.batch.done." + action);
		return "redirect:/batches/" + id;
	}

	private String page(Selection selection, Model model) {
		NicChangeBatches.Selected selected = this.batches.select(selection);
		model.addAttribute("selection", selection);
		model.addAttribute("selected", selected);
		model.addAttribute("recent", this.batches.recent());
		return "contacts/bulk";
	}

	/** Counts for the progress bar: sent (whatever the outcome) out of those to send. */
	record BatchProgress(long total, long planned, long submitted, long failed, long unknown, long skipped,
			long cancelled) {

		static BatchProgress of(List<NicChange> rows) {
			return new BatchProgress(rows.size(), count(rows, NicChangeStatus.PLANNED),
					count(rows, NicChangeStatus.SUBMITTED), count(rows, NicChangeStatus.FAILED),
					count(rows, NicChangeStatus.UNKNOWN) + count(rows, NicChangeStatus.SUBMITTING),
					count(rows, NicChangeStatus.SKIPPED), count(rows, NicChangeStatus.CANCELLED));
		}

		public long toSend() {
			return this.total - this.skipped;
		}

		public long sent() {
			return this.submitted + this.failed + this.unknown;
		}

		public int percent() {
			return (toSend() == 0) ? 100 : (int) (sent() * 100 / toSend());
		}

		private static long count(List<NicChange> rows, NicChangeStatus status) {
			return rows.stream().filter(r -> r.getStatus() == status).count();
		}

	}

}
