package com.propcloud.pms.user.key;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

    Optional<SigningKey> findByStatus(SigningKeyStatus status);

    List<SigningKey> findAllByStatus(SigningKeyStatus status);

    List<SigningKey> findByStatusInOrderByCreatedAtDesc(Collection<SigningKeyStatus> statuses);

    /**
     * Serializes key generation, rotation and retirement across instances until the transaction ends,
     * so two instances starting (or finding a rotation due) at once do not both generate a key.
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(?1)) as locked", nativeQuery = true)
    long lockForKeyGeneration(long lockKey);
}
