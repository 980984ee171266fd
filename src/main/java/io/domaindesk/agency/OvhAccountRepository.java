package io.domaindesk.agency;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OvhAccountRepository extends JpaRepository<OvhAccount, Long> {

	List<OvhAccount> findByAgencyIdOrderByLabelAsc(Long agencyId);

}
