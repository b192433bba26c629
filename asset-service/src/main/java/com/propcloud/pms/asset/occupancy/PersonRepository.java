package com.propcloud.pms.asset.occupancy;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** People of the current tenant, as projected from user-service. */
interface PersonRepository extends JpaRepository<Person, UUID> {}
