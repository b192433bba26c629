package com.propcloud.pms.asset.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

class ContractorPhonesTests {

    @Test
    void keepsTheFirstThreeAndLastFourDigits() {
        assertThat(ContractorPhones.mask("13912345678")).isEqualTo("139****5678");
        assertThat(ContractorPhones.mask("010-87654321")).isEqualTo("010****4321");
    }

    @Test
    void refusesANumberThatIsNoPhoneWithoutEchoingIt() {
        assertThatThrownBy(() -> ContractorPhones.mask("12345"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageNotContaining("12345");
    }
}
