package io.domaindesk.agency;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OvhAccountRepository extends JpaRepository<OvhAccount, Long> {

	List<OvhAccount> findByAgencyIdOrderByLabelAsc(Long agencyId);

	java.util.Optional<OvhAccount> findByIdAndAgencyId(Long id, Long agencyId);

	boolean existsByAgencyIdAndLabel(Long agencyId, String label);

}
