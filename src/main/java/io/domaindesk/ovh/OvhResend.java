package io.domaindesk.ovh;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A write that OVHcloud refused with {@code INVALID_SIGNATURE} or {@code QUERY_TIME_OUT}
 * (so it never ran) and that was sent once more after the clock was learnt again. The
 * caller that records the write's outcome also says that it took a second sending:
 * {@link #watching} tells it, on the calling thread, since the transport is synchronous.
 *
 * @param method the HTTP method
 * @param path the path template, e.g. {@code /domain/{serviceName}/changeContact}
 * @param refusedWith the error code of the refusal
 * @param refusedQueryId the refusal's {@code X-Ovh-QueryID}, null when it had none
 */
public record OvhResend(String method, String path, String refusedWith, String refusedQueryId) {

	private static final ThreadLocal<Consumer<OvhResend>> LISTENER = new ThreadLocal<>();

	/**
	 * Runs {@code call}, telling {@code listener} of each write sent again meanwhile (at
	 * most once per call).
	 * @param <T> what the call returns
	 * @param listener told before the second sending
	 * @param call the OVHcloud call(s)
	 * @return what the call returned
	 */
	public static <T> T watching(Consumer<OvhResend> listener, Supplier<T> call) {
		Consumer<OvhResend> previous = LISTENER.get();
		LISTENER.set(listener);
		try {
			return call.get();
		}
		finally {
			if (previous == null) {
				LISTENER.remove();
			}
			else {
				LISTENER.set(previous);
			}
		}
	}

	static void report(OvhResend resend) {
		Consumer<OvhResend> listener = LISTENER.get();
		if (listener != null) {
			listener.accept(resend);
		}
	}

}
