package io.domaindesk.security;

import java.util.Map;

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
		Map<String, ? extends Session> held = this.sessions.findByPrincipalName(event.username());
		int ended = 0;
		for (String id : held.keySet()) {
			if (!id.equals(event.keepSessionId())) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		log.info("Ended {} session(s) of {} ({})", ended, event.username(), event.reason());
	}

}
