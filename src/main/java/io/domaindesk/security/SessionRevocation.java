package io.domaindesk.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.domaindesk.agency.UserAccessChanged;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user whose access changed, through Spring Session's index by
 * principal name: the sessions live in PostgreSQL, so this reaches every instance, and
 * the user's next request finds no session and goes to the login page.
 */
@Component
class SessionRevocation {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(UserAccessChanged event) {
		int ended = endAllBut(event.username(), event.keepSessionId());
		log.info("Ended {} session(s) of {} ({})", ended, event.username(), event.reason());
	}

	/**
	 * Ends every session of {@code username} but {@code keep} (null keeps none); answers
	 * how many ended.
	 */
	int endAllBut(String username, String keep) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
