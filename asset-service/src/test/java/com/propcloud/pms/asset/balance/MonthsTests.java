package com.propcloud.pms.asset.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonthsTests {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05", "2024-5", "2024/05", "2024年5月", "2024年05", "202405", "2024-05-31", "45413"})
    void readsTheWaysPeopleWriteAMonth(String text) {
        assertThat(Months.parse(text)).isEqualTo(YearMonth.of(2024, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024.5", "May 2024", "2024-02-30", "0024-05", "5", "2024-05-01T00:00", ""})
    void refusesWhatIsNotAMonth(String text) {
        assertThat(Months.parse(text)).isNull();
    }
}
