package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's regions. They belong to the tenant, not to a project: every staff member may read them
 * (they are names, and a project-scoped manager still needs them to label their projects), only HQ
 * changes them.
 */
@Service
class RegionService {

    private final RegionRepository regions;
    private final ProjectRepository projects;
    private final Clock clock;

    RegionService(RegionRepository regions, ProjectRepository projects, Clock clock) {
        this.regions = regions;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional
    Region create(String name) {
        if (regions.existsByName(name.strip())) {
            throw nameTaken();
        }
        return regions.saveAndFlush(Region.create(TenantContext.require(), name, now()));
    }

    @Transactional(readOnly = true)
    Page<Region> list(Pageable pageable) {
        return regions.findAll(pageable);
    }

    @Transactional(readOnly = true)
    Region get(UUID id) {
        return regions.findById(id).orElseThrow(() -> new NotFoundException("Region", id));
    }

    @Transactional
    Region rename(UUID id, String name) {
        Region region = get(id);
        if (regions.existsByNameAndIdNot(name.strip(), id)) {
            throw nameTaken();
        }
        region.rename(name, now());
        return regions.saveAndFlush(region);
    }

    @Transactional
    void delete(UUID id) {
        Region region = get(id);
        if (projects.existsByRegionId(id)) {
            throw new BusinessRuleViolation(
                    RegistryCodes.REGION_HAS_PROJECTS, "The region still groups projects; move them first");
        }
        regions.delete(region);
        regions.flush();
    }

    private static BusinessRuleViolation nameTaken() {
        return new BusinessRuleViolation(RegistryCodes.REGION_NAME_TAKEN, "A region with this name exists");
    }

    private Instant now() {
        // the database keeps microseconds: answer with what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
