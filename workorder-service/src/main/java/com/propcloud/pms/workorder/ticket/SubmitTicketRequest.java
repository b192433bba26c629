package com.propcloud.pms.workorder.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What staff (for a phone call or a walk-in) or an owner says when opening a ticket. */
record SubmitTicketRequest(
        @NotNull TicketKind kind,
        @Nullable UUID projectId,
        @Nullable UUID unitId,
        @Nullable @Size(max = 64) String category,
        @NotBlank @Size(max = 2000) String description) {}
