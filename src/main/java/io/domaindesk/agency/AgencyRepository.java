package io.domaindesk.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyRepository extends JpaRepository<Agency, Long> {

	Optional<Agency> findByName(String name);

	List<Agency> findAllByOrderByNameAsc();

}
