package io.domaindesk.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeskUserRepository extends JpaRepository<DeskUser, Long> {

	Optional<DeskUser> findByUsername(String username);

	boolean existsByUsername(String username);

	/** Tenant-scoped lookup: another agency's user id simply does not exist here. */
	Optional<DeskUser> findByIdAndAgencyId(Long id, Long agencyId);

	List<DeskUser> findByAgencyIdOrderByUsernameAsc(Long agencyId);

	long countByAgencyId(Long agencyId);

}
