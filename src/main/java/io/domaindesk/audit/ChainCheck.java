package io.domaindesk.audit;

import java.time.OffsetDateTime;

/**
 * The result of verifying one chain: intact, or the first broken link with what the
 * verifier expected and what it found there.
 *
 * @param problem {@code SEQUENCE} (a row missing or out of place), {@code PREVIOUS_HASH}
 * (the row does not point at its predecessor), {@code HASH} (the row's content was
 * changed), {@code TRUNCATED} (rows a previous check saw at the end are gone)
 */
public record ChainCheck(long chainId, OffsetDateTime checkedAt, String checkedBy, long rowsChecked, Long lastSeq,
		boolean intact, Long brokenEventId, Long brokenSeq, String problem, String expected, String found) {

}
