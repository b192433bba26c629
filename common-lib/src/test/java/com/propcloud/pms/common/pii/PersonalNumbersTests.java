package com.propcloud.pms.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNumbersTests {

    @Test
    void phonesAreNormalisedFromTheUsualNotations() {
        assertThat(Phones.normalise("13900000001")).contains("13900000001");
        assertThat(Phones.normalise(" +86 139-0000-0001 ")).contains("13900000001");
        assertThat(Phones.normalise("8613900000001")).contains("13900000001");
        assertThat(Phones.normalise("12900000001")).isEmpty();
        assertThat(Phones.normalise("1390000000")).isEmpty();
        assertThat(Phones.normalise("139000000012")).isEmpty();
        assertThat(Phones.normalise(null)).isEmpty();
    }

    @Test
    void idNumbersNeedTheirCheckCharacter() {
        String valid = IdNumbers.withCheckCharacter("11010519491231002");

        assertThat(valid).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.normalise(valid.toLowerCase())).contains(valid);
        assertThat(IdNumbers.normalise("110105194912310021")).isEmpty();
        assertThat(IdNumbers.normalise("11010519491231002")).isEmpty();
    }
}
