package com.propcloud.pms.asset.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Constraint violations are recognised by the name PostgreSQL quotes, wherever it sits in the causes. */
class RegistryConstraintsTests {

    @Test
    void uniqueViolationDeepInTheCausesMapsToItsCode() {
        var ex = new DataIntegrityViolationException(
                "could not execute statement",
                new SQLException("ERROR: duplicate key value violates unique constraint \"unit_number_unique\""));

        assertThat(RegistryConstraints.ruleFor(ex))
                .map(RegistryConstraints.Rule::code)
                .hasValue(RegistryCodes.UNIT_NUMBER_TAKEN);
    }

    @Test
    void triggersMessageMapsLikeACheckConstraint() {
        var ex = new DataIntegrityViolationException(
                "ERROR: new row for relation \"unit\" violates check constraint \"unit_floor_in_range\"");

        assertThat(RegistryConstraints.ruleFor(ex))
                .map(RegistryConstraints.Rule::status)
                .hasValueSatisfying(status -> assertThat(status.value()).isEqualTo(422));
    }

    @Test
    void aConstraintNameMustBeQuotedWhole() {
        var ex = new DataIntegrityViolationException("violates check constraint \"unit_floor_in_range_v2\"");

        assertThat(RegistryConstraints.ruleFor(ex)).isEmpty();
    }
}
