package com.propcloud.pms.asset.equipment;

import com.propcloud.pms.asset.registry.RegistryQueries;
import com.propcloud.pms.asset.registry.Roles;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The equipment ledger. HQ admins and project managers register items within their scope; every staff
 * member finds those of their projects, opens one by scanning its QR label, and prints labels. Another
 * project's item is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/equipment")
@Tag(name = "Equipment")
@PreAuthorize(Roles.STAFF)
class EquipmentController {

    static final Set<String> SORTABLE =
            Set.of("code", "name", "category", "status", "installDate", "warrantyEnd", "createdAt", "updatedAt");
    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final EquipmentService equipment;

    EquipmentController(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @PostMapping
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Register an item (HQ admins, project managers); an elevator gets its 15-day plan")
    ResponseEntity<EquipmentRequests.Response> create(@Valid @RequestBody EquipmentRequests.Create request) {
        EquipmentRequests.Response created =
                EquipmentRequests.Response.of(equipment.register(request.projectId(), request.details(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/equipment/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Items in the caller's scope, paged; filters combine, warrantyBefore is inclusive")
    PageResponse<EquipmentRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID buildingId,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable LocalDate warrantyBefore,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("name", "id"));
        var filter = new EquipmentService.Filter(
                projectId,
                buildingId,
                RegistryQueries.parameter("category", category, EquipmentCategory.class),
                RegistryQueries.parameter("status", status, EquipmentStatus.class),
                warrantyBefore);
        return PageResponse.of(equipment.list(filter, pageable, staff()), EquipmentRequests.Response::of);
    }

    @GetMapping("/by-code/{code}")
    @Operation(summary = "The item a scanned QR label names")
    EquipmentRequests.Response byCode(@PathVariable String code) {
        return EquipmentRequests.Response.of(equipment.byCode(code, staff()));
    }

    @GetMapping("/labels.pdf")
    @Operation(summary = "A PDF sheet of QR labels (3 × 8 per A4 page) for a project's items")
    ResponseEntity<byte[]> labels(
            @RequestParam UUID projectId,
            @RequestParam(required = false) @Nullable UUID buildingId,
            @RequestParam(required = false) @Nullable String category) {
        var labels = equipment.labels(
                projectId,
                buildingId,
                RegistryQueries.parameter("category", category, EquipmentCategory.class),
                staff());
        return ResponseEntity.ok()
                .contentType(PDF)
                .cacheControl(CacheControl.noStore())
                .body(EquipmentLabels.pdf(labels));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item")
    EquipmentRequests.Response get(@PathVariable UUID id) {
        return EquipmentRequests.Response.of(equipment.get(id, staff()));
    }

    @GetMapping("/{id}/label.png")
    @Operation(summary = "The item's QR label as a PNG, its name and serial under the code")
    ResponseEntity<byte[]> label(@PathVariable UUID id) {
        byte[] png = EquipmentLabels.png(EquipmentLabels.Label.of(equipment.get(id, staff())));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(png);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Change an item; absent fields stay, its project never changes")
    EquipmentRequests.Response change(@PathVariable UUID id, @Valid @RequestBody EquipmentRequests.Change request) {
        return EquipmentRequests.Response.of(equipment.change(id, request::applyTo, staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Delete an item and its maintenance plans")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        equipment.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
