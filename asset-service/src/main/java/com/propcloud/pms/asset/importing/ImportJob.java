package com.propcloud.pms.asset.importing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One uploaded file of one sheet into one project, from its dry run to its commit. The file itself and
 * its problems are kept beside it (see {@link ImportStore}), so reading a status never loads them.
 */
@Entity
@Table(name = "import_job")
class ImportJob {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private String sheet;
    private String fileName;

    @Enumerated(EnumType.STRING)
    private ImportFormat format;

    @Enumerated(EnumType.STRING)
    private ImportStatus status;

    private int rowCount;
    private int toCreate;
    private int toUpdate;
    private int unchanged;
    private int errorCount;
    private UUID createdBy;
    private Instant createdAt;
    private @Nullable Instant finishedAt;

    protected ImportJob() {} // for JPA

    static ImportJob upload(
            UUID tenantId,
            UUID projectId,
            String sheet,
            String fileName,
            ImportFormat format,
            UUID createdBy,
            Instant now) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.tenantId = tenantId;
        job.projectId = projectId;
        job.sheet = sheet;
        job.fileName = fileName;
        job.format = format;
        job.status = ImportStatus.VALIDATING;
        job.createdBy = createdBy;
        job.createdAt = now;
        return job;
    }

    /** The outcome of a dry run: clean files may be committed. */
    void validated(SheetDefinition.Counts counts, int errors) {
        record(counts, errors);
        this.status = errors == 0 ? ImportStatus.VALIDATED : ImportStatus.INVALID;
    }

    boolean committable() {
        return status == ImportStatus.VALIDATED;
    }

    void startCommit() {
        this.status = ImportStatus.COMMITTING;
    }

    /** The dry run could not be completed (the run kept dying): the import cannot be committed. */
    void abandonValidation(int errors, Instant now) {
        this.errorCount = errors;
        this.status = ImportStatus.INVALID;
        this.finishedAt = now;
    }

    void committed(SheetDefinition.Counts counts, Instant now) {
        record(counts, 0);
        this.status = ImportStatus.COMMITTED;
        this.finishedAt = now;
    }

    /**
     * The registry changed since the dry run and some rows no longer fit, or the sheet's preparation
     * refused some: nothing was written to the registry.
     */
    void failed(SheetDefinition.Counts counts, int errors, Instant now) {
        record(counts, errors);
        this.status = ImportStatus.FAILED;
        this.finishedAt = now;
    }

    private void record(SheetDefinition.Counts counts, int errors) {
        this.rowCount = counts.rows();
        this.toCreate = counts.toCreate();
        this.toUpdate = counts.toUpdate();
        this.unchanged = counts.unchanged();
        this.errorCount = errors;
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    String sheet() {
        return sheet;
    }

    String fileName() {
        return fileName;
    }

    ImportFormat format() {
        return format;
    }

    ImportStatus status() {
        return status;
    }

    SheetDefinition.Counts counts() {
        return new SheetDefinition.Counts(rowCount, toCreate, toUpdate, unchanged);
    }

    int errorCount() {
        return errorCount;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant finishedAt() {
        return finishedAt;
    }
}
