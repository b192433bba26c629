package com.propcloud.pms.asset.balance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** A month as the database keeps it: its first day, so months sort, compare and index as dates. */
@Converter
class MonthConverter implements AttributeConverter<YearMonth, LocalDate> {

    @Override
    public @Nullable LocalDate convertToDatabaseColumn(@Nullable YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    @Override
    public @Nullable YearMonth convertToEntityAttribute(@Nullable LocalDate day) {
        return day == null ? null : YearMonth.from(day);
    }
}
