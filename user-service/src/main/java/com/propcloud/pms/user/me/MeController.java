package com.propcloud.pms.user.me;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.CurrentUser;
import com.propcloud.pms.user.owner.OwnerAccounts;
import com.propcloud.pms.user.owner.OwnerMember;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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
    private final OwnerAccounts owners;

    MeController(StaffAccounts staff, OwnerAccounts owners) {
        this.staff = staff;
        this.owners = owners;
    }

    /**
     * Reads the account rather than echoing the token, so a role change shows here at once (the
     * token's roles follow at the next refresh).
     */
    @GetMapping
    @Operation(summary = "The calling user's account")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser caller = CurrentUser.from(jwt);
        if (CurrentUser.OWNER.equals(caller.kind())) {
            OwnerMember owner =
                    owners.find(caller.userId()).orElseThrow(() -> new NotFoundException("Account", caller.userId()));
            return new MeResponse(
                    owner.id(),
                    owner.tenantId(),
                    caller.tenantCode(),
                    CurrentUser.OWNER,
                    null,
                    owner.phoneMasked(),
                    owner.displayName(),
                    List.of("OWNER"),
                    List.of(),
                    owner.mustChangePassword() || !owner.hasPassword());
        }
        StaffMember member =
                staff.find(caller.userId()).orElseThrow(() -> new NotFoundException("Account", caller.userId()));
        return new MeResponse(
                member.id(),
                member.tenantId(),
                caller.tenantCode(),
                member.kind().claim(),
                member.username(),
                null,
                member.displayName(),
                member.roleNames(),
                member.projects(),
                member.mustChangePassword());
    }

    /**
     * Changes the caller's password (policy: at least 10 characters, 3 of 4 character classes, not
     * containing the username or phone, not the current one). Every session begun before, this one
     * included, ends at its next refresh: the client logs in again with the new password. An owner who
     * so far logged in only by SMS code sets a first password without a current one.
     */
    @PostMapping("/password")
    @Operation(summary = "Change (or, for an owner, first set) the calling user's password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChangeRequest request) {
        CurrentUser caller = CurrentUser.from(jwt);
        if (CurrentUser.OWNER.equals(caller.kind())) {
            owners.changeOwnPassword(caller.userId(), request.currentPassword(), request.newPassword());
        } else if (request.currentPassword() == null
                || request.currentPassword().isEmpty()) {
            throw new InvalidParameterException("currentPassword", "must not be empty");
        } else {
            staff.changeOwnPassword(caller.userId(), request.currentPassword(), request.newPassword());
        }
        return ResponseEntity.noContent().build();
    }
}
