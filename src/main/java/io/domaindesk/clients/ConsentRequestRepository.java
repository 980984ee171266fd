package io.domaindesk.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ConsentRequestRepository extends JpaRepository<ConsentRequest, UUID> {

	/** Locked: two clicks on the same link answer once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from ConsentRequest c where c.tokenHash = ?1")
	Optional<ConsentRequest> lockByTokenHash(String tokenHash);

	Optional<ConsentRequest> findByTokenHash(String tokenHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from ConsentRequest c where c.id = ?1 and c.agencyId = ?2")
	Optional<ConsentRequest> lock(UUID id, long agencyId);

	Optional<ConsentRequest> findByIdAndAgencyId(UUID id, long agencyId);

	List<ConsentRequest> findByAgencyIdAndTradeIdOrderByCreatedAtDesc(long agencyId, long tradeId);

	List<ConsentRequest> findTop50ByAgencyIdAndClientIdOrderByCreatedAtDesc(long agencyId, long clientId);

}
