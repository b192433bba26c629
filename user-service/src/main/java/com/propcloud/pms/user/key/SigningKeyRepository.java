package com.propcloud.pms.user.key;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SigningKeyRepository extends ListCrudRepository<SigningKey, String> {

    Optional<SigningKey> findByStatus(SigningKeyStatus status);

    List<SigningKey> findByStatusInOrderByCreatedAtDesc(Collection<SigningKeyStatus> statuses);

    /**
     * Serializes key generation across instances until the transaction ends, so two instances
     * starting at once do not both generate a key (the unique index would make one of them fail).
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(?1)) as locked", nativeQuery = true)
    long lockForKeyGeneration(long lockKey);
}
