package io.domaindesk.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Per account, how far OVHcloud's clock has moved since the client last read it: the
 * account's signed calls are checked against the moved clock, so a client that signs with
 * the time it learnt earlier gets {@code QUERY_TIME_OUT} until it reads
 * {@code GET /auth/time} again (notes §1.3: the wrappers learn the delta once and never
 * again; §6.3: server clocks off by minutes). When the re-sync does not help (the time
 * endpoint and the signature check disagree), every signed call of the account is
 * refused, which shows whether a client sends a write a third time.
 */
@Component
@ConditionalOnSandbox
class ClockSkews {

	record Skew(long seconds, boolean resyncHelps) {

	}

	private final Map<String, Skew> skews = new ConcurrentHashMap<>();

	void set(String nichandle, Duration skew, boolean resyncHelps) {
		if (skew == null || skew.isZero()) {
			this.skews.remove(nichandle);
		}
		else {
			this.skews.put(nichandle, new Skew(skew.toSeconds(), resyncHelps));
		}
	}

	/** Seconds added to the sandbox clock when this account's timestamps are checked. */
	long checked(String nichandle) {
		Skew skew = (nichandle != null) ? this.skews.get(nichandle) : null;
		return (skew != null) ? skew.seconds() : 0;
	}

	/** Seconds added to {@code GET /auth/time} for a caller of this account. */
	long told(String nichandle) {
		Skew skew = (nichandle != null) ? this.skews.get(nichandle) : null;
		return (skew != null && skew.resyncHelps()) ? skew.seconds() : 0;
	}

}
