package io.domaindesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Test hooks for other modules: switch faults, the rate limit, latency and Iceberg, move
 * the sandbox clock, and read the mailbox (the only way tokens leave the sandbox).
 */
@Component
@ConditionalOnSandbox
public class SandboxControl {

	private final Faults faults;

	private final RateLimiter rateLimiter;

	private final IcebergLists iceberg;

	private final SandboxClock clock;

	private final Mailbox mailbox;

	private final ContactChanges contactChanges;

	private final DomainTasks domainTasks;

	private final ClockSkews skews;

	private final CallLog calls;

	SandboxControl(Faults faults, RateLimiter rateLimiter, IcebergLists iceberg, SandboxClock clock, Mailbox mailbox,
			ContactChanges contactChanges, DomainTasks domainTasks, ClockSkews skews, CallLog calls) {
		this.skews = skews;
		this.calls = calls;
		this.faults = faults;
		this.rateLimiter = rateLimiter;
		this.iceberg = iceberg;
		this.clock = clock;
		this.mailbox = mailbox;
		this.contactChanges = contactChanges;
		this.domainTasks = domainTasks;
	}

	/**
	 * Moves OVHcloud's clock for one account's calls: the account's signed calls are
	 * refused with {@code QUERY_TIME_OUT} until the client reads {@code GET /auth/time}
	 * again, or for good when {@code resyncHelps} is false.
	 * @param nichandle the account
	 * @param skew how far (more than 5 minutes to matter); zero or null puts it back
	 * @param resyncHelps whether {@code GET /auth/time} tells the moved time
	 */
	public void setClockSkew(String nichandle, Duration skew, boolean resyncHelps) {
		this.skews.set(nichandle, skew, resyncHelps);
	}

	/**
	 * How many requests the sandbox received for this method and path (after
	 * {@code /1.0}), whatever it answered.
	 * @param method e.g. {@code POST}
	 * @param path e.g. {@code /domain/a.fr/changeContact}
	 * @return the count since start
	 */
	public long calls(String method, String path) {
		return this.calls.count(method, path);
	}

	/**
	 * Injects a fault on routes matching {@code route}, e.g. {@code "GET /domain/**"}.
	 * @param route Ant-style pattern on the path after {@code /1.0}, optionally prefixed
	 * by a method
	 * @param kind what happens
	 * @param ratePercent share of matching calls affected, 0 to 100
	 * @param latencyMillis extra latency on every matching call
	 */
	public void addFault(String route, SandboxProperties.FaultKind kind, int ratePercent, long latencyMillis) {
		this.faults.add(new SandboxProperties.Fault(route, kind, ratePercent, latencyMillis));
	}

	/**
	 * Adds latency only.
	 * @param route route pattern
	 * @param latencyMillis milliseconds
	 */
	public void addLatency(String route, long latencyMillis) {
		addFault(route, SandboxProperties.FaultKind.LATENCY, 100, latencyMillis);
	}

	/**
	 * Sets how long a {@code READ_TIMEOUT} fault keeps the client waiting (until the next
	 * {@link #clearFaults()}).
	 * @param readTimeout the delay; null restores the configured one
	 */
	public void setReadTimeout(Duration readTimeout) {
		this.faults.setReadTimeout(readTimeout);
	}

	/**
	 * Removes every fault and latency rule.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Returns the rules in force.
	 * @return fault rules
	 */
	public List<SandboxProperties.Fault> faults() {
		return this.faults.rules();
	}

	/**
	 * Limits each consumer key to so many calls per minute (429 beyond); 0 switches it
	 * off.
	 * @param perMinute the limit
	 */
	public void setRateLimitPerMinute(int perMinute) {
		this.rateLimiter.setPerMinute(perMinute);
	}

	/**
	 * Switches Iceberg pagination on or off.
	 * @param enabled whether {@code X-Pagination-Mode} is honoured
	 */
	public void setIcebergEnabled(boolean enabled) {
		this.iceberg.setEnabled(enabled);
	}

	/**
	 * Moves sandbox time forward and applies what became due (expiries, trades starting).
	 * @param duration how far
	 */
	public void advanceClock(Duration duration) {
		this.clock.advance(duration);
		tick();
	}

	/**
	 * Returns sandbox time.
	 * @return now
	 */
	public Instant now() {
		return this.clock.now();
	}

	/**
	 * Mails sent to a recipient (a nichandle, or {@code "contact <id>"} for owners),
	 * newest first; all mails when {@code recipient} is null.
	 * @param recipient who
	 * @return mails
	 */
	public List<SandboxMail> mails(String recipient) {
		return this.mailbox.latest(recipient, 500);
	}

	/**
	 * Mails about one task, oldest first.
	 * @param taskId the task
	 * @return mails
	 */
	public List<SandboxMail> mailsForTask(long taskId) {
		return this.mailbox.forTask(taskId);
	}

	/**
	 * Answers a contact change as the owner of a token, like a click in the mail.
	 * @param taskId the contact change task
	 * @param token the token from the mail
	 * @param accept accept or refuse
	 */
	public void answerContactChange(long taskId, String token, boolean accept) {
		this.contactChanges.answer(taskId, token, accept);
	}

	/**
	 * Confirms or refuses an owner change as the owner of a token.
	 * @param taskId the DomainTrade task
	 * @param token the token from the mail
	 * @param confirm confirm or refuse
	 */
	public void answerTrade(long taskId, String token, boolean confirm) {
		this.domainTasks.answerTrade(taskId, token, confirm);
	}

	/**
	 * Puts faults, rate limit, Iceberg and the clock back to their defaults.
	 */
	public void reset() {
		clearFaults();
		this.rateLimiter.setPerMinute(0);
		this.iceberg.setEnabled(true);
		this.clock.reset();
	}

	void tick() {
		this.contactChanges.tick();
		this.domainTasks.tick();
	}

}
