package io.domaindesk.trades;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TradeRepository extends JpaRepository<Trade, Long> {

	Optional<Trade> findByIdAndAgencyId(Long id, Long agencyId);

	/**
	 * Serialises concurrent steps on one trade (two admins approving at once): the second
	 * waits, then sees the first one's state.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Trade t where t.id = :id")
	Optional<Trade> lock(Long id);

	List<Trade> findByStatusIn(Collection<TradeStatus> statuses);

	List<Trade> findByAgencyIdAndDomainNameOrderByIdDesc(Long agencyId, String domainName);

}
