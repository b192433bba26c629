package com.propcloud.pms.workorder.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an owner says when reporting a repair, complaint or suggestion from the app. No project and no
 * reporter: the reporter is the caller, and the project will follow from the unit.
 */
record SubmitOwnTicketRequest(
        @NotNull TicketKind kind,
        @Nullable UUID unitId,
        @Nullable @Size(max = 64) String category,
        @NotBlank @Size(max = 2000) String description) {}
