package io.domaindesk.contacts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NicChangeBatchRepository extends JpaRepository<NicChangeBatch, Long> {

	Optional<NicChangeBatch> findByIdAndAgencyId(Long id, Long agencyId);

	List<NicChangeBatch> findByStatus(String status);

	List<NicChangeBatch> findTop20ByAgencyIdOrderByIdDesc(Long agencyId);

}
