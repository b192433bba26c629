package com.propcloud.pms.asset.equipment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What maintenance may ask the ledger: an item's project and category, for the current tenant. */
@Component
public class EquipmentLookup {

    /** The facts of an item a plan needs. */
    public record Item(UUID id, UUID projectId, EquipmentCategory category) {}

    private final EquipmentRepository equipment;

    EquipmentLookup(EquipmentRepository equipment) {
        this.equipment = equipment;
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(UUID id) {
        return equipment
                .findById(id)
                .map(e -> new Item(e.id(), e.projectId(), e.details().category()));
    }
}
