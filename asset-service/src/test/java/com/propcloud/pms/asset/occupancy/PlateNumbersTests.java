package com.propcloud.pms.asset.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumbersTests {

    @ParameterizedTest
    @ValueSource(strings = {"粤B12345", "京A0F123", "沪AD12345", "苏E12345F", "浙BFA1234", "川A1234学", "鲁Q1234挂"})
    void acceptsOrdinaryAndNewEnergyPlates(String plate) {
        assertThat(PlateNumbers.normalise(plate)).hasValue(plate);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AB12345", // no province
                "粤112345", // no office letter
                "粤BI2345", // I is never issued
                "粤B1234", // too short
                "粤B123456", // eight characters without the new-energy mark
                "沪AX12345", // a mark other than D or F
                "沪AD1234A", // small new-energy plates end in four digits
                "沪A12345X" // large new-energy plates end in D or F
            })
    void refusesWhatIsNoPlate(String plate) {
        assertThat(PlateNumbers.normalise(plate)).isEmpty();
    }

    @Test
    void writesThePlateAsStoredWithoutDotsOrSpaces() {
        assertThat(PlateNumbers.normalise(" 粤b·123 45 ")).hasValue("粤B12345");
    }

    @Test
    void masksNamesToTheirFirstCharacter() {
        assertThat(Person.maskName("张伟")).isEqualTo("张*");
        assertThat(Person.maskName("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Person.maskName("𠀀明")).isEqualTo("𠀀*");
    }
}
