package com.propcloud.pms.user.me;

import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.CurrentUser;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me")
class MeController {

    private final StaffAccounts staff;

    MeController(StaffAccounts staff) {
        this.staff = staff;
    }

    /**
     * Reads the account rather than echoing the token, so a role change shows here at once (the
     * token's roles follow at the next refresh).
     */
    @GetMapping
    @Operation(summary = "The calling user's account")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser caller = CurrentUser.from(jwt);
        StaffMember member =
                staff.find(caller.userId()).orElseThrow(() -> new NotFoundException("Account", caller.userId()));
        return new MeResponse(
                member.id(),
                member.tenantId(),
                caller.tenantCode(),
                member.kind().claim(),
                member.username(),
                member.displayName(),
                member.roleNames(),
                member.projects(),
                member.mustChangePassword());
    }

    /**
     * Changes the caller's password (policy: at least 10 characters, 3 of 4 character classes, not
     * containing the username, not the current one). Every session begun before, this one included,
     * ends at its next refresh: the client logs in again with the new password.
     */
    @PostMapping("/password")
    @Operation(summary = "Change the calling user's password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChangeRequest request) {
        staff.changeOwnPassword(CurrentUser.from(jwt).userId(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
