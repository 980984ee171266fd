package io.domaindesk.contacts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface NicChangeRepository extends JpaRepository<NicChange, Long> {

	Optional<NicChange> findByIdAndAgencyId(Long id, Long agencyId);

	List<NicChange> findByBatchIdOrderByIdAsc(Long batchId);

	Optional<NicChange> findFirstByBatchIdAndStatusOrderByIdAsc(Long batchId, NicChangeStatus status);

	long countByBatchIdAndStatus(Long batchId, NicChangeStatus status);

	List<NicChange> findByStatusIn(List<NicChangeStatus> statuses);

	List<NicChange> findByAgencyIdAndDomainNameOrderByIdDesc(Long agencyId, String domainName, Limit limit);

}
